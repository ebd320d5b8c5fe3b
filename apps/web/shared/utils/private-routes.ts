/**
 * The site's private routes, in one place: the route rules of nuxt.config.ts
 * (scripts, referrer policy, robots header and meta tag), robots.txt and
 * the page cache (server/utils/page-cache/policy.ts) read them.
 */

/** Pages of one reader (the testimony form and what follows it): rendered every time, their address never sent as a referrer. */
export const READER_PAGES = ['/testimonianze/invia', '/testimonianze/inviata', '/testimonianze/stato'] as const;

/** Reader pages that handle a private access token (shown once, then in the URL fragment): never indexed, never fetched by crawlers. */
export const TOKEN_PAGES = ['/testimonianze/inviata', '/testimonianze/stato'] as const satisfies ReadonlyArray<(typeof READER_PAGES)[number]>;

/**
 * The newsletter's pages opened from an e-mail's link (confirm, unsubscribe,
 * my data: `/newsletter/<page>#token=…`), one reader's each like the token
 * pages: one rule for the folder (each path of a rule costs every hydrated
 * page's router some bytes).
 */
export const NEWSLETTER_PAGES_PREFIX = '/newsletter/';

/** An editor's preview (`/anteprima` and below): rendered every time, never fetched by crawlers. */
export const PREVIEW_PAGE = '/anteprima';

/** Search results: one reader's query, never fetched by crawlers. */
export const SEARCH_PAGE = '/cerca';

/** What robots.txt disallows. */
export const ROBOTS_DISALLOW = [SEARCH_PAGE, ...TOKEN_PAGES, NEWSLETTER_PAGES_PREFIX, PREVIEW_PAGE];

/** Whether a canonical path is a page of one reader or one editor (never cached). */
export const isPrivatePage = (path: string): boolean =>
  path === PREVIEW_PAGE || path.startsWith(`${PREVIEW_PAGE}/`) || path.startsWith(NEWSLETTER_PAGES_PREFIX) || (READER_PAGES as readonly string[]).includes(path);

/**
 * The route rules of the reader pages: hydrated (they hold a form or its
 * outcome), `no-referrer`, and for the token pages `robots` (@nuxtjs/robots'
 * rule: the X-Robots-Tag header, the meta tag, out of the sitemap).
 */
export const READER_PAGE_RULES = Object.fromEntries([...READER_PAGES, `${NEWSLETTER_PAGES_PREFIX}**`].map((path) => [path, {
  noScripts: false,
  headers: { 'referrer-policy': 'no-referrer' },
  ...((TOKEN_PAGES as readonly string[]).includes(path) || path.startsWith(NEWSLETTER_PAGES_PREFIX) ? { robots: 'noindex, nofollow' } : {}),
}]));
