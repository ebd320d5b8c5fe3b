import * as React from 'react';
import { Box, Flex, Loader, Status, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import {
  PERSONAL_DATA_KIND_LABELS,
  SUBMISSION_STATUS_HELP,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_UID,
  type Finding,
  type PersonalDataKind,
  type SubmissionStatus,
} from '../../moderation/contract';
import { moderationError, remainingLine, useGetSubmissionPersonalDataQuery, useMarkSubmissionInReviewMutation } from './api';
import type { PanelComponent } from './content-manager';
import { submissionStatusOf } from './document';
import { HighlightedText } from './HighlightedText';

const STATUS_VARIANTS: Record<SubmissionStatus, 'primary' | 'secondary' | 'success' | 'danger' | 'neutral'> = {
  nuova: 'primary',
  in_revisione: 'secondary',
  approvata: 'success',
  rifiutata: 'danger',
  ritirata: 'neutral',
};

/** Findings grouped by kind, in the order of the first of each kind. */
function byKind(findings: readonly Finding[]): Array<[PersonalDataKind, string[]]> {
  const groups = new Map<PersonalDataKind, string[]>();
  for (const finding of findings) groups.set(finding.kind, [...(groups.get(finding.kind) ?? []), finding.match]);
  return [...groups.entries()];
}

const SectionTitle = ({ children }: { children: React.ReactNode }) => (
  <Typography tag="h3" variant="sigma" textColor="neutral600">{children}</Typography>
);

/**
 * Opens a new submission for review (nuova → in_revisione) once, when an
 * editor opens its page, unless the form already has changes (the refetch
 * that follows would reset them). Refusals (e.g. a read-only role) are silent.
 */
function useMarkInReviewOnOpen(documentId: string | undefined, status: SubmissionStatus | undefined, modified: boolean) {
  const [markInReview] = useMarkSubmissionInReviewMutation();
  const done = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (!documentId || status !== 'nuova' || modified || done.current === documentId) return;
    done.current = documentId;
    void markInReview({ documentId });
  }, [documentId, status, modified, markInReview]);
}

const PanelContent = ({ documentId, status }: { documentId: string; status: SubmissionStatus | undefined }) => {
  const modified = useForm('PersonalDataPanel', (state) => state.modified);
  useMarkInReviewOnOpen(documentId, status, modified);
  const { data: report, error, isLoading } = useGetSubmissionPersonalDataQuery({ documentId });
  const current = report?.status ?? status;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      {current
        ? (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Status variant={STATUS_VARIANTS[current]} size="S">
                <Typography fontWeight="bold">
                  {`Stato: ${SUBMISSION_STATUS_LABELS[current]}`}
                </Typography>
              </Status>
              <Typography variant="pi" textColor="neutral700">{SUBMISSION_STATUS_HELP[current]}</Typography>
              {modified
                ? <Typography variant="pi" fontWeight="bold" textColor="warning700">Ci sono modifiche non salvate: salvale per poter approvare o rifiutare.</Typography>
                : null}
            </Flex>
          )
        : null}

      {isLoading ? <Loader small>Ricerca dei dati personali…</Loader> : null}
      {error ? <Typography textColor="danger600">{moderationError(error).message}</Typography> : null}

      {report
        ? (
            <>
              {report.remaining.length > 0
                ? (
                    <Box role="alert" background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius padding={3}>
                      <Typography tag="p" fontWeight="bold" textColor="danger700">Da togliere prima di pubblicare</Typography>
                      <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
                        {report.remaining.flatMap(({ field, findings }) =>
                          findings.map((finding) => (
                            <li key={`${field}-${finding.start}`}>
                              <Typography variant="pi" textColor="danger700">
                                {remainingLine(field, finding)}
                              </Typography>
                            </li>
                          )))}
                      </Box>
                    </Box>
                  )
                : (
                    <Typography variant="pi" textColor="success600">
                      Nel testo da pubblicare (titolo, firma, azienda, racconto) non risultano dati personali.
                    </Typography>
                  )}

              {report.raw
                ? (
                    <>
                      <Flex direction="column" alignItems="stretch" gap={1}>
                        <SectionTitle>
                          {`Trovati nel racconto originale (${report.raw.findings.length})`}
                        </SectionTitle>
                        {report.raw.findings.length > 0
                          ? (
                              <Box tag="ul">
                                {byKind(report.raw.findings).map(([kind, matches]) => (
                                  <li key={kind}>
                                    <Typography variant="pi">
                                      <Typography variant="pi" fontWeight="bold">{`${PERSONAL_DATA_KIND_LABELS[kind]}: `}</Typography>
                                      {matches.map((match) => `«${match}»`).join(', ')}
                                    </Typography>
                                  </li>
                                ))}
                              </Box>
                            )
                          : <Typography variant="pi">Nessun dato personale riconosciuto in automatico: rileggi comunque il racconto.</Typography>}
                      </Flex>
                      <Flex direction="column" alignItems="stretch" gap={1}>
                        <SectionTitle>Racconto originale, con i dati evidenziati</SectionTitle>
                        <Box background="neutral100" hasRadius padding={3} maxHeight="28rem" overflow="auto">
                          <HighlightedText segments={report.raw.segments} />
                        </Box>
                        <Typography variant="pi" textColor="neutral600">
                          Nel testo da pubblicare questi dati sono sostituiti da «[… rimosso]». I nomi di persone senza «sig.», «operatore» e simili non vengono riconosciuti: cercali tu.
                        </Typography>
                      </Flex>
                    </>
                  )
                : (
                    <Typography variant="pi" textColor="neutral600">
                      {report.personalDataErasedAt
                        ? `I dati personali di questo invio sono stati cancellati il ${new Date(report.personalDataErasedAt).toLocaleDateString('it-IT')}.`
                        : 'Il racconto originale non è disponibile per il tuo ruolo.'}
                    </Typography>
                  )}
            </>
          )
        : null}
    </Flex>
  );
};

/** "Dati personali trovati", beside the form of a submission. */
export const PersonalDataPanel: PanelComponent = ({ model, documentId, document }) => {
  if (model !== SUBMISSION_UID || !documentId) return null;
  return {
    title: 'Dati personali trovati',
    content: <PanelContent documentId={documentId} status={submissionStatusOf(document)} />,
  };
};
