import type { Global, Media, SharedSeo, SharedSocialLink } from '@chiudete/types';
import { truncateText } from './format';

/**
 * The pure half of the SEO layer: fallbacks, absolute URLs and the site-wide
 * defaults taken from the CMS's site settings (Global). The composables
 * (`usePageSeo`, `useSiteSeo`) feed the results to Unhead.
 */

/** Longest meta description search engines show; longer ones are cut on a word. */
export const META_DESCRIPTION_MAX = 160;

/** Path of the site's logo (public/), used by the Organization JSON-LD. */
export const SITE_LOGO_PATH = '/logo.png';

/** The feeds every page announces with `<link rel="alternate">`. */
export const FEED_LINKS = [
  { path: '/feed.xml', type: 'application/rss+xml', title: 'RSS' },
  { path: '/feed.json', type: 'application/feed+json', title: 'JSON Feed' },
] as const;

/** An image ready for `og:image` / `twitter:image`: absolute URL, alternative text, size when known. */
export interface SeoImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
  type?: string;
}

/** What every page falls back on, from Global (kept in `useState` by `useSiteSeo`). */
export interface SiteSeoDefaults {
  siteName: string;
  description: string;
  image: SeoImage | null;
  /** `@handle` of the site's X (Twitter) account, from its social links. */
  twitterSite?: string;
  sameAs: string[];
  contactEmail?: string;
}

/** What a page says about itself; `seo` is the editors' SEO component, which wins over the entry's own fields. */
export interface PageSeoInput {
  title: string;
  description?: string | null;
  image?: Media | null;
  seo?: SharedSeo | null;
  noIndex?: boolean | null;
}

export interface ResolvedPageSeo {
  title: string;
  description: string | undefined;
  image: SeoImage | null;
  noIndex: boolean;
}

/** Media URLs are made absolute by the caller (`useMediaUrl`): relative `/uploads/...` paths belong to the CMS. */
export type MediaUrlResolver = (url: string) => string;

/** An absolute URL of a path of this site, without a trailing slash (except the home page). */
export function absoluteSiteUrl(siteUrl: string, path = '/'): string {
  return new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href;
}

/** Widest original used as it is for social previews; bigger ones use Strapi's `large` format. */
const MAX_SHARE_WIDTH = 2400;

/** The version of an uploaded image that social networks should fetch. */
export function toSeoImage(media: Media, mediaUrl: MediaUrlResolver, fallbackAlt = ''): SeoImage {
  const large = media.formats?.large;
  const useLarge = large !== undefined && (media.width ?? 0) > MAX_SHARE_WIDTH;
  const chosen = useLarge
    ? { url: large.url, width: large.width, height: large.height, mime: large.mime }
    : { url: media.url, width: media.width ?? undefined, height: media.height ?? undefined, mime: media.mime };
  return {
    url: mediaUrl(chosen.url),
    alt: media.alternativeText?.trim() || fallbackAlt,
    width: chosen.width,
    height: chosen.height,
    type: chosen.mime || undefined,
  };
}

const nonEmpty = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Title → SEO title or the entry's; description → SEO description, the entry's summary, the site's; image likewise. */
export function resolvePageSeo(input: PageSeoInput, defaults: SiteSeoDefaults, mediaUrl: MediaUrlResolver): ResolvedPageSeo {
  const title = nonEmpty(input.seo?.metaTitle) ?? input.title;
  const description = nonEmpty(input.seo?.metaDescription) ?? nonEmpty(input.description) ?? nonEmpty(defaults.description);
  const media = input.seo?.shareImage ?? input.image ?? null;
  return {
    title,
    description: description ? truncateText(description, META_DESCRIPTION_MAX) : undefined,
    image: media ? toSeoImage(media, mediaUrl, title) : defaults.image,
    noIndex: input.noIndex ?? input.seo?.noIndex ?? false,
  };
}

const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com']);

/** `https://x.com/chiudete` → `@chiudete`; undefined for anything that is not an X/Twitter profile. */
export function xHandle(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!X_HOSTS.has(parsed.hostname)) return undefined;
    const handle = parsed.pathname.split('/').find(Boolean);
    return handle && /^\w{1,15}$/.test(handle) ? `@${handle}` : undefined;
  } catch {
    return undefined;
  }
}

const isHttpUrl = (url: string): boolean => /^https:\/\/|^http:\/\//i.test(url.trim());

/** The site's profiles elsewhere (Organization `sameAs`): only http(s) URLs, each once. */
export function sameAsLinks(links: SharedSocialLink[] | null | undefined): string[] {
  return [...new Set((links ?? []).map((link) => link.url.trim()).filter(isHttpUrl))];
}

/** Site-wide defaults from Global; `fallbackName` (app.config) when the CMS has none. */
export function siteSeoDefaults(global: Global, mediaUrl: MediaUrlResolver, fallbackName: string): SiteSeoDefaults {
  const siteName = nonEmpty(global.siteName) ?? fallbackName;
  const shareImage = global.defaultSeo?.shareImage;
  const twitterLink = (global.socialLinks ?? []).find((link) => link.platform === 'x' || xHandle(link.url));
  return {
    siteName,
    description: nonEmpty(global.defaultSeo?.metaDescription) ?? nonEmpty(global.tagline) ?? '',
    image: shareImage ? toSeoImage(shareImage, mediaUrl, siteName) : null,
    twitterSite: twitterLink ? xHandle(twitterLink.url) : undefined,
    sameAs: sameAsLinks(global.socialLinks),
    contactEmail: nonEmpty(global.contactEmail),
  };
}
