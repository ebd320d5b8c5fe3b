import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::author.author',
  fields: {
    name: {
      label: 'Nome',
      description: 'Nome e cognome (o pseudonimo) come compare nella firma degli articoli, massimo 80 caratteri.',
      placeholder: 'Es. Candy Larsson',
    },
    slug: {
      label: 'Indirizzo della pagina (slug)',
      description:
        'Parte finale dell\'indirizzo della pagina dell\'autore, es. /autori/candy-larsson. Si genera dal nome: cambiala solo prima di condividere il link.',
    },
    role: {
      label: 'Ruolo',
      description: 'Una riga sotto il nome, massimo 120 caratteri, es. «Autrice del libro» o «Ex operatrice di call center».',
    },
    bio: {
      label: 'Biografia',
      description:
        'Breve presentazione nella pagina dell\'autore, massimo 1000 caratteri. Niente dati personali (telefono, indirizzo, datore di lavoro attuale).',
    },
    avatar: {
      label: 'Foto',
      description: 'Foto o illustrazione quadrata, almeno 400×400 pixel. Può essere un\'illustrazione se l\'autore non vuole mostrarsi.',
    },
    socialLinks: {
      label: 'Profili social',
      description:
        'Facoltativi: i profili pubblici che l\'autore vuole mostrare nella sua pagina. Un elemento per profilo, con link https://. Mai profili privati o numeri di telefono.',
    },
    articles: {
      label: 'Articoli firmati',
      description: 'Gli articoli firmati da questo autore. Di solito l\'autore si sceglie dalla scheda dell\'articolo.',
      mainField: 'title',
    },
  },
  settings: { mainField: 'name', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['name', 'role', 'articles', 'updatedAt'],
    edit: [
      [
        { name: 'name', size: 6 },
        { name: 'slug', size: 6 },
      ],
      [
        { name: 'role', size: 6 },
        { name: 'avatar', size: 6 },
      ],
      [{ name: 'bio', size: 12 }],
      [{ name: 'socialLinks', size: 12 }],
      [{ name: 'articles', size: 6 }],
    ],
  },
});
