import { CONTACT_MESSAGE_STATUS_LABELS, CONTACT_TOPIC_LABELS } from '@chiudete/types';
import { defineAdminView } from '../../../admin-views/types';

const TOPICS = Object.values(CONTACT_TOPIC_LABELS).map((label) => `«${label}»`).join(', ');
const { nuovo, letto, risposto } = CONTACT_MESSAGE_STATUS_LABELS;

/** Messages from the contact form: read and answered by the Moderatore role, never public. */
export default defineAdminView({
  uid: 'api::contact-message.contact-message',
  fields: {
    messageStatus: {
      label: 'Stato',
      description:
        `Dove siete arrivati con questo messaggio: «${nuovo}»: appena arrivato; «${letto}»: qualcuno della redazione l'ha letto; «${risposto}»: avete risposto a chi ha scritto. Cambialo e salva.`,
    },
    topic: {
      label: 'Oggetto',
      description: `L'argomento scelto da chi ha scritto: ${TOPICS}. Puoi correggerlo se il messaggio parla d'altro.`,
    },
    name: {
      label: 'Nome (privato)',
      description: 'Il nome che chi ha scritto ha voluto lasciare, se l\'ha lasciato. Non si pubblica mai.',
      readOnly: true,
    },
    email: {
      label: 'E-mail (privata)',
      description:
        'L\'indirizzo a cui rispondere. Il più semplice è rispondere all\'e-mail di avviso arrivata alla redazione: la risposta va già qui. Non si pubblica mai.',
      readOnly: true,
    },
    message: {
      label: 'Messaggio (privato)',
      description: 'Il testo così come è arrivato, da 20 a 5000 caratteri. Da leggere, non da modificare; può contenere dati personali.',
      readOnly: true,
    },
    privacyAccepted: {
      label: 'Informativa privacy accettata',
      description: 'Attivo se chi ha scritto ha accettato l\'informativa privacy al momento dell\'invio (senza, il modulo non parte).',
      readOnly: true,
    },
    internalNote: {
      label: 'Note della redazione (private)',
      description: 'Appunti interni, es. chi se ne occupa o che cosa avete risposto. Chi ha scritto non li vede mai. Massimo 2000 caratteri.',
    },
    ipHash: {
      label: 'Impronta della connessione',
      description: 'Compilata in automatico contro gli invii ripetuti: un codice ricavato dall\'indirizzo IP, che non lo mostra.',
      readOnly: true,
    },
    personalDataErasedAt: {
      label: 'Dati personali cancellati il',
      description:
        'Compilata in automatico quando, trascorso il periodo di conservazione (un anno, salvo diversa impostazione del server), nome, e-mail, messaggio, note e impronta vengono cancellati. Restano solo oggetto, stato e date.',
      readOnly: true,
    },
  },
  settings: { mainField: 'email', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  layouts: {
    list: ['createdAt', 'topic', 'messageStatus', 'email'],
    edit: [
      [
        { name: 'messageStatus', size: 6 },
        { name: 'topic', size: 6 },
      ],
      [{ name: 'message', size: 12 }],
      [
        { name: 'name', size: 6 },
        { name: 'email', size: 6 },
      ],
      [{ name: 'internalNote', size: 12 }],
      [
        { name: 'privacyAccepted', size: 6 },
        { name: 'personalDataErasedAt', size: 6 },
      ],
      [{ name: 'ipHash', size: 6 }],
    ],
  },
});
