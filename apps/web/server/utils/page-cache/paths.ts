/**
 * Which pages show which content: the one map used to open a preview
 * (`entryPath`) and to purge the page cache when the CMS says an entry
 * changed (`affectedPages`). Pure functions, unit-tested.
 */
export const CONTENT_TYPES = ['article', 'testimony', 'answer', 'video', 'book-release', 'author', 'category', 'global'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Types whose entries other pages link to or list. */
export const RELATED_TYPES = ['article', 'answer', 'category', 'author', 'book-release'] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];
export type RelatedSlugs = Partial<Record<RelatedType, string[]>>;

/** A change to public content, as the CMS reports it (apps/cms/src/site-revalidation/payload.ts). */
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

const SECTION: Record<Exclude<ContentType, 'global'>, { list: string; entry: (slug: string) => string[] }> = {
  'article': { list: '/articoli', entry: (slug) => [`/articoli/${slug}`] },
  'testimony': { list: '/testimonianze', entry: (slug) => [`/testimonianze/${slug}`] },
  'answer': { list: '/risposte', entry: (slug) => [`/risposte/${slug}`] },
  // Videos have no page of their own: they are shown on /video.
  'video': { list: '/video', entry: () => ['/video'] },
  // The book page shows the latest release; /libri/<slug> if there are several.
  'book-release': { list: '/libri', entry: (slug) => ['/libro', `/libri/${slug}`] },
  'author': { list: '/autori', entry: (slug) => [`/autori/${slug}`] },
  'category': { list: '/categorie', entry: (slug) => [`/categorie/${slug}`] },
};

/** The types an entry of each type is linked to, whose pages show it (purged by prefix when `related` is unknown). */
const LINKED: Record<Exclude<ContentType, 'global'>, RelatedType[]> = {
  'article': ['author', 'category', 'answer', 'book-release'],
  'answer': ['article'],
  'book-release': ['article'],
  // Article cards and pages show the author's name and the categories.
  'author': ['article'],
  'category': ['article'],
  'testimony': [],
  'video': [],
};

/** Extra pages per type: where the entries' names show besides their own pages and lists. */
const EXTRA: Partial<Record<ContentType, string[]>> = {
  author: ['/articoli', '/chi-siamo'],
  category: ['/articoli'],
};

const SLUG = /^[A-Za-z0-9._~-]{1,200}$/;

/** The page of one entry (the first one, for types shown in several places). */
export function entryPath(type: Exclude<ContentType, 'global'>, slug: string): string {
  return SECTION[type].entry(encodeURIComponent(slug))[0]!;
}

/** Every page that shows one entry as its own content (a video's: /video; a book's: /libro and /libri/<slug>). */
export function entryPaths(type: Exclude<ContentType, 'global'>, slug: string): string[] {
  return SECTION[type].entry(encodeURIComponent(slug));
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
  const section = SECTION[change.type];
  paths.add(section.list);
  for (const slug of [change.slug, change.previousSlug]) {
    if (slug && SLUG.test(slug)) for (const path of section.entry(encodeURIComponent(slug))) paths.add(path);
  }
  for (const path of EXTRA[change.type] ?? []) paths.add(path);

  for (const type of LINKED[change.type]) {
    const slugs = change.related?.[type];
    if (slugs === undefined && change.related === undefined) {
      // Unknown links: every page of that type.
      prefixes.add(`${SECTION[type].list}/`);
      if (type === 'book-release') paths.add('/libro');
      continue;
    }
    for (const slug of slugs ?? []) {
      if (SLUG.test(slug)) for (const path of SECTION[type].entry(encodeURIComponent(slug))) paths.add(path);
    }
  }
  return { all: false, paths: [...paths].sort(), prefixes: [...prefixes].sort() };
}
