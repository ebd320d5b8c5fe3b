import { PUBLIC_CONTENT_TYPES, RELATED_TYPES, hasEntryPages, linkedTypes, listPath, sitePath, type PublicContentType, type RelatedType } from '@chiudete/types';
import type { RelatedSlugs } from '@chiudete/types/revalidation';
import { OSSERVATORIO_PATH, WIDGET_PATHS } from '../../../shared/utils/osservatorio-routes';

/**
 * Which pages show which content: the one map used to open a preview
 * (`entryPath`) and to purge the page cache when the CMS says an entry
 * changed (`affectedPages`). Pure functions, unit-tested. The site path of
 * each type, and which types an entry's pages link to, come from the
 * registry of content types (@chiudete/types).
 */
export const CONTENT_TYPES = PUBLIC_CONTENT_TYPES;
export type ContentType = PublicContentType;

/** Types whose entries other pages link to or list. */
export { RELATED_TYPES };
export type { RelatedSlugs, RelatedType };

/** A change to public content, as the CMS reports it (`revalidationRequestSchema`, @chiudete/types/revalidation). */
export interface ContentChange {
  type: ContentType;
  action: 'published' | 'unpublished';
  documentId: string;
  slug: string | null;
  /** The slug the public version had before, when it changed. */
  previousSlug?: string;
  /** Slugs of the linked entries (before and after). Absent: unknown, so every page of those types is purged. */
  related?: RelatedSlugs;
}

/** What to purge: exact paths (each with all its query variants), path prefixes, or everything. */
export interface Purge {
  all: boolean;
  paths: string[];
  prefixes: string[];
}

/** Pages that list or aggregate everything: the home page, the feeds, the sitemap. */
export const ALWAYS_AFFECTED = ['/', '/feed.xml', '/feed.json', '/sitemap.xml'] as const;
/** The sitemap's files (server/routes/sitemap/). */
const SITEMAP_FILES = '/sitemap/';

/** Extra pages per type: where the entries' names show besides their own pages and lists. */
const EXTRA: Partial<Record<ContentType, string[]>> = {
  author: ['/articoli', '/chi-siamo'],
  category: ['/articoli'],
  // The Osservatorio counts the published testimonies; the partners' widget shows the latest and the figures.
  testimony: [OSSERVATORIO_PATH, ...WIDGET_PATHS],
};

/** Extra folders per type: every page under them (the Osservatorio's sectors and companies). */
const EXTRA_PREFIXES: Partial<Record<ContentType, string[]>> = {
  testimony: [`${OSSERVATORIO_PATH}/`],
};

const SLUG = /^[A-Za-z0-9._~-]{1,200}$/;

/** The page of one entry (the registry's `sitePath`: a video's is /video, the book's /libro). */
export function entryPath(type: Exclude<ContentType, 'global'>, slug: string): string {
  return sitePath(type, slug);
}

/** Every page that shows one entry as its own content. */
export function entryPaths(type: Exclude<ContentType, 'global'>, slug: string): string[] {
  return [sitePath(type, slug)];
}

/**
 * Every page that shows the changed entry, before or after the change: its
 * own page (old slug included), its list pages (every page and filter: a path
 * is purged with all its query variants), the pages of the linked entries,
 * the home page, the feeds and the sitemap. A change to the site settings
 * (Global) shows on every page.
 */
export function affectedPages(change: ContentChange): Purge {
  if (change.type === 'global') return { all: true, paths: [], prefixes: [] };

  const paths = new Set<string>(ALWAYS_AFFECTED);
  const prefixes = new Set<string>([SITEMAP_FILES]);
  paths.add(listPath(change.type));
  for (const slug of [change.slug, change.previousSlug]) {
    if (slug && SLUG.test(slug)) paths.add(sitePath(change.type, slug));
  }
  for (const path of EXTRA[change.type] ?? []) paths.add(path);
  for (const prefix of EXTRA_PREFIXES[change.type] ?? []) prefixes.add(prefix);

  for (const type of linkedTypes(change.type)) {
    const slugs = change.related?.[type];
    if (slugs === undefined && change.related === undefined) {
      // Unknown links: every page of that type (its one page, for a type without a page per entry).
      if (hasEntryPages(type)) prefixes.add(`${listPath(type)}/`);
      else paths.add(listPath(type));
      continue;
    }
    for (const slug of slugs ?? []) {
      if (SLUG.test(slug)) paths.add(sitePath(type, slug));
    }
  }
  return { all: false, paths: [...paths].sort(), prefixes: [...prefixes].sort() };
}
