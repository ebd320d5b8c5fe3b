import type { Media, SharedSeo } from '@chiudete/types';

export interface PageSeo {
  /** The page's own title (the entry's title); the title template adds the site name. */
  title: string;
  /** The entry's summary (excerpt, synopsis...); falls back on the site's description. */
  description?: string | null;
  /** The entry's image (cover, poster...); falls back on the site's share image. */
  image?: Media | null;
  /** The editors' SEO component of the entry (`shared.seo`): its title, description, image and noIndex win. */
  seo?: SharedSeo | null;
  /** `book`: the book's own `book:*` properties are its room's (useBook.ts: useBookOpenGraph). */
  type?: 'website' | 'article' | 'book' | 'profile';
  noIndex?: boolean | null;
  /** The query parameters that make this URL distinct (e.g. `{ pagina: '2' }`); any other is left out of the canonical URL. */
  canonicalQuery?: Record<string, string>;
  /** Open Graph `article:*` properties (with `type: 'article'`). */
  article?: {
    publishedTime?: string | null;
    modifiedTime?: string | null;
    /** The authors' pages (site paths are made absolute) or their names. */
    authors?: string[];
    section?: string | null;
    tags?: string[];
  };
}

/**
 * Title, description, canonical URL, Open Graph and Twitter tags of a page,
 * with fallbacks: the SEO component, then the entry's own fields, then the
 * site's defaults from Global (see `useSiteSeo`). `noIndex` becomes the
 * robots rule (meta tag and `X-Robots-Tag`, through @nuxtjs/robots).
 * Returns what it resolved (the JSON-LD composables reuse the image).
 */
export function usePageSeo(page: PageSeo): ResolvedPageSeo {
  const route = useRoute();
  const { siteUrl } = useRuntimeConfig().public;
  const defaults = useSiteSeoDefaults();
  const resolved = resolvePageSeo(page, defaults.value, useMediaUrl());

  const canonicalUrl = new URL(absoluteSiteUrl(siteUrl, route.path));
  for (const [name, value] of Object.entries(page.canonicalQuery ?? {})) canonicalUrl.searchParams.set(name, value);
  const canonical = canonicalUrl.href;
  const { title, description, image } = resolved;
  const nonEmpty = (values: Array<string | null | undefined> | undefined) => {
    const kept = (values ?? []).filter((value): value is string => Boolean(value));
    return kept.length > 0 ? kept : undefined;
  };

  useSeoMeta({
    title,
    description,
    ogTitle: title,
    ogDescription: description,
    ogType: page.type ?? 'website',
    ogUrl: canonical,
    ogImage: image?.url,
    ogImageAlt: image?.alt || undefined,
    ogImageWidth: image?.width,
    ogImageHeight: image?.height,
    ogImageType: image?.type as 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | undefined,
    twitterCard: image ? 'summary_large_image' : 'summary',
    twitterTitle: title,
    twitterDescription: description,
    twitterImage: image?.url,
    twitterImageAlt: image?.alt || undefined,
    articlePublishedTime: page.article?.publishedTime ?? undefined,
    articleModifiedTime: page.article?.modifiedTime ?? undefined,
    articleAuthor: nonEmpty(page.article?.authors?.map((author) => (author.startsWith('/') ? absoluteSiteUrl(siteUrl, author) : author))),
    articleSection: page.article?.section ?? undefined,
    articleTag: nonEmpty(page.article?.tags),
  });
  useHead({ link: [{ rel: 'canonical', href: canonical }] });
  // The robots rule is the server's (the X-Robots-Tag header and the meta tag); the browser never changes it.
  if (import.meta.server && resolved.noIndex) useRobotsRule('noindex, follow');
  return resolved;
}
