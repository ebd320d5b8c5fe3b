import type { Media } from '@chiudete/types';

export interface PageSeo {
  title: string;
  description?: string | null;
  image?: Media | null;
  type?: 'website' | 'article' | 'book';
  noIndex?: boolean | null;
  /** The query parameters that make this URL distinct (e.g. `{ pagina: '2' }`); any other is left out of the canonical URL. */
  canonicalQuery?: Record<string, string>;
}

/** Title, description, Open Graph and canonical URL of a page (the title template adds the site name). */
export function usePageSeo(seo: PageSeo): void {
  const route = useRoute();
  const { siteUrl } = useRuntimeConfig().public;
  const mediaUrl = useMediaUrl();
  const canonicalUrl = new URL(route.path, siteUrl);
  for (const [name, value] of Object.entries(seo.canonicalQuery ?? {})) canonicalUrl.searchParams.set(name, value);
  const canonical = canonicalUrl.href;
  const description = seo.description ? truncateText(seo.description, 160) : undefined;

  useSeoMeta({
    title: seo.title,
    description,
    ogTitle: seo.title,
    ogDescription: description,
    ogType: seo.type ?? 'website',
    ogUrl: canonical,
    ogLocale: 'it_IT',
    ogImage: seo.image ? mediaUrl(seo.image.url) : undefined,
    ogImageAlt: seo.image?.alternativeText ?? undefined,
    twitterCard: seo.image ? 'summary_large_image' : 'summary',
    robots: seo.noIndex ? 'noindex, follow' : undefined,
  });
  useHead({ link: [{ rel: 'canonical', href: canonical }] });
}
