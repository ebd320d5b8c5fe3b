import { ROLE_LABELS } from '@chiudete/types';
import { SCHEDULE_ROW, scheduleFields } from '../../../admin-views/schedule';
import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::testimony.testimony',
  fields: {
    title: {
      label: 'Titolo',
      description:
        'Una frase che riassume il caso, da 5 a 140 caratteri, es. «Mi hanno attivato un contratto luce che non avevo chiesto». Niente nomi di persone.',
    },
    slug: {
      label: 'Indirizzo della pagina (slug)',
      description:
        'Parte finale dell\'indirizzo della pagina, es. /testimonianze/contratto-luce-mai-chiesto. Si genera dal titolo: cambiala solo prima della pubblicazione.',
    },
    role: {
      label: 'Chi racconta',
      description:
        `«${ROLE_LABELS.cliente}» se racconta da cliente, «${ROLE_LABELS.operatore}» se lavora o ha lavorato in un call center. Rifiuta le testimonianze sulle condizioni di lavoro (paga, contratti, turni): sono fuori tema.`,
    },
    sector: {
      label: 'Settore',
      description: 'Il settore dell\'azienda: telefonia fissa e mobile, luce, gas, pay TV, e-commerce, banche e assicurazioni, altro.',
    },
    companyBrand: {
      label: 'Azienda (marchio)',
      description: 'Facoltativo. Il marchio dell\'azienda, es. il fornitore di luce o di telefonia. Mai nomi di persone né codici cliente.',
    },
    channel: {
      label: 'Canale',
      description:
        'Come è avvenuto il contatto: assistenza telefonica, chat, e-mail, telemarketing (chiamata ricevuta), negozio, altro.',
    },
    eventMonth: {
      label: 'Mese dei fatti',
      description: 'Mese dei fatti nel formato AAAA-MM, es. 2019-03',
      placeholder: 'AAAA-MM',
    },
    receivedDate: {
      label: 'Ricevuta il',
      description:
        'Il giorno in cui la redazione ha ricevuto la storia: è la data che il sito mostra con la testimonianza e nei risultati della ricerca. Le testimonianze approvate dalla moderazione la ricevono da sole. Se manca, il sito mostra la data di pubblicazione.',
    },
    story: {
      label: 'Racconto',
      description:
        'Il testo della testimonianza, da 50 a 8000 caratteri. Prima di pubblicare togli ogni dato personale: telefoni, e-mail, codice fiscale, IBAN, codici cliente o contratto, codici POD e PDR, nomi di persone private.',
    },
    displayName: {
      label: 'Firma pubblica',
      description: 'Come firmare la testimonianza sul sito, massimo 60 caratteri, es. «Marta, Torino» o «Un operatore di Napoli». Mai nome e cognome completi.',
    },
    ...scheduleFields('la testimonianza'),
  },
  settings: { mainField: 'title', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'role', 'sector', 'createdAt', 'scheduledPublishAt'],
    edit: [
      [{ name: 'title', size: 12 }],
      [
        { name: 'slug', size: 6 },
        { name: 'displayName', size: 6 },
      ],
      [...SCHEDULE_ROW],
      [
        { name: 'role', size: 4 },
        { name: 'sector', size: 4 },
        { name: 'channel', size: 4 },
      ],
      [
        { name: 'companyBrand', size: 4 },
        { name: 'eventMonth', size: 4 },
        { name: 'receivedDate', size: 4 },
      ],
      [{ name: 'story', size: 12 }],
    ],
  },
});
