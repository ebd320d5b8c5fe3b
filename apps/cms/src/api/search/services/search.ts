import type { Core } from '@strapi/strapi';
import type { SearchResponse } from '@chiudete/types';
import { searchContent, type SearchRequest } from '../lib';

/** Site search: the logic lives in src/api/search/lib. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  search(request: SearchRequest): Promise<SearchResponse> {
    return searchContent(strapi, request);
  },
});
