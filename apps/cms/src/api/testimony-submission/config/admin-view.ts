import { CHANNEL_LABELS, REJECTION_REASON_LABELS, ROLE_LABELS, SECTOR_LABELS, SUBMISSION_STATUS_LABELS } from '@chiudete/types';
import { defineAdminView } from '../../../admin-views/types';

/** The Italian labels of a vocabulary as a list in a sentence: «a», «b» o «c». */
const quoted = (labels: Readonly<Record<string, string>>, last = 'o') => {
  const items = Object.values(labels).map((label) => `«${label}»`);
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
};

const { nuova, in_revisione: inReview, ritirata } = SUBMISSION_STATUS_LABELS;

/** The moderation queue: what readers sent, with personal data, never public. */
export default defineAdminView({
  uid: 'api::testimony-submission.testimony-submission',
  fields: {
    submissionStatus: {
      label: 'Stato della moderazione',
      description:
        `Cambia con i pulsanti a destra: «Approva e pubblica» la mette sul sito, «Rifiuta» la scarta (e, se era pubblicata, la toglie dal sito). «${nuova}»: appena arrivata; «${inReview}»: aperta da qualcuno della redazione; «${ritirata}»: chi l'ha inviata l'ha ritirata.`,
      readOnly: true,
    },
    rejectionReason: {
      label: 'Motivo del rifiuto',
      description:
        `Compilato dal pulsante «Rifiuta»: ${quoted(REJECTION_REASON_LABELS)}.`,
      readOnly: true,
    },
    title: {
      label: 'Titolo proposto',
      description: 'Il titolo scelto da chi ha scritto, massimo 140 caratteri: puoi migliorarlo nella finestra di «Approva e pubblica».',
    },
    role: {
      label: 'Chi racconta',
      description: `${quoted(ROLE_LABELS)}, come indicato da chi ha scritto. Le storie sulle condizioni di lavoro degli operatori vanno rifiutate.`,
    },
    sector: {
      label: 'Settore',
      description: `Il settore dell'azienda: ${quoted(SECTOR_LABELS)}.`,
    },
    channel: {
      label: 'Canale',
      description: `Come è avvenuto il contatto: ${quoted(CHANNEL_LABELS)}.`,
    },
    companyBrand: {
      label: 'Azienda (marchio)',
      description: 'Facoltativo. Il marchio indicato da chi ha scritto, es. il fornitore di luce o di telefonia.',
    },
    outsourcer: {
      label: 'Call center (outsourcer)',
      description: 'Facoltativo. L\'azienda che gestisce il call center per conto del marchio, se chi scrive la conosce.',
    },
    eventMonth: {
      label: 'Mese dei fatti',
      description: 'Mese dei fatti nel formato AAAA-MM, es. 2019-03',
      placeholder: 'AAAA-MM',
    },
    displayName: {
      label: 'Firma proposta',
      description: 'La firma scelta da chi ha scritto, es. «Marta, Torino». Prima di pubblicare controlla che non ci siano nome e cognome completi: puoi cambiarla nella finestra di «Approva e pubblica».',
    },
    story: {
      label: 'Racconto originale (privato)',
      description:
        'Il testo così come è arrivato, da leggere e non da modificare: può contenere dati personali e non si pubblica mai. I dati trovati sono evidenziati nel riquadro «Dati personali trovati» a destra.',
      readOnly: true,
    },
    redactedStory: {
      label: 'Racconto senza dati personali',
      description:
        'È il testo che «Approva e pubblica» mette sul sito. I dati personali trovati sono già sostituiti da «[… rimosso]»: rileggilo, togli quello che è sfuggito (nomi di persone private, indirizzi…) e salva. Se resta un dato personale la pubblicazione viene rifiutata.',
    },
    personalDataFindings: {
      label: 'Dati personali trovati',
      description: 'Compilato in automatico: i dati personali riconosciuti nel racconto originale. Nascosto: la redazione li vede, leggibili, nel riquadro «Dati personali trovati» a destra.',
      readOnly: true,
      hidden: true,
    },
    moderatorNote: {
      label: 'Note della redazione (private)',
      description: 'Appunti interni sulla moderazione, es. che cosa hai tolto o perché l\'hai rifiutata. Non si pubblicano mai.',
    },
    contactEmail: {
      label: 'E-mail di contatto (privata)',
      description: 'Serve solo alla redazione per rispondere: non va mai pubblicata né copiata nella testimonianza.',
    },
    testimony: {
      label: 'Testimonianza pubblicata',
      description: 'La Testimonianza pubblica nata da questo invio: la crea «Approva e pubblica». Per correggerla dopo la pubblicazione apri la Testimonianza.',
      mainField: 'title',
      readOnly: true,
    },
    consentToPublish: {
      label: 'Consenso alla pubblicazione',
      description: 'Attivo se chi ha scritto accetta che la storia, senza dati personali, sia pubblicata. Senza consenso non si pubblica. Lo decide solo chi scrive.',
      readOnly: true,
    },
    privacyAccepted: {
      label: 'Informativa privacy accettata',
      description: 'Attivo se chi ha scritto ha accettato l\'informativa privacy al momento dell\'invio.',
      readOnly: true,
    },
    submittedAt: {
      label: 'Inviata il',
      description: 'Data e ora dell\'invio, compilate in automatico.',
      readOnly: true,
    },
    moderatedAt: {
      label: 'Moderata il',
      description:
        'Compilata in automatico da «Approva e pubblica» o «Rifiuta». Per le storie rifiutate fa partire il conto alla rovescia della cancellazione automatica dei dati personali.',
      readOnly: true,
    },
    withdrawnAt: {
      label: 'Ritirata il',
      description: 'Compilata in automatico quando chi ha scritto ritira la testimonianza con il suo link personale.',
      readOnly: true,
    },
    personalDataErasedAt: {
      label: 'Dati personali cancellati il',
      description: 'Compilata in automatico quando i dati personali di questo invio (e-mail, racconti, note) vengono cancellati.',
      readOnly: true,
    },
    ipHash: {
      label: 'Impronta della connessione',
      description: 'Compilata in automatico contro gli invii ripetuti: un codice ricavato dall\'indirizzo IP, che non lo mostra.',
      readOnly: true,
      hidden: true,
    },
    accessTokenHash: {
      label: 'Codice del link personale (cifrato)',
      description: 'Compilato in automatico: riconosce il link personale dato a chi ha scritto. Non si può leggere né modificare.',
      readOnly: true,
      hidden: true,
    },
    idempotencyKey: {
      label: 'Chiave dell\'invio',
      description: 'Compilata in automatico dal modulo del sito: se la connessione cade e il lettore riprova, lo stesso invio non crea una seconda testimonianza.',
      readOnly: true,
      hidden: true,
    },
    requestFingerprint: {
      label: 'Impronta del contenuto inviato',
      description: 'Compilata in automatico: un riprova con la stessa chiave deve portare lo stesso testo, altrimenti è rifiutato.',
      readOnly: true,
      hidden: true,
    },
  },
  settings: { mainField: 'title', defaultSortBy: 'submittedAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'submissionStatus', 'role', 'sector', 'submittedAt'],
    edit: [
      [
        { name: 'submissionStatus', size: 6 },
        { name: 'rejectionReason', size: 6 },
      ],
      [{ name: 'title', size: 12 }],
      // What gets published first, and big; the raw story, read-only, right below to compare.
      [{ name: 'redactedStory', size: 12 }],
      [{ name: 'story', size: 12 }],
      [
        { name: 'displayName', size: 6 },
        { name: 'companyBrand', size: 6 },
      ],
      [
        { name: 'role', size: 4 },
        { name: 'sector', size: 4 },
        { name: 'channel', size: 4 },
      ],
      [
        { name: 'eventMonth', size: 6 },
        { name: 'outsourcer', size: 6 },
      ],
      [{ name: 'moderatorNote', size: 12 }],
      [
        { name: 'testimony', size: 6 },
        { name: 'contactEmail', size: 6 },
      ],
      [
        { name: 'consentToPublish', size: 6 },
        { name: 'privacyAccepted', size: 6 },
      ],
      [
        { name: 'submittedAt', size: 6 },
        { name: 'moderatedAt', size: 6 },
      ],
      [
        { name: 'withdrawnAt', size: 6 },
        { name: 'personalDataErasedAt', size: 6 },
      ],
      // Internal values, hidden from the edit view (`hidden: true`): last, so that they leave no gap.
      [{ name: 'personalDataFindings', size: 12 }],
      [
        { name: 'ipHash', size: 6 },
        { name: 'accessTokenHash', size: 6 },
      ],
      [
        { name: 'idempotencyKey', size: 6 },
        { name: 'requestFingerprint', size: 6 },
      ],
    ],
  },
});
