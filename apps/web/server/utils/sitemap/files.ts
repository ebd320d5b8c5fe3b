import { SECTORS, SITEMAP_PAGE_MAX, SITEMAP_PAGE_SIZE_MAX, SITEMAP_TYPES, hasEntryPages, listPath, sitePath, type SitemapEntry, type SitemapType, type SitemapTypeSummary } from '@chiudete/types';
import type { IndexItem, SitemapItemLoose } from 'sitemap';
import { OSSERVATORIO_PATH, osservatorioCompanyPath, osservatorioSectorPath } from '../../../shared/utils/osservatorio-routes';

/**
 * The sitemap as files (pure functions, unit-tested): `/sitemap.xml` is an
 * index of `/sitemap/pagine.xml` (the home page, the listings, the book, the
 * videos, the fixed pages) and, for each type of entry with pages of its
 * own, files of at most 50,000 URLs (the most a sitemap may list), one per
 * page of the CMS's sitemap source: `/sitemap/testimonianze-1.xml`...
 */
export const SITEMAP_FILE_SIZE = SITEMAP_PAGE_SIZE_MAX;
/** A file's worth of entries takes the CMS longer than a page's data: its own read timeout. */
export const SITEMAP_READ_TIMEOUT_MS = 20_000;

/**
 * The sitemap types with a page per entry (the registry's), and the section
 * their files are named after (`/articoli` → `articoli-1.xml`). The book has
 * one page, /libro, listed with the fixed pages.
 */
export type EntryType = SitemapType;
const ENTRY_TYPES: readonly EntryType[] = SITEMAP_TYPES.filter(hasEntryPages);
const SECTION_OF_TYPE = Object.fromEntries(ENTRY_TYPES.map((type) => [type, listPath(type).slice(1)])) as Readonly<Record<EntryType, string>>;

export const PAGES_FILE = 'pagine.xml';

export type SitemapFile = { kind: 'pages' } | { kind: 'entries'; type: EntryType; page: number };

/** `pagine.xml`, `testimonianze-3.xml`... or null for a name that is no file of this sitemap. */
export function parseSitemapFile(name: string): SitemapFile | null {
  if (name === PAGES_FILE) return { kind: 'pages' };
  const match = /^([a-z]+)-([1-9]\d{0,4})\.xml$/.exec(name);
  const type = match && ENTRY_TYPES.find((candidate) => SECTION_OF_TYPE[candidate] === match[1]);
  const page = Number(match?.[2]);
  // Past the CMS's last possible page (it refuses those with a 400): no such file either.
  return type && page <= SITEMAP_PAGE_MAX ? { kind: 'entries', type, page } : null;
}

/** The newest of some ISO timestamps (or undefined when there is none). */
export function newestDate(dates: Array<string | null | undefined>): string | undefined {
  let best: { time: number; value: string } | undefined;
  for (const value of dates) {
    const time = value ? Date.parse(value) : Number.NaN;
    if (value && Number.isFinite(time) && (!best || time > best.time)) best = { time, value };
  }
  return best?.value;
}

export interface MediaRef {
  url: string;
  alternativeText?: string | null;
}

/** What pagine.xml shows besides the summary: the site settings, the latest book, the videos, the Osservatorio's companies. */
export interface PagesContent {
  summary: SitemapTypeSummary[];
  /** The slugs of the companies with a page of their own in the Osservatorio (those over its threshold). */
  companies: string[];
  global: { updatedAt: string; shareImage?: MediaRef | null };
  book: { title: string; updatedAt: string; cover?: MediaRef | null } | null;
  videos: Array<{ title: string; description?: string | null; youtubeId: string; durationSeconds?: number | null; publishedAt?: string | null; createdAt: string; updatedAt: string; poster?: MediaRef | null }>;
}

/** Pages whose content is the site settings (Global) plus fixed text. */
export const GLOBAL_PAGES = ['/chi-siamo', '/contatti', '/privacy'] as const;

const lastModifiedOf = (summary: SitemapTypeSummary[], type: SitemapType) => summary.find((entry) => entry.type === type)?.lastModified ?? undefined;

function item(url: string, lastmod: string | undefined, extra: Pick<SitemapItemLoose, 'img' | 'video'> = {}): SitemapItemLoose {
  return { url, ...(lastmod ? { lastmod } : {}), ...extra };
}

/** The home page shows a bit of everything: it changes with anything. */
export function homeLastmod({ summary, global, videos }: PagesContent): string | undefined {
  return newestDate([global.updatedAt, ...videos.map((video) => video.updatedAt), ...summary.map((entry) => entry.lastModified)]);
}

export function pageItems(content: PagesContent, mediaUrl: (url: string) => string): SitemapItemLoose[] {
  const { summary, global, book, videos, companies } = content;
  const videosChanged = newestDate(videos.map((video) => video.updatedAt));
  const thumbnailFallback = global.shareImage?.url;
  const videoItems = videos.flatMap((video) => {
    const thumbnail = video.poster?.url ?? thumbnailFallback;
    if (!thumbnail) return [];
    return [{
      title: video.title,
      description: video.description?.trim() || video.title,
      thumbnail_loc: mediaUrl(thumbnail),
      player_loc: `https://www.youtube-nocookie.com/embed/${encodeURIComponent(video.youtubeId)}`,
      publication_date: video.publishedAt ?? video.createdAt,
      ...(video.durationSeconds ? { duration: Math.round(video.durationSeconds) } : {}),
    }];
  });
  return [
    item('/', homeLastmod(content)),
    item('/articoli', lastModifiedOf(summary, 'article')),
    item('/testimonianze', lastModifiedOf(summary, 'testimony')),
    item('/risposte', lastModifiedOf(summary, 'answer')),
    // The Osservatorio counts the published testimonies: it, its sectors and its companies change with them.
    item(OSSERVATORIO_PATH, lastModifiedOf(summary, 'testimony')),
    ...SECTORS.map((sector) => item(osservatorioSectorPath(sector), lastModifiedOf(summary, 'testimony'))),
    ...companies.map((slug) => item(osservatorioCompanyPath(slug), lastModifiedOf(summary, 'testimony'))),
    item('/video', videosChanged, videoItems.length > 0 ? { video: videoItems } : {}),
    ...(book ? [item('/libro', book.updatedAt, book.cover ? { img: [{ url: mediaUrl(book.cover.url), title: book.title, ...(book.cover.alternativeText ? { caption: book.cover.alternativeText } : {}) }] } : {})] : []),
    ...GLOBAL_PAGES.map((page) => item(page, global.updatedAt)),
  ];
}

export function entryItems(type: EntryType, entries: SitemapEntry[]): SitemapItemLoose[] {
  return entries.map((entry) => item(sitePath(type, entry.slug), entry.updatedAt));
}

/** The files of the index: pagine.xml, then each type's files (none for a type without entries). */
export function indexItems(summary: SitemapTypeSummary[], pagesLastmod: string | undefined): IndexItem[] {
  const files: IndexItem[] = [{ url: `/sitemap/${PAGES_FILE}`, ...(pagesLastmod ? { lastmod: pagesLastmod } : {}) }];
  for (const type of ENTRY_TYPES) {
    const entry = summary.find((candidate) => candidate.type === type);
    const count = Math.ceil((entry?.count ?? 0) / SITEMAP_FILE_SIZE);
    for (let page = 1; page <= count; page++) {
      files.push({ url: `/sitemap/${SECTION_OF_TYPE[type]}-${page}.xml`, ...(entry?.lastModified ? { lastmod: entry.lastModified } : {}) });
    }
  }
  return files;
}
