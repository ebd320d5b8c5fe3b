import type { Core, UID } from '@strapi/strapi';
import { blocksToText, type BlocksContent, type SearchType } from '@chiudete/types';

/**
 * What the search index holds of one published entry: public fields only,
 * as plain text, in three parts of decreasing weight (title > summary > body).
 * Testimony submissions are never read here: only the public Testimony,
 * whose fields the redazione approved.
 */
export interface IndexDocument {
  type: SearchType;
  documentId: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  /** ISO date-time of the published version. */
  publishedAt: string;
  /** The editorial date shown with the entry (SearchHit.date): a calendar day of the entry's own, else `publishedAt`. */
  date: string;
}

type Entry = Record<string, unknown>;

interface Source {
  uid: UID.ContentType;
  fields: string[];
  populate?: Record<string, { fields: string[] }>;
  summary(entry: Entry): string;
  body(entry: Entry): string;
  /** The entry's own editorial date field (a calendar day), when the type has one. */
  dateField?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Ends a sentence: a period after text that has no final punctuation (closing quotes and brackets looked through). */
const TERMINATED = /[.!?…:;][»"'’)\]]*$/u;
export const asSentence = (part: string): string => {
  const trimmed = part.trim();
  return trimmed === '' || TERMINATED.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * Parts of a text joined so that a snippet (which folds line breaks into
 * spaces) never runs them together: every part, heading, list item, name,
 * ends as a sentence («Che cosa fare. Chiedi per iscritto…», not
 * «Che cosa fare Chiedi per iscritto…»).
 */
export const lines = (...parts: string[]): string => parts.map(asSentence).filter((part) => part !== '').join('\n\n');

/** A blocks document as sentences: each block, and each list item, on its own. */
export const blocks = (value: unknown): string => {
  if (!Array.isArray(value)) return '';
  return lines(...(value as BlocksContent).flatMap((block) =>
    block.type === 'list' ? blocksToText([block]).split('\n') : [blocksToText([block])]));
};

/** Where each searchable type's text comes from. */
export const SEARCH_SOURCES: Readonly<Record<SearchType, Source>> = {
  article: {
    uid: 'api::article.article',
    fields: ['title', 'slug', 'excerpt', 'body', 'publicationDate', 'publishedAt'],
    summary: (entry) => text(entry.excerpt),
    body: (entry) => blocks(entry.body),
    dateField: 'publicationDate',
  },
  testimony: {
    uid: 'api::testimony.testimony',
    fields: ['title', 'slug', 'story', 'displayName', 'companyBrand', 'receivedDate', 'publishedAt'],
    summary: () => '',
    body: (entry) => lines(text(entry.story), text(entry.displayName), text(entry.companyBrand)),
    dateField: 'receivedDate',
  },
  answer: {
    uid: 'api::answer.answer',
    fields: ['title', 'slug', 'operatorClaim', 'correctAnswer', 'publishedAt'],
    populate: { legalReferences: { fields: ['label'] } },
    summary: (entry) => text(entry.operatorClaim),
    body: (entry) => {
      const references = Array.isArray(entry.legalReferences) ? (entry.legalReferences as Entry[]).map((ref) => text(ref.label)) : [];
      return lines(blocks(entry.correctAnswer), ...references);
    },
  },
};

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = (value: unknown): string | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** The index document of a published entry, or null when it lacks what the site needs to link it. */
export function toIndexDocument(type: SearchType, entry: Entry): IndexDocument | null {
  const source = SEARCH_SOURCES[type];
  const publishedAt = isoDate(entry.publishedAt);
  const { documentId, slug, title } = entry;
  if (typeof documentId !== 'string' || typeof slug !== 'string' || !slug || typeof title !== 'string' || !publishedAt) return null;
  const own = source.dateField ? entry[source.dateField] : undefined;
  const date = typeof own === 'string' && CALENDAR_DAY.test(own) ? own : publishedAt;
  return { type, documentId, slug, title, summary: source.summary(entry), body: source.body(entry), publishedAt, date };
}

type FindParams = { status: 'published'; fields: string[]; populate?: Source['populate'] };
interface LooseDocuments {
  findOne(params: FindParams & { documentId: string }): Promise<Entry | null>;
  findMany(params: FindParams & { filters: Record<string, unknown>; limit: number; sort: string }): Promise<Entry[]>;
}

/**
 * The document service of a type, with loose typing: the fields come from
 * SEARCH_SOURCES (checked against the schema by the tests), and the result is
 * validated by `toIndexDocument`.
 */
const documentsOf = (strapi: Core.Strapi, type: SearchType): LooseDocuments =>
  strapi.documents(SEARCH_SOURCES[type].uid) as unknown as LooseDocuments;

/** The published version of one entry, as the index holds it, or null when there is none. */
export async function loadPublished(strapi: Core.Strapi, type: SearchType, documentId: string): Promise<IndexDocument | null> {
  const { fields, populate } = SEARCH_SOURCES[type];
  const entry = await documentsOf(strapi, type).findOne({ documentId, status: 'published', fields, populate });
  return entry ? toIndexDocument(type, entry) : null;
}

export interface PublishedBatch {
  documents: IndexDocument[];
  /** Row id of the last entry read (the next batch starts after it), or null when there was none. */
  lastId: number | null;
  /** Whether this was the last batch (fewer entries than asked). */
  done: boolean;
}

/**
 * Published entries of a type whose (published) row id is above `afterId`,
 * by id, at most `limit`: a keyset page, as cheap at the end as at the start.
 */
export async function loadPublishedAfter(strapi: Core.Strapi, type: SearchType, afterId: number, limit: number): Promise<PublishedBatch> {
  const { fields, populate } = SEARCH_SOURCES[type];
  const entries = await documentsOf(strapi, type).findMany({ status: 'published', fields, populate, filters: { id: { $gt: afterId } }, sort: 'id:asc', limit });
  const documents = entries.map((entry) => toIndexDocument(type, entry)).filter((document): document is IndexDocument => document !== null);
  const last = entries[entries.length - 1];
  return { documents, lastId: last ? Number(last.id) : null, done: entries.length < limit };
}

/** How many published entries of a type exist (to tell whether the index is complete). */
export function countPublished(strapi: Core.Strapi, type: SearchType): Promise<number> {
  return strapi.documents(SEARCH_SOURCES[type].uid).count({ status: 'published' });
}
