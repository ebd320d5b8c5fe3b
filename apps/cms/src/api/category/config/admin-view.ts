import { defineAdminView } from '../../../admin-views/types';

export default defineAdminView({
  uid: 'api::category.category',
  fields: {
    name: {
      label: 'Nome',
      description: 'Nome dell\'argomento, breve e diverso da quello delle altre categorie, massimo 60 caratteri.',
      placeholder: 'Es. Telemarketing aggressivo',
    },
    slug: {
      label: 'Indirizzo della pagina (slug)',
      description:
        'Parte finale dell\'indirizzo della pagina, es. /categorie/telemarketing-aggressivo. Si genera dal nome: cambiala solo prima di condividere il link.',
    },
    description: {
      label: 'Descrizione',
      description: 'Una o due frasi che presentano l\'argomento in cima alla pagina della categoria, massimo 300 caratteri.',
    },
    articles: {
      label: 'Articoli',
      description: 'Gli articoli di questo argomento. Di solito la categoria si sceglie dalla scheda dell\'articolo.',
      mainField: 'title',
    },
  },
  settings: { mainField: 'name', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['name', 'slug', 'articles', 'updatedAt'],
    edit: [
      [
        { name: 'name', size: 6 },
        { name: 'slug', size: 6 },
      ],
      [{ name: 'description', size: 12 }],
      [{ name: 'articles', size: 6 }],
    ],
  },
});
