import { defineAdminView } from '../../../admin-views/types';

/** The newsletter's settings: the automatic weekly digest (Super Admin and Redattore). */
export default defineAdminView({
  uid: 'api::newsletter-setting.newsletter-setting',
  fields: {
    weeklyDigestEnabled: {
      label: 'Riepilogo settimanale automatico',
      description:
        'Acceso, ogni lunedì alle 8 parte da solo agli iscritti un numero con gli articoli e le testimonianze pubblicati nei 7 giorni prima. Se nella settimana non è uscito niente non parte nulla.',
    },
    weeklyDigestSubject: {
      label: 'Oggetto del riepilogo',
      description: 'Facoltativo: l\'oggetto dei riepiloghi settimanali. Vuoto = «Chiudete i Call Center: la settimana» con la data.',
      placeholder: 'Es. La settimana di Chiudete i Call Center',
    },
    weeklyDigestIntroduction: {
      label: 'Introduzione del riepilogo',
      description: 'Facoltativo: il testo in cima a ogni riepilogo settimanale, uguale ogni settimana.',
    },
    lastDigestAt: {
      label: 'Ultimo riepilogo',
      description: 'Quando è stato creato l\'ultimo riepilogo settimanale.',
      readOnly: true,
    },
  },
  layouts: {
    edit: [
      [{ name: 'weeklyDigestEnabled', size: 6 }, { name: 'lastDigestAt', size: 6 }],
      [{ name: 'weeklyDigestSubject', size: 12 }],
      [{ name: 'weeklyDigestIntroduction', size: 12 }],
    ],
  },
});
