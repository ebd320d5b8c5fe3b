import {
  SECTOR_LABELS,
  blocksToText,
  type Answer,
  type Article,
  type Author,
  type Global,
  type Testimony,
  type Video,
  sitePath,
} from '@chiudete/types';
import { truncateText } from './format';
import { SITE_LOGO_PATH, absoluteSiteUrl, sameAsLinks, type MediaUrlResolver } from './seo';

/**
 * Schema.org inputs for nuxt-schema-org, built from CMS content. Pure: the
 * composables in `useStructuredData.ts` wrap them in `defineArticle(...)`,
 * ... and `useSchemaOrg`, which adds ids, links the nodes
 * (WebPage, WebSite, the Organization as publisher) and renders one JSON-LD
 * graph. Google's required and recommended properties are filled here; the
 * tests check the resolved graph against `test/schema-org-rules.ts`.
 */

export interface JsonLdContext {
  /** Public origin of the site (`runtimeConfig.public.siteUrl`). */
  siteUrl: string;
  /** Makes the CMS's media paths absolute. */
  mediaUrl: MediaUrlResolver;
  /** Absolute URL of the site's share image: the image of content that has none of its own. */
  defaultImage?: string;
}

/** A JSON-LD node input: plain data, any schema.org property. */
export type JsonLdInput = Record<string, unknown>;

/** The language of every node. */
export const JSON_LD_LANGUAGE = 'it-IT';
/** The longest description a node gets (longer texts are truncated). */
export const JSON_LD_DESCRIPTION_MAX = 300;

/** Calendar dates stay dates (`2019-07-20`); timestamps stay ISO timestamps. */
export const isoDate = (value: string | null | undefined): string | undefined => (value ? value : undefined);

/** The input without its empty properties (undefined, null, '', []). */
export function withoutEmpty(input: JsonLdInput): JsonLdInput {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => {
    if (value === undefined || value === null || value === '') return false;
    return !(Array.isArray(value) && value.length === 0);
  }));
}

/** The image of a node: its own, made absolute, or the site's share image. */
export function imageOrDefault(url: string | undefined, ctx: JsonLdContext): string[] | undefined {
  const image = url ? ctx.mediaUrl(url) : ctx.defaultImage;
  return image ? [image] : undefined;
}

/** The site's publisher: name, logo, contact, profiles elsewhere (`@id` `#identity`, linked by every other node). */
export function organizationJsonLd(global: Pick<Global, 'siteName' | 'contactEmail' | 'socialLinks'>, ctx: JsonLdContext): JsonLdInput {
  return withoutEmpty({
    name: global.siteName,
    url: absoluteSiteUrl(ctx.siteUrl),
    logo: absoluteSiteUrl(ctx.siteUrl, SITE_LOGO_PATH),
    email: global.contactEmail,
    sameAs: sameAsLinks(global.socialLinks),
    contactPoint: global.contactEmail
      ? { '@type': 'ContactPoint', 'contactType': 'redazione', 'email': global.contactEmail, 'availableLanguage': 'Italian' }
      : undefined,
  });
}

/** The `@id` of the site's Organization (`#identity`, as nuxt-schema-org names it): the publisher of every article. */
export function organizationJsonLdId(ctx: Pick<JsonLdContext, 'siteUrl'>): string {
  return `${ctx.siteUrl.replace(/\/+$/, '')}#identity`;
}

/** The search page's URL template (`/cerca?q=...`) for the WebSite's SearchAction. */
export const SEARCH_URL_TEMPLATE = '/cerca?q={search_term_string}';

/** The WebSite node (its SearchAction is added by the composable with `defineSearchAction`). */
export function webSiteJsonLd(global: Pick<Global, 'siteName' | 'tagline'>, ctx: JsonLdContext): JsonLdInput {
  return withoutEmpty({
    name: global.siteName,
    url: absoluteSiteUrl(ctx.siteUrl),
    description: global.tagline,
    inLanguage: JSON_LD_LANGUAGE,
  });
}

function authorPath(slug: string): string {
  return sitePath('author', slug);
}

function categoryPath(slug: string): string {
  return sitePath('category', slug);
}

/** The `@id` of an author's Person node: the same on their page and on every article they signed. */
export function authorJsonLdId(slug: string, ctx: Pick<JsonLdContext, 'siteUrl'>): string {
  return `${absoluteSiteUrl(ctx.siteUrl, authorPath(slug))}#persona`;
}

/** An author: name, page, role, bio, avatar, public profiles. */
export function personJsonLd(author: Pick<Author, 'name' | 'slug' | 'role' | 'bio' | 'avatar' | 'socialLinks'>, ctx: JsonLdContext): JsonLdInput {
  return withoutEmpty({
    '@type': 'Person',
    '@id': authorJsonLdId(author.slug, ctx),
    'name': author.name,
    'url': absoluteSiteUrl(ctx.siteUrl, authorPath(author.slug)),
    'jobTitle': author.role,
    'description': author.bio,
    'image': author.avatar ? ctx.mediaUrl(author.avatar.url) : undefined,
    'sameAs': sameAsLinks(author.socialLinks),
  });
}

