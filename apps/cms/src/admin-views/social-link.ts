import { defineAdminView } from './types';

export const socialLink = defineAdminView({
  uid: 'shared.social-link',
  fields: {
    platform: {
      label: 'Social network',
      description: 'Il social del profilo: facebook, instagram, youtube, x, linkedin, telegram o altro.',
    },
    url: {
      label: 'Link al profilo',
      description: 'L\'indirizzo completo del profilo: deve iniziare con https://',
      placeholder: 'https://',
    },
    label: {
      label: 'Testo del link',
      description: 'Facoltativo, massimo 60 caratteri, es. «Seguici su YouTube».',
    },
  },
  settings: { mainField: 'platform' },
  layouts: {
    edit: [
      [
        { name: 'platform', size: 6 },
        { name: 'label', size: 6 },
      ],
      [{ name: 'url', size: 12 }],
    ],
  },
});
