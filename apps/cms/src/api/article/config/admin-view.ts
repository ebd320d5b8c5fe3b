import { SCHEDULE_ROW, scheduleFields } from '../../../admin-views/schedule';
import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::article.article',
  fields: {
    title: {
      label: 'Titolo',
      description: 'Il titolo dell\'articolo sul sito e su Google, da 5 a 140 caratteri. Meglio concreto che generico.',
      placeholder: 'Es. Il mio primo hater',
    },
    slug: {
      label: 'Indirizzo della pagina (slug)',
      description:
        'Parte finale dell\'indirizzo della pagina, es. /articoli/il-mio-primo-hater. Si genera dal titolo: cambiala solo prima della pubblicazione.',
    },
    excerpt: {
      label: 'Sommario',
      description:
        'Due o tre frasi, massimo 300 caratteri, che riassumono l\'articolo: appaiono negli elenchi, in home page e, se il SEO è vuoto, sotto il titolo su Google.',
      placeholder: 'Di che cosa parla l\'articolo, in due o tre frasi',
    },
    body: {
      label: 'Testo dell\'articolo',
      description:
        'Il testo completo. Dividilo in sezioni con i titoletti («Titolo H2» e «Titolo H3» nel menu dello stile); usa elenchi e citazioni per le frasi degli operatori.',
    },
    publicationDate: {
      label: 'Data di pubblicazione',
      description:
        'La data mostrata sul sito e usata per ordinare gli articoli (i più recenti prima), es. 07/07/2019. Non cambia quando premi «Pubblica».',
    },
    cover: {
      label: 'Immagine di copertina',
      description:
        'Immagine orizzontale in cima all\'articolo e negli elenchi, almeno 1200×630 pixel. Nella Libreria media compila il «testo alternativo» (descrizione per chi non vede).',
    },
    author: {
      label: 'Autore',
      description: 'Chi firma l\'articolo, es. Candy Larsson. Se non è nell\'elenco, crealo prima in «Autore».',
      mainField: 'name',
    },
    categories: {
      label: 'Categorie',
      description: 'Uno o più argomenti: l\'articolo comparirà nelle pagine /categorie/… scelte.',
      mainField: 'name',
    },
    book: {
      label: 'Libro collegato',
      description: 'Il libro di cui parla l\'articolo. Lascia vuoto se l\'articolo non riguarda il libro.',
      mainField: 'title',
    },
    answers: {
      label: 'Risposte precise collegate',
      description: 'Le «Risposte precise» che l\'articolo cita o approfondisce. Il collegamento si vede anche dalla scheda della risposta.',
      mainField: 'title',
    },
    seo: {
      label: 'SEO',
      description:
        'Titolo, descrizione e immagine per Google e per le anteprime sui social. Se lasci vuoto, si usano il titolo, il sommario e la copertina.',
    },
    ...scheduleFields('l\'articolo'),
  },
  settings: { mainField: 'title', defaultSortBy: 'publicationDate', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'publicationDate', 'author', 'categories', 'scheduledPublishAt'],
    edit: [
      [{ name: 'title', size: 12 }],
      [
        { name: 'slug', size: 6 },
        { name: 'publicationDate', size: 6 },
      ],
      [...SCHEDULE_ROW],
      [{ name: 'excerpt', size: 12 }],
      [{ name: 'body', size: 12 }],
      [
        { name: 'cover', size: 6 },
        { name: 'author', size: 6 },
      ],
      [
        { name: 'categories', size: 6 },
        { name: 'book', size: 6 },
      ],
      [{ name: 'answers', size: 6 }],
      [{ name: 'seo', size: 12 }],
    ],
  },
});
