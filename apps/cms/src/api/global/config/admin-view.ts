import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::global.global',
  fields: {
    siteName: {
      label: 'Nome del sito',
      description: 'Il nome in cima alla home page e nel titolo di ogni pagina, massimo 80 caratteri.',
      placeholder: 'Es. Chiudete i Call Center',
    },
    tagline: {
      label: 'Motto',
      description: 'La frase sotto il nome del sito in home page, massimo 160 caratteri. Se il SEO predefinito è vuoto, è anche la descrizione per Google.',
    },
    manifesto: {
      label: 'Manifesto',
      description: 'Il manifesto del progetto, in grande in home page: i punti per cui ci battiamo, un paragrafo o un elenco puntato.',
    },
    contactEmail: {
      label: 'E-mail della redazione',
      description: 'L\'indirizzo pubblico per i contatti, mostrato in fondo a ogni pagina del sito. Qui arrivano anche gli avvisi delle testimonianze e dei messaggi dal modulo «Contatti», se il server non ne indica un altro.',
      placeholder: 'redazione@chiudeteicallcenter.eu',
    },
    dataController: {
      label: 'Titolare del trattamento dei dati',
      description:
        'Chi risponde dei dati personali dei lettori, come va scritto nell\'informativa sulla privacy: nome (persona o associazione) e indirizzo, massimo 300 caratteri.',
      placeholder: 'Es. Associazione Chiudete i Call Center, via Roma 1, 20121 Milano',
    },
    socialLinks: {
      label: 'Profili social',
      description: 'Un elemento per ogni profilo del progetto: social network, link https:// e un testo facoltativo.',
    },
    editorialPolicy: {
      label: 'Regole editoriali',
      description:
        'Le regole per le testimonianze, scritte per chi vuole inviarne una: che cosa pubblichiamo, che cosa rifiutiamo e quali dati personali togliamo.',
    },
    defaultSeo: {
      label: 'SEO predefinito',
      description: 'Titolo, descrizione e immagine per Google e per i social della home page e delle pagine senza un SEO proprio.',
    },
  },
  layouts: {
    edit: [
      [
        { name: 'siteName', size: 6 },
        { name: 'contactEmail', size: 6 },
      ],
      [{ name: 'tagline', size: 12 }],
      [{ name: 'dataController', size: 12 }],
      [{ name: 'manifesto', size: 12 }],
      [{ name: 'editorialPolicy', size: 12 }],
      [{ name: 'socialLinks', size: 12 }],
      [{ name: 'defaultSeo', size: 12 }],
    ],
  },
});
