import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::book-release.book-release');
