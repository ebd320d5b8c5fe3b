import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::webhook-delivery.webhook-delivery');
