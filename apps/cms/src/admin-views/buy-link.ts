import { defineAdminView } from './types';

export const buyLink = defineAdminView({
  uid: 'shared.buy-link',
  fields: {
    store: {
      label: 'Negozio',
      description: 'Il nome del negozio, massimo 80 caratteri.',
      placeholder: 'Es. Amazon, IBS, Feltrinelli',
    },
    url: {
      label: 'Link',
      description: 'L\'indirizzo completo della pagina del libro nel negozio: deve iniziare con https://',
      placeholder: 'https://',
    },
    format: {
      label: 'Formato',
      description: 'L\'edizione venduta a quel link: cartaceo, ebook o audiolibro.',
    },
  },
  settings: { mainField: 'store' },
  layouts: {
    edit: [
      [
        { name: 'store', size: 6 },
        { name: 'format', size: 6 },
      ],
      [{ name: 'url', size: 12 }],
    ],
  },
});
