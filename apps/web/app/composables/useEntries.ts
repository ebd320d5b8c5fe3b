import { publicContentType } from '@chiudete/types';
import type { CollectionClient, ContentClientKey, ContentTypesByName, ListParams, PublicContentType, SingleContentType, StrapiClient } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/**
 * The published entries of any public type with entries of its own (not a
 * single type), read through the typed client's member the registry names
 * for it (`api.podcasts`...). What a simple type's pages need, so that a new
 * type needs no composable of its own; a type whose pages ask for more
 * (summaries, related content, JSON-LD) keeps its own (useArticles.ts...).
 */
export type CollectionContentType = Exclude<PublicContentType, SingleContentType>;

/**
 * The client member of `type`. The registry's `client` names it; TypeScript cannot follow a computed key across the union.
 * Called in useCmsData's handler, which runs on the server only: behind `import.meta.server`, the browser bundle of a
 * hydrated page (a form) carries no registry.
 */
function collectionOf<T extends CollectionContentType>(cms: StrapiClient, type: T): CollectionClient<ContentTypesByName[T]> {
  if (!import.meta.server) throw new Error(`The ${type} entries are read on the server only.`);
  return cms[publicContentType(type).client as ContentClientKey<T>] as unknown as CollectionClient<ContentTypesByName[T]>;
}

/** How many entries a list page shows when it says nothing: a simple type's list is one page. */
export const ENTRY_LIST_SIZE = 100;

/** One page of `type`'s published entries (newest first unless `params` sorts them), for its list page. */
export function useEntryList<T extends CollectionContentType>(type: T, params: ListParams<ContentTypesByName[T]> = {}): Promise<ComputedRef<Array<ContentTypesByName[T]>>> {
  const query: ListParams<ContentTypesByName[T]> = { page: 1, pageSize: ENTRY_LIST_SIZE, sort: ['createdAt:desc', 'id:desc'] as ListParams<ContentTypesByName[T]>['sort'], ...params };
  return useCmsData(`${type}:list:${JSON.stringify(query)}`, async (cms) => (await collectionOf(cms, type).list(query)).data);
}

/** One published entry of `type` by slug, or the site's 404 page with `missing` («Puntata non trovata.»). */
export async function useEntry<T extends CollectionContentType>(type: T, slug: string, missing: string): Promise<ComputedRef<ContentTypesByName[T]>> {
  if (!isValidSlug(slug)) throw notFound(missing);
  const entry = await useCmsData(`${type}:${slug}`, (cms) => collectionOf(cms, type).getBySlug(slug));
  return requireFound(entry, missing);
}
