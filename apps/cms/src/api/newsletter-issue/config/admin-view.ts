import { defineAdminView } from '../../../admin-views/types';

/** The newsletter's issues: Super Admin and Redattore write and send them (src/api/newsletter-issue, docs/newsletter.md). */
export default defineAdminView({
  uid: 'api::newsletter-issue.newsletter-issue',
  fields: {
    subject: {
      label: 'Oggetto',
      description: 'L\'oggetto dell\'e-mail, come lo vede l\'iscritto nella casella di posta: breve e concreto, massimo 150 caratteri.',
      placeholder: 'Es. Le novità di dicembre: due nuove sentenze e le vostre testimonianze',
    },
    introduction: {
      label: 'Introduzione',
      description: 'Il testo in cima all\'e-mail, prima dei contenuti scelti: testo semplice, le righe vuote separano i paragrafi. Massimo 4000 caratteri.',
    },
    articles: {
      label: 'Articoli',
      description: 'Gli articoli pubblicati da segnalare, nell\'ordine scelto: per ciascuno l\'e-mail mostra titolo, sommario e il link alla pagina del sito. Gli iscritti ricevono il numero se seguono almeno una delle loro categorie.',
      mainField: 'title',
    },
    testimonies: {
      label: 'Testimonianze',
      description: 'Le testimonianze pubblicate da segnalare: titolo e link alla pagina del sito. Le ricevono gli iscritti che seguono «Nuove testimonianze».',
      mainField: 'title',
    },
    audienceInterests: {
      label: 'Destinatari (argomenti)',
      description:
        'Facoltativo: a chi mandarla, come lista JSON di argomenti (gli slug delle categorie e "testimonianze"), es. ["sentenze", "testimonianze"]. Vuoto = si calcola dai contenuti scelti. Chi non ha scelto argomenti riceve sempre tutto.',
    },
    issueStatus: {
      label: 'Stato',
      description: 'Bozza finché non premi «Invia»; poi In invio, e Inviata alla fine. Interrotta: scegli questo stato e salva per fermare un invio in corso (chi non l\'ha ancora ricevuta non la riceve).',
    },
    kind: {
      label: 'Tipo',
      description: 'Scritta dalla redazione, o il riepilogo settimanale creato in automatico (Impostazioni della newsletter).',
      readOnly: true,
    },
    totalCount: {
      label: 'Destinatari',
      description: 'Quanti iscritti confermati ricevono questo numero: si calcola quando parte l\'invio.',
      readOnly: true,
    },
    sentCount: {
      label: 'Inviate',
      description: 'Quante e-mail sono partite finora (aggiornato durante l\'invio: ricarica la pagina).',
      readOnly: true,
    },
    failedCount: {
      label: 'Non inviate',
      description: 'Quante e-mail non sono partite dopo tutti i tentativi: i dettagli in «Invio newsletter», filtrando per stato.',
      readOnly: true,
    },
    queuedAt: {
      label: 'Invio chiesto il',
      description: 'Quando è stato premuto «Invia».',
      readOnly: true,
    },
    recipientsListedAt: {
      label: 'Destinatari calcolati il',
      description: 'Tecnico: quando è stato scritto l\'elenco dei destinatari. Chi si iscrive dopo non riceve questo numero.',
      readOnly: true,
    },
    startedAt: {
      label: 'Invio iniziato il',
      description: 'Quando è partita la prima e-mail.',
      readOnly: true,
    },
    finishedAt: {
      label: 'Invio finito il',
      description: 'Quando l\'ultima e-mail è partita (o è fallita).',
      readOnly: true,
    },
  },
  settings: { mainField: 'subject', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['subject', 'issueStatus', 'kind', 'sentCount', 'createdAt'],
    edit: [
      [{ name: 'subject', size: 12 }],
      [{ name: 'introduction', size: 12 }],
      [
        { name: 'articles', size: 6 },
        { name: 'testimonies', size: 6 },
      ],
      [{ name: 'audienceInterests', size: 12 }],
      [
        { name: 'issueStatus', size: 6 },
        { name: 'kind', size: 6 },
      ],
      [
        { name: 'totalCount', size: 4 },
        { name: 'sentCount', size: 4 },
        { name: 'failedCount', size: 4 },
      ],
      [
        { name: 'queuedAt', size: 6 },
        { name: 'recipientsListedAt', size: 6 },
      ],
      [
        { name: 'startedAt', size: 6 },
        { name: 'finishedAt', size: 6 },
      ],
    ],
  },
});
