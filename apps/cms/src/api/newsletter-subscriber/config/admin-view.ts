import { NEWSLETTER_LIMITS, NEWSLETTER_SUBSCRIBER_STATUS_LABELS, NEWSLETTER_TESTIMONIES_INTEREST } from '@chiudete/types';
import { defineAdminView } from '../../../admin-views/types';

const { da_confermare, confermato } = NEWSLETTER_SUBSCRIBER_STATUS_LABELS;

/** Newsletter subscribers: read (and deleted) by the Moderatore role and Super Admin, never public, never edited by hand. */
export default defineAdminView({
  uid: 'api::newsletter-subscriber.newsletter-subscriber',
  fields: {
    email: {
      label: 'E-mail (privata)',
      description: 'L\'indirizzo così come l\'ha scritto chi si è iscritto. Non si pubblica e non si dà a nessuno.',
      readOnly: true,
    },
    emailKey: {
      label: 'Chiave dell\'indirizzo',
      description: 'Compilata in automatico: l\'indirizzo in minuscolo, per riconoscere una seconda iscrizione dello stesso indirizzo.',
      readOnly: true,
      hidden: true,
    },
    subscriberStatus: {
      label: 'Stato',
      description: `«${da_confermare}»: ha compilato il modulo ma non ha ancora cliccato il link dell'e-mail di conferma; non riceve nulla e viene cancellato dopo ${NEWSLETTER_LIMITS.confirmDays} giorni. «${confermato}»: ha confermato e riceve la newsletter.`,
      readOnly: true,
    },
    interests: {
      label: 'Argomenti scelti',
      description: `Le categorie di articoli scelte (per nome breve) e «${NEWSLETTER_TESTIMONIES_INTEREST}» per le nuove testimonianze. Vuoto: tutto.`,
      readOnly: true,
    },
    consentAt: {
      label: 'Consenso dato il',
      description: 'Quando ha inviato il modulo accettando l\'informativa qui sotto.',
      readOnly: true,
    },
    noticeVersion: {
      label: 'Versione dell\'informativa',
      description: 'La versione dell\'informativa privacy accettata (cambia quando cambia il testo).',
      readOnly: true,
    },
    noticeText: {
      label: 'Informativa accettata',
      description: 'Il testo esatto dell\'informativa mostrato sotto il modulo al momento dell\'iscrizione: la prova di che cosa è stato accettato.',
      readOnly: true,
    },
    confirmedAt: {
      label: 'Confermato il',
      description: 'Quando ha cliccato il link dell\'e-mail di conferma. Vuoto: non ancora confermato.',
      readOnly: true,
    },
    linkSecret: {
      label: 'Segreto dei link',
      description: 'Compilato in automatico: firma i link personali delle e-mail (disiscrizione, i miei dati). Non si mostra.',
      readOnly: true,
      hidden: true,
    },
    ipHash: {
      label: 'Impronta della connessione',
      description: 'Compilata in automatico contro le iscrizioni ripetute: un codice ricavato dall\'indirizzo IP, che non lo mostra.',
      readOnly: true,
      hidden: true,
    },
    idempotencyKey: {
      label: 'Chiave di invio',
      description: 'Compilata in automatico: riconosce lo stesso modulo inviato due volte.',
      readOnly: true,
      hidden: true,
    },
    requestFingerprint: {
      label: 'Impronta dell\'invio',
      description: 'Compilata in automatico insieme alla chiave di invio.',
      readOnly: true,
      hidden: true,
    },
  },
  settings: { mainField: 'email', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['createdAt', 'email', 'subscriberStatus', 'confirmedAt'],
    edit: [
      [
        { name: 'email', size: 6 },
        { name: 'subscriberStatus', size: 6 },
      ],
      [{ name: 'interests', size: 12 }],
      [
        { name: 'consentAt', size: 6 },
        { name: 'confirmedAt', size: 6 },
      ],
      [{ name: 'noticeVersion', size: 6 }],
      [{ name: 'noticeText', size: 12 }],
      // Hidden (`hidden: true`): placed so that the layout is complete, never shown.
      [
        { name: 'emailKey', size: 6 },
        { name: 'linkSecret', size: 6 },
      ],
      [
        { name: 'ipHash', size: 6 },
        { name: 'idempotencyKey', size: 6 },
      ],
      [{ name: 'requestFingerprint', size: 6 }],
    ],
  },
});
