import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::book-release.book-release');
