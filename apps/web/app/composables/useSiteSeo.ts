import type { Global } from '@chiudete/types';
import type { ComputedRef, Ref } from 'vue';

/** State key of the site-wide SEO defaults (set by app.vue, read by every page's `usePageSeo`). */
const SITE_SEO_KEY = 'seo:site-defaults';

/**
 * The site-wide SEO defaults: what `useSiteSeo` took from Global, or
 * app.config's name alone (component tests, error page) before that.
 */
export function useSiteSeoDefaults(): Ref<SiteSeoDefaults> {
  const { site } = useAppConfig();
  return useState<SiteSeoDefaults>(SITE_SEO_KEY, () => ({ siteName: site.name, description: '', image: null, sameAs: [] }));
}

/**
 * What every page shares, from the CMS's site settings (Global): the
 * defaults `usePageSeo` falls back on, `og:site_name`, `twitter:site`, the
 * feeds' `<link rel="alternate">`, and the Organization and WebSite (with
 * its SearchAction) of the JSON-LD graph. Called once, in app.vue.
 */
export function useSiteSeo(global: ComputedRef<Global>): void {
  const mediaUrl = useMediaUrl();
  const { site } = useAppConfig();
  const { siteUrl } = useRuntimeConfig().public;
  const defaults = useSiteSeoDefaults();
  defaults.value = siteSeoDefaults(global.value, mediaUrl, site.name);
  const { siteName, twitterSite } = defaults.value;

  useSeoMeta({
    ogSiteName: siteName,
    ogLocale: 'it_IT',
    twitterSite,
  });
  useHead({
    link: FEED_LINKS.map((feed) => ({
      rel: 'alternate',
      type: feed.type,
      title: `${siteName}: articoli e risposte (${feed.title})`,
      href: absoluteSiteUrl(siteUrl, feed.path),
    })),
  });

  // JSON-LD is rendered on the server only: the code that builds it stays out of the browser bundle.
  if (import.meta.client) return;
  const context = { siteUrl, mediaUrl };
  useSchemaOrg([
    defineOrganization({ ...organizationJsonLd(global.value, context), name: siteName }),
    defineWebSite({
      ...webSiteJsonLd(global.value, context),
      name: siteName,
      potentialAction: [defineSearchAction({ target: SEARCH_URL_TEMPLATE })],
    }),
  ]);
}
