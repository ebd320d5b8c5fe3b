import { defineAdminView } from './types';

export const legalReference = defineAdminView({
  uid: 'shared.legal-reference',
  fields: {
    label: {
      label: 'Riferimento',
      description: 'La norma come la leggerà il lettore, massimo 200 caratteri.',
      placeholder: 'Es. Codice del consumo, art. 52',
    },
    url: {
      label: 'Link alla fonte',
      description: 'Facoltativo. Il link al testo ufficiale, es. su normattiva.it o sul sito di ARERA o AGCOM: deve iniziare con https://',
      placeholder: 'https://',
    },
  },
  settings: { mainField: 'label' },
  layouts: {
    edit: [[{ name: 'label', size: 12 }], [{ name: 'url', size: 12 }]],
  },
});
