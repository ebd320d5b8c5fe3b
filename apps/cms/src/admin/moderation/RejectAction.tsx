import * as React from 'react';
import { DialogAlert } from '../components/DialogAlert';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useForm, useNotification } from '@strapi/strapi/admin';
import {
  REJECTABLE_STATUSES,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  SUBMISSION_UID,
  type RejectionReason,
} from '../../moderation/contract';
import { moderationError, useRejectSubmissionMutation } from './api';
import type { DocumentActionComponent } from './content-manager';
import { submissionStatusOf } from './document';

const NOTE_MAX = 2000;

const isReason = (value: unknown): value is RejectionReason => REJECTION_REASONS.some((reason) => reason === value);

/** The reject dialog: a required coded reason, an optional private note. */
const RejectDialog = ({ documentId, isPublished, onClose }: { documentId: string; isPublished: boolean; onClose: () => void }) => {
  const [reason, setReason] = React.useState<RejectionReason | null>(null);
  const [note, setNote] = React.useState('');
  const [showMissingReason, setShowMissingReason] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [reject, { isLoading }] = useRejectSubmissionMutation();
  const { toggleNotification } = useNotification();

  const confirm = async () => {
    if (!reason) {
      setShowMissingReason(true);
      return;
    }
    setError(null);
    const trimmed = note.trim();
    const result = await reject({ documentId, body: { reason, ...(trimmed ? { note: trimmed } : {}) } });
    if ('error' in result) {
      setError(moderationError(result.error).message);
      return;
    }
    toggleNotification({
      type: 'success',
      title: 'Testimonianza rifiutata',
      message: isPublished ? 'È stata tolta dal sito.' : undefined,
    });
    onClose();
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="p">
            {isPublished
              ? 'Questa testimonianza è pubblicata: rifiutandola la togli dal sito (resta come bozza tra le Testimonianze).'
              : 'La testimonianza non sarà pubblicata. I dati personali di chi l\'ha inviata si cancellano da soli dopo il periodo di conservazione.'}
          </Typography>
          <Field.Root name="reason" required error={showMissingReason && !reason ? 'Scegli il motivo del rifiuto.' : undefined} hint="Secondo le regole della redazione.">
            <Field.Label>Motivo del rifiuto</Field.Label>
            <SingleSelect
              placeholder="Scegli un motivo"
              value={reason}
              onChange={(value: string | number) => {
                if (isReason(value)) setReason(value);
              }}
            >
              {REJECTION_REASONS.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {REJECTION_REASON_LABELS[code]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="note" hint="Facoltativa e privata: resta nelle «Note della redazione», non si pubblica e non si invia a chi ha scritto.">
            <Field.Label>Nota per la redazione</Field.Label>
            <Textarea value={note} maxLength={NOTE_MAX} rows={4} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          {error ? <DialogAlert message={error} /> : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Annulla</Button>
        </Modal.Close>
        <Button variant="danger" startIcon={<Cross />} loading={isLoading} onClick={confirm}>
          {isPublished ? 'Rifiuta e togli dal sito' : 'Rifiuta'}
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * "Rifiuta", on the edit view of a submission that is nuova or in_revisione,
 * and on an approved one (which it takes off the site).
 */
export const RejectAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const modified = useForm('RejectAction', (state) => state.modified);
  const status = submissionStatusOf(document);
  const isPublished = status === 'approvata';
  const Content = React.useMemo(
    () =>
      function RejectContent({ onClose }: { onClose: () => void }) {
        return documentId ? <RejectDialog documentId={documentId} isPublished={isPublished} onClose={onClose} /> : null;
      },
    [documentId, isPublished],
  );
  if (model !== SUBMISSION_UID || !documentId || modified || !status || !REJECTABLE_STATUSES.includes(status)) return null;
  return {
    label: isPublished ? 'Rifiuta e togli dal sito' : 'Rifiuta',
    icon: <Cross />,
    variant: 'danger',
    position: 'panel',
    dialog: { type: 'modal', title: isPublished ? 'Togli dal sito e rifiuta la testimonianza' : 'Rifiuta la testimonianza', content: Content },
  };
};
RejectAction.position = 'panel';