/** A blog post. Without an author, the composable's graph makes the Organization the author. */
export function articleJsonLd(article: Article, ctx: JsonLdContext): JsonLdInput {
  const categories = article.categories ?? [];
  return withoutEmpty({
    headline: truncateText(article.title, 110),
    description: article.excerpt,
    image: imageOrDefault(article.cover?.url, ctx),
    datePublished: isoDate(article.publicationDate),
    dateModified: isoDate(article.updatedAt),
    author: article.author
      ? [withoutEmpty({
          '@type': 'Person',
          '@id': authorJsonLdId(article.author.slug, ctx),
          'name': article.author.name,
          'url': absoluteSiteUrl(ctx.siteUrl, authorPath(article.author.slug)),
          'jobTitle': article.author.role,
        })]
      : undefined,
    // The Organization (name, logo: organizationJsonLd), which Google's Article preset asks for.
    publisher: { '@id': organizationJsonLdId(ctx) },
    articleSection: categories[0]?.name,
    keywords: categories.map((category) => category.name),
    about: categories.map((category) => ({ '@type': 'Thing', 'name': category.name, 'url': absoluteSiteUrl(ctx.siteUrl, categoryPath(category.slug)) })),
    inLanguage: JSON_LD_LANGUAGE,
  });
}

/** A reader's testimony: an Article signed with the name the reader chose (never personal data). */
export function testimonyJsonLd(testimony: Testimony, ctx: JsonLdContext): JsonLdInput {
  return withoutEmpty({
    headline: truncateText(testimony.title, 110),
    description: truncateText(testimony.story, JSON_LD_DESCRIPTION_MAX),
    image: imageOrDefault(undefined, ctx),
    datePublished: isoDate(testimony.publishedAt ?? testimony.createdAt),
    dateModified: isoDate(testimony.updatedAt),
    author: [{ '@type': 'Person', 'name': testimony.displayName }],
    articleSection: 'Testimonianze',
    about: { '@type': 'Thing', 'name': SECTOR_LABELS[testimony.sector] },
    inLanguage: JSON_LD_LANGUAGE,
  });
}

/**
 * A "Risposta precisa": an Article by the editors (the Organization), with
 * its legal references as citations. Not a QAPage: Google keeps that for
 * pages where users post answers to a question, and FAQPage for government
 * and health sites.
 */
export function answerJsonLd(answer: Answer, ctx: JsonLdContext): JsonLdInput {
  const correct = truncateText(blocksToText(answer.correctAnswer), JSON_LD_DESCRIPTION_MAX);
  return withoutEmpty({
    headline: truncateText(answer.title, 110),
    description: `L'operatore ti ha detto: «${answer.operatorClaim}». ${correct}`,
    image: imageOrDefault(undefined, ctx),
    datePublished: isoDate(answer.publishedAt ?? answer.createdAt),
    dateModified: isoDate(answer.updatedAt),
    articleSection: `Risposte precise · ${SECTOR_LABELS[answer.sector]}`,
    citation: (answer.legalReferences ?? []).map((reference) => withoutEmpty({ '@type': 'CreativeWork', 'name': reference.label, 'url': reference.url })),
    inLanguage: JSON_LD_LANGUAGE,
  });
}

/** `245` → `PT4M5S` (ISO 8601 duration); undefined when unknown. */
export function isoDuration(seconds: number | null | undefined): string | undefined {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest ? `${rest}S` : ''}`;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/** A video: our poster as thumbnail, the privacy-enhanced YouTube player as embed URL. */
export function videoJsonLd(video: Video, ctx: JsonLdContext): JsonLdInput {
  const thumbnail = video.poster ? ctx.mediaUrl(video.poster.url) : ctx.defaultImage;
  return withoutEmpty({
    name: video.title,
    description: video.description?.trim() || `${video.title}: un video del progetto «Chiudete i Call Center».`,
    thumbnailUrl: thumbnail ? [thumbnail] : undefined,
    uploadDate: isoDate(video.publishedAt ?? video.createdAt),
    duration: isoDuration(video.durationSeconds),
    embedUrl: YOUTUBE_ID.test(video.youtubeId) ? `https://www.youtube-nocookie.com/embed/${video.youtubeId}` : undefined,
    inLanguage: JSON_LD_LANGUAGE,
  });
}

/** A step of the breadcrumb trail: `to` is the page's path (the current page may omit it). */
export interface BreadcrumbItem {
  label: string;
  to?: string;
}

/** The label of the first step of every trail. */
export const BREADCRUMB_HOME_LABEL = 'Home';

/** The full trail, the home page first; the last step links to `currentPath` when it has no `to`. */
export function breadcrumbTrail(items: BreadcrumbItem[], currentPath: string): Array<Required<BreadcrumbItem>> {
  const trail = [{ label: BREADCRUMB_HOME_LABEL, to: '/' }, ...items];
  return trail.map((item, index) => ({ label: item.label, to: item.to ?? (index === trail.length - 1 ? currentPath : '/') }));
}

/** BreadcrumbList: every step with its position, name and absolute URL (Google wants `item` on each but the last; we give it always). */
export function breadcrumbJsonLd(items: BreadcrumbItem[], currentPath: string, ctx: JsonLdContext): JsonLdInput {
  return {
    itemListElement: breadcrumbTrail(items, currentPath).map((item, index) => ({
      '@type': 'ListItem',
      'position': index + 1,
      'name': item.label,
      'item': absoluteSiteUrl(ctx.siteUrl, item.to),
    })),
  };
}
