import * as React from 'react';
import { DialogAlert } from '../components/DialogAlert';
import { Box, Button, Field, Flex, Modal, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { sitePath } from '@chiudete/types';
import {
  APPROVABLE_STATUSES,
  SUBMISSION_UID,
  TESTIMONY_LIMITS,
  type ModerationResult,
} from '../../moderation/contract';
import { moderationError, remainingLine, useApproveSubmissionMutation, type ModerationError } from './api';
import type { DocumentActionComponent } from './content-manager';
import { submissionStatusOf, textOf } from './document';

/** The confirm dialog: the final public texts, editable, prefilled from the edit view's form. */
const ApproveDialog = ({ documentId, onClose }: { documentId: string; onClose: () => void }) => {
  const values = useForm('ApproveDialog', (state) => state.values as Record<string, unknown>);
  const [title, setTitle] = React.useState(() => textOf(values.title));
  const [displayName, setDisplayName] = React.useState(() => textOf(values.displayName));
  const [story, setStory] = React.useState(() => textOf(values.redactedStory));
  const [error, setError] = React.useState<ModerationError | null>(null);
  const [approve, { isLoading }] = useApproveSubmissionMutation();
  const { toggleNotification } = useNotification();

  const confirm = async () => {
    setError(null);
    const result = await approve({ documentId, body: { title, displayName, redactedStory: story } });
    if ('error' in result) {
      setError(moderationError(result.error));
      return;
    }
    const approved: ModerationResult = result.data;
    toggleNotification({
      type: 'success',
      title: 'Testimonianza pubblicata',
      message: approved.testimony ? `È online all'indirizzo ${sitePath('testimony', approved.testimony.slug)}` : undefined,
    });
    onClose();
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="p">
            Questo è ciò che comparirà sul sito come Testimonianza pubblica: controlla che non resti nessun dato personale
            (telefoni, e-mail, codici, nomi di persone private). L&apos;e-mail di contatto, il racconto originale e le note restano privati.
          </Typography>
          <Field.Root name="title" required hint={`Da ${TESTIMONY_LIMITS.title.min} a ${TESTIMONY_LIMITS.title.max} caratteri, senza nomi di persone.`}>
            <Field.Label>Titolo</Field.Label>
            <TextInput value={title} maxLength={TESTIMONY_LIMITS.title.max} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTitle(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="displayName" required hint="Come firmare sul sito, es. «Marta, Torino». Mai nome e cognome completi.">
            <Field.Label>Firma</Field.Label>
            <TextInput value={displayName} maxLength={TESTIMONY_LIMITS.displayName.max} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDisplayName(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="redactedStory" required hint={`Il testo pubblicato, da ${TESTIMONY_LIMITS.story.min} a ${TESTIMONY_LIMITS.story.max} caratteri. Diventa anche il «Racconto senza dati personali» di questo invio.`}>
            <Field.Label>Testo che verrà pubblicato</Field.Label>
            <Textarea value={story} rows={12} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setStory(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          {error
            ? (
                <DialogAlert title="Non pubblicata" message={error.message}>
                  {error.remaining?.length
                    ? (
                        <Box tag="ul" paddingTop={2} paddingLeft={4} style={{ listStyle: 'disc' }}>
                          {error.remaining.flatMap(({ field, findings }) =>
                            findings.map((finding) => (
                              <li key={`${field}-${finding.start}`}>
                                <Typography textColor="danger700">
                                  {remainingLine(field, finding)}
                                </Typography>
                              </li>
                            )))}
                        </Box>
                      )
                    : null}
                </DialogAlert>
              )
            : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Annulla</Button>
        </Modal.Close>
        <Button variant="success" startIcon={<Check />} loading={isLoading} onClick={confirm}>
          Pubblica la testimonianza
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * "Approva e pubblica", on the edit view of a submission that is nuova or
 * in_revisione: a dialog with the final texts, then the approve route.
 */
export const ApproveAction: DocumentActionComponent = ({ model, documentId, document }) => {
  // With unsaved changes the decision waits: "Salva" takes the first place (see ./index.ts).
  const modified = useForm('ApproveAction', (state) => state.modified);
  // A stable component per document: a new one at each render would reset the dialog.
  const Content = React.useMemo(
    () =>
      function ApproveContent({ onClose }: { onClose: () => void }) {
        return documentId ? <ApproveDialog documentId={documentId} onClose={onClose} /> : null;
      },
    [documentId],
  );
  if (model !== SUBMISSION_UID || !documentId || modified) return null;
  const status = submissionStatusOf(document);
  if (!status || !APPROVABLE_STATUSES.includes(status)) return null;
  return {
    label: 'Approva e pubblica',
    icon: <Check />,
    variant: 'success',
    position: 'panel',
    dialog: { type: 'modal', title: 'Approva e pubblica la testimonianza', content: Content },
  };
};
ApproveAction.position = 'panel';
