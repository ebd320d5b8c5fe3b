import * as React from 'react';
import { DialogAlert } from '../components/DialogAlert';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { WEBHOOK_UID, type PingOutcome } from '../../api/partner-webhook/ping-contract';
import type { DocumentActionComponent } from '../moderation/content-manager';
import { outcomeLine, pingError, usePingPartnerWebhookMutation } from './api';

/** What the partner's endpoint did, as the dialog shows it. */
const Outcome = ({ outcome }: { outcome: PingOutcome }) => (
  <Box
    role="status"
    background={outcome.ok ? 'success100' : 'danger100'}
    borderColor={outcome.ok ? 'success200' : 'danger200'}
    borderStyle="solid"
    borderWidth="1px"
    hasRadius
    padding={3}
  >
    <Typography tag="p" fontWeight="bold" textColor={outcome.ok ? 'success700' : 'danger700'}>
      {`${outcome.ok ? 'Ping consegnato' : 'Ping non consegnato'}: ${outcomeLine(outcome)}`}
    </Typography>
    {outcome.error ? <Typography tag="p" textColor="danger700">{`Errore: ${outcome.error}`}</Typography> : null}
    {outcome.answer ? <Typography tag="p">{`Inizio della risposta del partner: «${outcome.answer}»`}</Typography> : null}
    <Typography tag="p" variant="pi" textColor="neutral600">
      {`Registrato in «Consegna webhook» con l'ID ${outcome.deliveryId} (intestazione X-Chiudete-Delivery): non viene ritentato.`}
    </Typography>
  </Box>
);

/** The dialog: what a ping is, a button to send it, and the outcome. */
const PingDialog = ({ documentId }: { documentId: string }) => {
  const [ping, { isLoading }] = usePingPartnerWebhookMutation();
  const [outcome, setOutcome] = React.useState<PingOutcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const { toggleNotification } = useNotification();

  const send = async () => {
    setError(null);
    setOutcome(null);
    const result = await ping({ documentId });
    if ('error' in result) {
      setError(pingError(result.error));
      return;
    }
    setOutcome(result.data);
    toggleNotification({
      type: result.data.ok ? 'success' : 'warning',
      title: result.data.ok ? 'Ping consegnato' : 'Ping non consegnato',
      message: outcomeLine(result.data),
    });
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="p">
            Invia adesso all&apos;indirizzo salvato di questo webhook un avviso di prova «webhook.ping», firmato con il suo segreto come
            gli avvisi veri: serve al partner per controllare di riceverli e di verificare la firma. Si invia una volta sola, anche se il
            webhook è spento, e non riguarda nessun contenuto.
          </Typography>
          {outcome ? <Outcome outcome={outcome} /> : null}
          {error ? <DialogAlert message={error} /> : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Chiudi</Button>
        </Modal.Close>
        <Button startIcon={<Play />} loading={isLoading} onClick={send}>
          {outcome || error ? 'Invia di nuovo' : 'Invia il ping'}
        </Button>
      </Modal.Footer>
    </>
  );
};

/**
 * «Invia un ping di prova», on the edit view of a saved partner webhook
 * whose form has no unsaved changes (the ping goes to the saved address).
 */
export const PingAction: DocumentActionComponent = ({ model, documentId }) => {
  const modified = useForm('PingAction', (state) => state.modified);
  // A stable component per document: a new one at each render would reset the dialog.
  const Content = React.useMemo(
    () =>
      function PingContent() {
        return documentId ? <PingDialog documentId={documentId} /> : null;
      },
    [documentId],
  );
  if (model !== WEBHOOK_UID || !documentId || modified) return null;
  return {
    label: 'Invia un ping di prova',
    icon: <Play />,
    position: 'panel',
    dialog: { type: 'modal', title: 'Ping di prova al partner', content: Content },
  };
};
PingAction.position = 'panel';
