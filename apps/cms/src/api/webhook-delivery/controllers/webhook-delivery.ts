import { factories } from '@strapi/strapi';

// Admin-only: no core routes (routes/partner-log.ts declares only the partners'
// own log, through ./partner-log.ts), so the content API and its API tokens
// cannot reach these entries as such.
export default factories.createCoreController('api::webhook-delivery.webhook-delivery');
