import { defineAdminView } from './types';

export const seo = defineAdminView({
  uid: 'shared.seo',
  fields: {
    metaTitle: {
      label: 'Titolo per Google',
      description: 'Massimo 70 caratteri (meglio 60): il titolo cliccabile nei risultati di Google. Se vuoto, si usa il titolo della pagina.',
    },
    metaDescription: {
      label: 'Descrizione per Google',
      description: 'Massimo 160 caratteri: è il testo che Google mostra sotto il titolo',
    },
    shareImage: {
      label: 'Immagine per i social',
      description: 'L\'immagine delle anteprime su Facebook, WhatsApp, X e simili: 1200×630 pixel. Se vuota, articoli e libro usano la loro copertina.',
    },
    noIndex: {
      label: 'Nascondi da Google',
      description: 'Attivalo solo per le pagine che non devono comparire nei motori di ricerca. Di solito resta disattivato.',
    },
  },
  settings: { mainField: 'metaTitle' },
  layouts: {
    edit: [
      [{ name: 'metaTitle', size: 12 }],
      [{ name: 'metaDescription', size: 12 }],
      [
        { name: 'shareImage', size: 6 },
        { name: 'noIndex', size: 6 },
      ],
    ],
  },
});
