import * as React from 'react';
import { DialogAlert } from '../components/DialogAlert';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { Eye, Mail, PaperPlane } from '@strapi/icons';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { NEWSLETTER_ISSUE_UID } from '../../api/newsletter-issue/admin-contract';
import type { DocumentActionComponent } from '../moderation/content-manager';
import { newsletterError, useNewsletterPreviewQuery, useSendNewsletterIssueMutation, useSendNewsletterTestMutation } from './api';

/** «Anteprima»: the e-mail's HTML in a sandboxed frame (no script, no form), at a phone's width or the full 600 px. */
const PreviewDialog = ({ documentId }: { documentId: string }) => {
  const { data, error, isFetching } = useNewsletterPreviewQuery({ documentId });
  const [width, setWidth] = React.useState(640);
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {error ? <DialogAlert message={newsletterError(error)} /> : null}
          {isFetching || !data
            ? <Typography>Preparo l&apos;anteprima…</Typography>
            : (
                <>
                  <Typography tag="p">{`Oggetto: ${data.subject} · ${Math.round(data.bytes / 1024)} KB · i link di disiscrizione sono d'esempio.`}</Typography>
                  <Flex gap={2}>
                    <Button variant={width === 375 ? 'secondary' : 'tertiary'} onClick={() => setWidth(375)}>Telefono</Button>
                    <Button variant={width === 640 ? 'secondary' : 'tertiary'} onClick={() => setWidth(640)}>Computer</Button>
                  </Flex>
                  <iframe title="Anteprima della newsletter" sandbox="" srcDoc={data.html} style={{ width, maxWidth: '100%', height: 560, border: '1px solid #ddd', alignSelf: 'center' }} />
                </>
              )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Chiudi</Button>
        </Modal.Close>
      </Modal.Footer>
    </>
  );
};

/** «Invia una prova a me»: one copy to the logged-in admin's address. */
const TestDialog = ({ documentId }: { documentId: string }) => {
  const [sendTest, { isLoading }] = useSendNewsletterTestMutation();
  const [outcome, setOutcome] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const send = async () => {
    setError(null);
    setOutcome(null);
    const result = await sendTest({ documentId });
    if ('error' in result) setError(newsletterError(result.error));
    else setOutcome(`Prova inviata a ${result.data.to}: controlla la casella (anche lo spam).`);
  };
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography tag="p">Manda al tuo indirizzo una copia di questo numero, con «[Prova]» nell&apos;oggetto. Gli iscritti non ricevono nulla.</Typography>
          {outcome ? <Box role="status" background="success100" padding={3} hasRadius><Typography textColor="success700">{outcome}</Typography></Box> : null}
          {error ? <DialogAlert message={error} /> : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Chiudi</Button>
        </Modal.Close>
        <Button startIcon={<Mail />} loading={isLoading} onClick={send}>{outcome ? 'Invia di nuovo' : 'Invia la prova'}</Button>
      </Modal.Footer>
    </>
  );
};

/** «Invia»: a confirmation, then the issue is queued; the worker sends it in the background. */
const SendDialog = ({ documentId, onClose }: { documentId: string; onClose: () => void }) => {
  const [sendIssue, { isLoading }] = useSendNewsletterIssueMutation();
  const [error, setError] = React.useState<string | null>(null);
  const { toggleNotification } = useNotification();
  const confirm = async () => {
    setError(null);
    const result = await sendIssue({ documentId });
    if ('error' in result) {
      setError(newsletterError(result.error));
      return;
    }
    toggleNotification({ type: 'success', title: 'Invio avviato', message: 'La newsletter parte in background: «Inviate» e «Non inviate» si aggiornano ricaricando la pagina.' });
    onClose();
  };
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography tag="p">
            Invii questo numero a tutti gli iscritti confermati interessati ai suoi argomenti (e a chi non ha scelto argomenti). Non si può
            annullare né mandare una seconda volta: prima guarda l&apos;anteprima e manda una prova a te. Per fermare un invio in corso,
            imposta lo stato «Interrotta» e salva.
          </Typography>
          {error ? <DialogAlert message={error} /> : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Annulla</Button>
        </Modal.Close>
        <Button variant="danger" startIcon={<PaperPlane />} loading={isLoading} onClick={confirm}>Invia agli iscritti</Button>
      </Modal.Footer>
    </>
  );
};

const issueStatusOf = (document: Record<string, unknown> | undefined): string | undefined =>
  typeof document?.issueStatus === 'string' ? document.issueStatus : undefined;

/** A stable dialog component per document: a new one at each render would reset it. */
function useDialog(documentId: string | undefined, Dialog: React.ComponentType<{ documentId: string; onClose: () => void }>) {
  return React.useMemo(
    () =>
      function NewsletterDialog({ onClose }: { onClose: () => void }) {
        return documentId ? <Dialog documentId={documentId} onClose={onClose} /> : null;
      },
    [documentId, Dialog],
  );
}

export const PreviewNewsletterAction: DocumentActionComponent = ({ model, documentId }) => {
  const modified = useForm('PreviewNewsletterAction', (state) => state.modified);
  const Content = useDialog(documentId, PreviewDialog);
  if (model !== NEWSLETTER_ISSUE_UID || !documentId || modified) return null;
  return { label: 'Anteprima della newsletter', icon: <Eye />, position: 'panel', dialog: { type: 'modal', title: 'Anteprima della newsletter', content: Content } };
};
PreviewNewsletterAction.position = 'panel';

export const TestNewsletterAction: DocumentActionComponent = ({ model, documentId }) => {
  const modified = useForm('TestNewsletterAction', (state) => state.modified);
  const Content = useDialog(documentId, TestDialog);
  if (model !== NEWSLETTER_ISSUE_UID || !documentId || modified) return null;
  return { label: 'Invia una prova a me', icon: <Mail />, position: 'panel', dialog: { type: 'modal', title: 'Invia una prova a me', content: Content } };
};
TestNewsletterAction.position = 'panel';

export const SendNewsletterAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const modified = useForm('SendNewsletterAction', (state) => state.modified);
  const Content = useDialog(documentId, SendDialog);
  if (model !== NEWSLETTER_ISSUE_UID || !documentId || modified || issueStatusOf(document) !== 'bozza') return null;
  return { label: 'Invia', icon: <PaperPlane />, variant: 'danger', position: 'panel', dialog: { type: 'modal', title: 'Inviare la newsletter?', content: Content } };
};
SendNewsletterAction.position = 'panel';
