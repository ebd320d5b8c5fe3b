import { PUBLIC_CONTENT_TYPES } from '@chiudete/types';
import { defineAdminView } from '../../../admin-views/types';

/** The partners' webhooks: Super Admin only (src/api/partner-webhook, docs/partners.md «Webhooks»). */
export default defineAdminView({
  uid: 'api::partner-webhook.partner-webhook',
  fields: {
    name: {
      label: 'Partner',
      description: 'Il nome del partner che riceve gli avvisi, come lo riconosce la redazione, massimo 80 caratteri.',
      placeholder: 'Es. Associazione Consumatori Esempio',
    },
    url: {
      label: 'Indirizzo del webhook (URL)',
      description:
        'L\'indirizzo del partner che riceve gli avvisi, comunicato dal partner: deve iniziare con https:// e portare a un sito raggiungibile su Internet. Non si seguono reindirizzamenti: serve l\'indirizzo finale.',
      placeholder: 'https://partner.example.org/webhooks/chiudete',
    },
    enabled: {
      label: 'Attivo',
      description: 'Spento, il partner non riceve più avvisi e quelli ancora in coda vengono annullati. Riaccendilo quando il partner è pronto.',
    },
    events: {
      label: 'Eventi',
      description:
        'Quando avvisare, come lista JSON: ["content.published"] = pubblicazione e aggiornamento, ["content.unpublished"] = ritiro o eliminazione. Vuoto = entrambi.',
    },
    contentTypes: {
      label: 'Tipi di contenuto',
      description:
        `Di quali contenuti avvisare, come lista JSON con alcuni di questi: ${JSON.stringify(PUBLIC_CONTENT_TYPES).replace(/,/g, ', ')}. Vuoto = tutti.`,
    },
    secret: {
      label: 'Segreto della firma',
      description:
        'La chiave con cui il partner verifica che gli avvisi vengono da noi. Si genera da sola se lasci il campo vuoto: copiala e consegnala al partner per un canale sicuro (non per e-mail in chiaro). Per cambiarla svuota il campo e salva, poi consegna al partner quella nuova.',
    },
    contact: {
      label: 'Referente del partner',
      description: 'Facoltativo, privato: chi contattare se gli avvisi falliscono, es. nome ed e-mail del tecnico del partner.',
    },
    apiToken: {
      label: 'Token API del partner',
      description:
        'Facoltativo: il nome esatto del token di sola lettura del partner (Impostazioni › API Tokens). Con quel token il partner legge da solo il registro delle consegne di questo webhook (GET /api/webhook-deliveries), e solo di questo. Se rinomini il token, aggiorna anche questo campo. Vuoto = il partner non vede il registro.',
      placeholder: 'Es. Associazione Consumatori Esempio',
    },
  },
  settings: { mainField: 'name', defaultSortBy: 'name', defaultSortOrder: 'ASC' },
  layouts: {
    list: ['name', 'url', 'enabled', 'updatedAt'],
    edit: [
      [
        { name: 'name', size: 6 },
        { name: 'enabled', size: 4 },
      ],
      [{ name: 'url', size: 12 }],
      [{ name: 'events', size: 12 }],
      [{ name: 'contentTypes', size: 12 }],
      [{ name: 'secret', size: 12 }],
      [{ name: 'contact', size: 12 }],
      [{ name: 'apiToken', size: 12 }],
    ],
  },
});
