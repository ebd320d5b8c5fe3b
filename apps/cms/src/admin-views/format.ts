import { defineAdminView } from './types';

export const bookFormat = defineAdminView({
  uid: 'book.format',
  fields: {
    format: {
      label: 'Formato',
      description: 'L\'edizione: cartaceo, ebook o audiolibro.',
    },
    note: {
      label: 'Nota',
      description: 'Facoltativa, massimo 80 caratteri, es. «copertina flessibile» o «letto dall\'autrice».',
    },
  },
  settings: { mainField: 'format' },
  layouts: {
    edit: [
      [
        { name: 'format', size: 6 },
        { name: 'note', size: 6 },
      ],
    ],
  },
});
