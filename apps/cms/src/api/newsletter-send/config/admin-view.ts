import { defineAdminView } from '../../../admin-views/types';

/** The newsletter's send log: written by the sending worker, read by admins. */
export default defineAdminView({
  uid: 'api::newsletter-send.newsletter-send',
  fields: {
    key: {
      label: 'Chiave',
      description: 'Tecnico: numero e iscritto insieme; impedisce due invii dello stesso numero allo stesso iscritto.',
      readOnly: true,
      hidden: true,
    },
    issueDocumentId: {
      label: 'ID del numero',
      description: 'L\'ID documento del numero della newsletter (filtra la lista per questo campo per vedere gli invii di un numero).',
      readOnly: true,
    },
    subscriberDocumentId: {
      label: 'ID dell\'iscritto',
      description: 'L\'ID documento dell\'iscritto (in «Iscritto alla newsletter»); se si è disiscritto non esiste più.',
      readOnly: true,
    },
    sendStatus: {
      label: 'Stato',
      description:
        'In coda: non ancora partita. Inviata: consegnata al server di posta. Non inviata: tentativi esauriti (vedi l\'errore). Annullata: l\'iscritto si è disiscritto o l\'invio è stato interrotto. Forse inviata: il server si è fermato mentre la consegnava; non si rimanda per non mandarla due volte.',
      readOnly: true,
    },
    attempts: {
      label: 'Tentativi',
      description: 'Quanti invii sono stati tentati (al massimo 3, a qualche minuto di distanza).',
      readOnly: true,
    },
    lastError: {
      label: 'Ultimo errore',
      description: 'Che cosa ha risposto il server di posta all\'ultimo tentativo fallito.',
      readOnly: true,
    },
    nextAttemptAt: {
      label: 'Prossimo tentativo',
      description: 'Quando si riprova dopo un errore. Vuoto se inviata o definitiva.',
      readOnly: true,
    },
    sentAt: {
      label: 'Inviata il',
      description: 'Quando il server di posta ha accettato l\'e-mail.',
      readOnly: true,
    },
    providerEvent: {
      label: 'Segnalazione del fornitore',
      description: 'Un rimbalzo (indirizzo inesistente, casella piena) o un reclamo (segnata come spam) comunicati dal fornitore di posta.',
      readOnly: true,
    },
  },
  settings: { mainField: 'subscriberDocumentId', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 50 },
  layouts: {
    list: ['createdAt', 'issueDocumentId', 'sendStatus', 'attempts', 'sentAt'],
    edit: [
      [{ name: 'sendStatus', size: 12 }],
      [
        { name: 'issueDocumentId', size: 6 },
        { name: 'subscriberDocumentId', size: 6 },
      ],
      [
        { name: 'attempts', size: 4 },
        { name: 'nextAttemptAt', size: 4 },
        { name: 'sentAt', size: 4 },
      ],
      [{ name: 'lastError', size: 12 }],
      [{ name: 'providerEvent', size: 12 }],
      // Hidden (see above): placed so that the view is complete.
      [{ name: 'key', size: 12 }],
    ],
  },
});
