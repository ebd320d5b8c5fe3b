/**
 * What partners (and attackers) try against the public API with a read-only
 * token: shared by tests/partner-access.test.ts and the response cache's
 * suite, which replays them through the cache.
 */

/** Collection types by REST path, and the single type. */
export const COLLECTIONS = ['articles', 'authors', 'categories', 'book-releases', 'testimonies', 'videos', 'answers'];
/** Keys that no public response may contain (Global's `contactEmail` is the redazione's public address: not in this list). */
export const PRIVATE_KEYS = /"(createdBy|updatedBy|scheduledPublishAt|scheduledUnpublishAt|email|password|firstname|lastname|ipHash|accessTokenHash|moderatorNote|personalDataFindings|outsourcer|locale|localizations|folderPath)":/;

/** Queries that must never return the demo draft article (SLUG: its slug, DRAFT: its documentId). */
export const DRAFT_ATTACK_QUERIES = [
  '/api/articles?publicationState=preview',
  '/api/articles?publicationState=live&status=published',
  '/api/articles?hasPublishedVersion=false',
  '/api/articles?publicationFilter=never-published',
  '/api/articles?publicationFilter=never-published-document',
  '/api/articles?filters[publishedAt][$null]=true',
  '/api/articles?filters[$or][0][publishedAt][$null]=true&filters[$or][1][slug][$eq]=SLUG',
  '/api/articles?filters[$and][0][slug][$eq]=SLUG',
  '/api/articles?filters[slug][$eq]=SLUG&status=published',
  '/api/articles?filters[documentId][$eq]=DRAFT',
  '/api/articles?filters[id][$notNull]=true&pagination[pageSize]=100',
  '/api/articles/DRAFT',
  '/api/authors?populate[articles][filters][publishedAt][$null]=true',
  '/api/authors?populate=*',
  '/api/categories?populate[articles][fields][0]=slug&pagination[pageSize]=100',
  '/api/answers?populate[articles][filters][slug][$eq]=SLUG',
];

/** Queries on /api/articles that try to read or filter on private attributes: refused (400) or ignored, never leaked. */
export const PRIVATE_FIELD_ATTACK_QUERIES = [
  'fields[0]=scheduledPublishAt',
  'fields[0]=createdBy',
  'populate[createdBy]=true',
  'populate[updatedBy][fields][0]=email',
  'populate[cover][populate][createdBy]=true',
  'populate[author][populate][createdBy][fields][0]=email',
  'filters[createdBy][email][$contains]=@',
  'filters[author][createdBy][email][$contains]=@',
  'filters[scheduledPublishAt][$null]=false',
  'filters[$or][0][scheduledUnpublishAt][$notNull]=true&filters[$or][1][slug][$eq]=x',
  'filters[cover][folderPath][$notNull]=true',
  'sort=createdBy.email:asc',
  'sort=scheduledPublishAt:desc',
  'filters[locale][$eq]=it',
];
