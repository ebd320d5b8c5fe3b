import { SCHEDULE_ROW, scheduleFields } from '../../../admin-views/schedule';
import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::book-release.book-release',
  fields: {
    title: {
      label: 'Titolo',
      description: 'Il titolo del libro come in copertina, massimo 160 caratteri.',
      placeholder: 'Es. Chiudete i Call Center in outsourcing',
    },
    subtitle: {
      label: 'Sottotitolo',
      description: 'Facoltativo. Il sottotitolo come in copertina, massimo 200 caratteri.',
    },
    slug: {
      label: 'Nome breve (slug)',
      description:
        'Il nome del libro per la mappa del sito e per i partner, es. chiudete-i-call-center-in-outsourcing: il sito mostra l\'ultimo libro uscito nella pagina /libro. Si genera dal titolo: cambialo solo prima della pubblicazione.',
    },
    releaseDate: {
      label: 'Data di uscita',
      description: 'Il giorno in cui il libro è (o sarà) in vendita, es. 20/07/2019. Il sito la mostra nella pagina /libro.',
    },
    synopsis: {
      label: 'Sinossi',
      description: 'La presentazione del libro nella pagina /libro: di che cosa parla e perché leggerlo. In home page se ne mostrano le prime righe.',
    },
    cover: {
      label: 'Copertina',
      description: 'L\'immagine della copertina, verticale, almeno 800 pixel di larghezza.',
    },
    isbn13: {
      label: 'ISBN-13',
      description: 'Il codice ISBN a 13 cifre, che inizia con 978 o 979, con o senza trattini. Lascia vuoto se non c\'è ancora.',
      placeholder: 'Es. 978-88-1234-567-8',
    },
    pages: {
      label: 'Numero di pagine',
      description: 'Solo il numero, es. 240.',
    },
    price: {
      label: 'Prezzo (€)',
      description: 'Prezzo di copertina del cartaceo in euro, es. 14,90. Lascia vuoto se non è ancora deciso.',
    },
    publisher: {
      label: 'Editore',
      description: 'Il nome dell\'editore, oppure «Autopubblicato». Massimo 120 caratteri.',
    },
    formats: {
      label: 'Formati disponibili',
      description: 'Un elemento per ogni edizione (cartaceo, ebook, audiolibro), con una nota facoltativa, es. «copertina flessibile».',
    },
    buyLinks: {
      label: 'Dove comprarlo',
      description: 'Un elemento per ogni negozio: nome del negozio, link che inizia con https:// e formato venduto a quel link.',
    },
    articles: {
      label: 'Articoli sul libro',
      description: 'Gli articoli che parlano del libro. Di solito il collegamento si fa dalla scheda dell\'articolo («Libro collegato»).',
      mainField: 'title',
    },
    seo: {
      label: 'SEO',
      description:
        'Titolo, descrizione e immagine della pagina del libro per Google e per le anteprime sui social. Se lasci vuoto, si usano il titolo, la sinossi e la copertina.',
    },
    ...scheduleFields('la scheda del libro'),
  },
  settings: { mainField: 'title', defaultSortBy: 'releaseDate', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['title', 'releaseDate', 'publisher', 'updatedAt', 'scheduledPublishAt'],
    edit: [
      [{ name: 'title', size: 12 }],
      [{ name: 'subtitle', size: 12 }],
      [...SCHEDULE_ROW],
      [
        { name: 'slug', size: 6 },
        { name: 'releaseDate', size: 6 },
      ],
      [{ name: 'synopsis', size: 12 }],
      [
        { name: 'cover', size: 6 },
        { name: 'publisher', size: 6 },
      ],
      [
        { name: 'isbn13', size: 6 },
        { name: 'pages', size: 3 },
        { name: 'price', size: 3 },
      ],
      [{ name: 'formats', size: 12 }],
      [{ name: 'buyLinks', size: 12 }],
      [{ name: 'articles', size: 6 }],
      [{ name: 'seo', size: 12 }],
    ],
  },
});
