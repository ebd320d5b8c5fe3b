import type { Core } from '@strapi/strapi';
import { osservatorioAggregates, type OsservatorioAnswer, type OsservatorioFilters } from '../../../osservatorio';

/** The Osservatorio's figures: the logic lives in src/osservatorio. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  aggregates(filters: OsservatorioFilters): Promise<OsservatorioAnswer> {
    return osservatorioAggregates(strapi, filters);
  },
});
