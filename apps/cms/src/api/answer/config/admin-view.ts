import { SCHEDULE_ROW, scheduleFields } from '../../../admin-views/schedule';
import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::answer.answer',
  fields: {
    title: {
      label: 'Titolo',
      description: 'La questione in breve, come la cercherebbe un lettore, massimo 140 caratteri.',
      placeholder: 'Es. Posso disdire senza penali dopo un aumento?',
    },
    slug: {
      label: 'Indirizzo della pagina (slug)',
      description:
        'Parte finale dell\'indirizzo della pagina, es. /risposte/disdetta-dopo-un-aumento. Si genera dal titolo: cambiala solo prima della pubblicazione.',
    },
    operatorClaim: {
      label: 'Che cosa dice l\'operatore',
      description:
        'La frase sbagliata come la dice di solito l\'operatore, massimo 500 caratteri, es. «Se disdice adesso paga 200 euro di penale».',
    },
    verdict: {
      label: 'In breve',
      description:
        'La risposta corretta in una frase, massimo 200 caratteri: compare sulle schede dell\'elenco, subito dopo «Falso»/«Attenzione». Es. «Puoi disdire quando vuoi, con 30 giorni di preavviso».',
      placeholder: 'Es. Puoi disdire quando vuoi, con 30 giorni di preavviso.',
    },
    correctAnswer: {
      label: 'La risposta corretta',
      description: 'La risposta precisa, in parole semplici, con che cosa fare in pratica. Le fonti vanno in «Riferimenti normativi».',
    },
    legalReferences: {
      label: 'Riferimenti normativi',
      description:
        'Le norme su cui si basa la risposta: un elemento per fonte (legge, Codice del consumo, delibera ARERA o AGCOM), con il link se c\'è.',
    },
    verifiedAt: {
      label: 'Verificata il',
      description: 'Il giorno in cui la redazione ha controllato per l\'ultima volta la risposta e le norme citate: il sito lo mostra come «Verificata il …». Aggiornalo a ogni controllo.',
    },
    sector: {
      label: 'Settore',
      description: 'Il settore a cui si riferisce: telefonia fissa e mobile, luce, gas, pay TV, e-commerce, banche e assicurazioni, altro.',
    },
    articles: {
      label: 'Articoli collegati',
      description: 'Gli articoli del blog che approfondiscono questa risposta.',
      mainField: 'title',
    },
    ...scheduleFields('la risposta'),
  },
  settings: { mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'sector', 'articles', 'updatedAt', 'scheduledPublishAt'],
    edit: [
      [{ name: 'title', size: 12 }],
      [
        { name: 'slug', size: 6 },
        { name: 'sector', size: 6 },
      ],
      [...SCHEDULE_ROW],
      [{ name: 'operatorClaim', size: 12 }],
      [{ name: 'verdict', size: 12 }],
      [{ name: 'correctAnswer', size: 12 }],
      [{ name: 'legalReferences', size: 12 }],
      [{ name: 'verifiedAt', size: 6 }],
      [{ name: 'articles', size: 6 }],
    ],
  },
});
