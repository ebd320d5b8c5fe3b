import { factories } from '@strapi/strapi';

// Admin-only: no routes (src/api/webhook-delivery has no routes folder), so the
// content API and its API tokens cannot reach these entries.
export default factories.createCoreController('api::webhook-delivery.webhook-delivery');
