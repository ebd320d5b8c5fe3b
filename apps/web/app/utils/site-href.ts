import { stringifyQuery, type LocationQueryRaw } from 'vue-router';

/**
 * Where a link of the site leads: a path (`/articoli/<slug>`, `/cerca?q=…`)
 * or a path with its query and fragment, which are encoded here.
 */
export type SiteLinkTarget = string | { path: string; query?: LocationQueryRaw; hash?: string };

/**
 * The `href` of a link to a page of this site. The query is encoded by
 * vue-router's own `stringifyQuery`, so a link reads exactly as the router
 * would have written it (spaces as `+`, `undefined` values left out,
 * arrays as repeated keys); the fragment is percent-encoded where it has to be.
 */
export function siteHref(to: SiteLinkTarget): string {
  if (typeof to === 'string') return to;
  const query = to.query ? stringifyQuery(to.query) : '';
  const hash = to.hash ? `#${encodeURI(to.hash.replace(/^#/, ''))}` : '';
  return `${to.path}${query ? `?${query}` : ''}${hash}`;
}
