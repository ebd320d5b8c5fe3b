import { defineAdminView } from '../../../admin-views/types';

/** The delivery log of the partner webhooks: written by the system, read by admins. */
export default defineAdminView({
  uid: 'api::webhook-delivery.webhook-delivery',
  fields: {
    webhook: {
      label: 'Webhook',
      description: 'Il webhook del partner a cui è destinato questo avviso.',
      mainField: 'name',
      readOnly: true,
    },
    deliveryStatus: {
      label: 'Stato',
      description:
        'pending = in coda o in attesa di un nuovo tentativo; delivered = il partner ha risposto 2xx; failed = tentativi esauriti o annullata. Per rispedire una consegna fallita scegli «pending» e salva: parte entro un minuto.',
    },
    action: {
      label: 'Evento',
      description: 'published = contenuto pubblicato o aggiornato; unpublished = ritirato o eliminato; ping = ping di prova inviato da un amministratore (mai ritentato).',
      readOnly: true,
    },
    contentType: {
      label: 'Tipo di contenuto',
      description: 'Il tipo del contenuto cambiato, es. article, testimony, answer. Vuoto per un ping di prova.',
      readOnly: true,
    },
    entryDocumentId: {
      label: 'ID del contenuto',
      description: 'L\'ID documento del contenuto cambiato (lo stesso nell\'API pubblica). Vuoto per un ping di prova.',
      readOnly: true,
    },
    eventId: {
      label: 'ID dell\'evento',
      description: 'Uguale per tutti i partner e per ogni nuovo tentativo: il partner lo usa per scartare i doppioni.',
      readOnly: true,
    },
    attempts: {
      label: 'Tentativi',
      description: 'Quanti invii sono stati fatti. Dopo 6 tentativi falliti (in circa 7 ore) la consegna diventa «failed».',
      readOnly: true,
    },
    lastHttpStatus: {
      label: 'Ultima risposta HTTP',
      description: 'Il codice dell\'ultima risposta del partner, es. 200, 404, 500. Vuoto se non ha risposto (sito irraggiungibile, tempo scaduto).',
      readOnly: true,
    },
    lastError: {
      label: 'Ultimo errore',
      description: 'Che cosa è andato storto all\'ultimo tentativo, da girare al referente del partner.',
      readOnly: true,
    },
    nextAttemptAt: {
      label: 'Prossimo tentativo',
      description: 'Quando parte il prossimo invio (dopo 30 s, 2 min, 10 min, 1 ora, 6 ore). Vuoto se consegnata o fallita.',
      readOnly: true,
    },
    deliveredAt: {
      label: 'Consegnata il',
      description: 'Data e ora in cui il partner ha confermato la ricezione.',
      readOnly: true,
    },
    payload: {
      label: 'Contenuto dell\'avviso',
      description: 'Il JSON inviato al partner, firmato: nessun dato privato, solo che cosa è cambiato e dove leggerlo.',
      readOnly: true,
    },
    leaseUntil: {
      label: 'In invio fino a',
      description: 'Tecnico: mentre un server sta inviando l\'avviso, nessun altro lo riprende prima di quest\'ora.',
      readOnly: true,
    },
    leaseToken: {
      label: 'Server che sta inviando',
      description: 'Tecnico: il codice del tentativo in corso. Vuoto quando nessun invio è in corso.',
      readOnly: true,
    },
  },
  settings: { mainField: 'eventId', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 50 },
  layouts: {
    list: ['createdAt', 'webhook', 'action', 'deliveryStatus', 'lastHttpStatus'],
    edit: [
      [
        { name: 'deliveryStatus', size: 6 },
        { name: 'webhook', size: 6 },
      ],
      [
        { name: 'action', size: 6 },
        { name: 'contentType', size: 6 },
      ],
      [
        { name: 'entryDocumentId', size: 6 },
        { name: 'eventId', size: 6 },
      ],
      [
        { name: 'attempts', size: 4 },
        { name: 'lastHttpStatus', size: 4 },
      ],
      [{ name: 'lastError', size: 12 }],
      [
        { name: 'nextAttemptAt', size: 6 },
        { name: 'deliveredAt', size: 6 },
      ],
      [{ name: 'payload', size: 12 }],
      [
        { name: 'leaseUntil', size: 6 },
        { name: 'leaseToken', size: 6 },
      ],
    ],
  },
});
