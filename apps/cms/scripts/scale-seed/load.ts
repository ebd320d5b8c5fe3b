import type { Core, UID } from '@strapi/strapi';
import type { SearchType } from '@chiudete/types';
import { toIndexDocument, type IndexDocument } from '../../src/api/search/lib/documents';
import type { Sql } from '../../src/api/search/lib/sql';
import { generateArticle, type GeneratedArticle } from './articles';
import { generateTestimony, type GeneratedTestimony } from './testimonies';

/**
 * Bulk loading of generated documents, stored exactly as Strapi 5 stores a
 * published document: a draft row and a published row with the same
 * `document_id` (the draft's `published_at` null), each with its own rows
 * in the relations' link tables. Table and column names come from Strapi's
 * own metadata (`strapi.db.metadata`), rows are written by Strapi's query
 * engine (`createMany`, so values are converted as the document service
 * converts them) and the link rows with the join table's names, one
 * transaction per batch together with the search index of the batch: a
 * batch is either entirely there (content and index) or not at all, so a
 * run that stops midway is resumed by the next.
 *
 * Idempotent: documents whose `document_id` already exists are skipped.
 */

export interface ScaleSeedOptions {
  testimonies: number;
  articles: number;
  /** Non-negative integer; the same seed always gives the same documents. */
  seed: number;
  /** Documents per transaction (default 500). */
  batchSize?: number;
  onProgress?: (progress: ScaleSeedProgress) => void;
  /** Writes the search index of a batch, inside the batch's transaction. */
  indexBatch?: (trx: Sql, documents: IndexDocument[]) => Promise<void>;
}

export interface ScaleSeedProgress {
  type: 'testimony' | 'article';
  /** Documents looked at so far (inserted or already there). */
  done: number;
  total: number;
  inserted: number;
}

export interface ScaleSeedCounts {
  /** Documents written by this run. */
  inserted: number;
  /** Documents that were already there (same seed and index). */
  existing: number;
}

export interface ScaleSeedResult {
  testimonies: ScaleSeedCounts;
  articles: ScaleSeedCounts;
  milliseconds: number;
}

const TESTIMONY: UID.ContentType = 'api::testimony.testimony';
const ARTICLE: UID.ContentType = 'api::article.article';
const AUTHOR: UID.ContentType = 'api::author.author';
const CATEGORY: UID.ContentType = 'api::category.category';

type Knex = Sql & ((table: string) => KnexQuery);
interface KnexQuery extends PromiseLike<Array<Record<string, unknown>>> {
  select(...columns: string[]): KnexQuery;
  distinct(...columns: string[]): KnexQuery;
  whereIn(column: string, values: readonly unknown[]): KnexQuery;
  whereNotNull(column: string): KnexQuery;
  max(column: string, options: { as: string }): KnexQuery;
  groupBy(column: string): KnexQuery;
  orderBy(column: string, order?: 'asc' | 'desc'): KnexQuery;
  insert(rows: ReadonlyArray<Record<string, unknown>>): PromiseLike<unknown>;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

const metaOf = (strapi: Core.Strapi, uid: UID.ContentType) => strapi.db.metadata.get(uid) as unknown as Meta;

function joinTableOf(strapi: Core.Strapi, uid: UID.ContentType, attribute: string): JoinTable {
  const joinTable = metaOf(strapi, uid).attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`[seed:scale] ${uid}.${attribute} has no join table in Strapi's metadata`);
  return joinTable;
}

const column = (strapi: Core.Strapi, uid: UID.ContentType, attribute: string) => {
  const name = metaOf(strapi, uid).attributes[attribute]?.columnName;
  if (!name) throw new Error(`[seed:scale] ${uid}.${attribute} has no column in Strapi's metadata`);
  return name;
};

interface Target {
  /** Row id (authors and categories have no drafts: one row each). */
  id: number;
  /** Next position of an article in this target's list (the inverse order column). */
  nextOrder: number;
}

/** Authors or categories, in slug order (stable across databases), with the next inverse order of each. */
async function loadTargets(strapi: Core.Strapi, uid: UID.ContentType, joinTable: JoinTable): Promise<Target[]> {
  const knex = strapi.db.connection as unknown as Knex;
  const { tableName } = metaOf(strapi, uid);
  const rows = await knex(tableName).select('id').whereNotNull(column(strapi, uid, 'publishedAt')).orderBy(column(strapi, uid, 'slug'), 'asc');
  const orders = new Map<number, number>();
  if (joinTable.inverseOrderColumnName) {
    const maxima = await knex(joinTable.name)
      .select(joinTable.inverseJoinColumn.name)
      .max(joinTable.inverseOrderColumnName, { as: 'max' })
      .groupBy(joinTable.inverseJoinColumn.name);
    for (const row of maxima) orders.set(Number(row[joinTable.inverseJoinColumn.name]), Number(row.max ?? 0));
  }
  return rows.map((row) => ({ id: Number(row.id), nextOrder: (orders.get(Number(row.id)) ?? 0) + 1 }));
}

interface TypeLoader<G extends { documentId: string }> {
  uid: UID.ContentType;
  type: SearchType & ScaleSeedProgress['type'];
  generate(index: number): G;
  /** Attributes of the draft row (the published row adds `publishedAt`). */
  attributes(document: G): Record<string, unknown>;
  /** Link rows of one stored row (draft or published) of the document. */
  links?(document: G, rowId: number): Array<{ table: string; row: Record<string, unknown> }>;
  /** Called once per document after its links were computed for both rows (advances the inverse orders). */
  linked?(document: G): void;
  /** The published version as the search index reads it. */
  searchEntry(document: G): Record<string, unknown>;
}

const DEFAULT_BATCH = 500;
/** Link rows per INSERT (knex writes a multi-row INSERT for SQLite as a compound SELECT, at most 500 terms). */
const LINK_CHUNK = 250;

async function loadType<G extends { documentId: string; createdAt: Date; publishedAt: Date }>(
  strapi: Core.Strapi,
  loader: TypeLoader<G>,
  total: number,
  options: ScaleSeedOptions,
): Promise<ScaleSeedCounts> {
  const counts: ScaleSeedCounts = { inserted: 0, existing: 0 };
  const { tableName } = metaOf(strapi, loader.uid);
  const documentIdColumn = column(strapi, loader.uid, 'documentId');
  const publishedAtColumn = column(strapi, loader.uid, 'publishedAt');
  const batchSize = options.batchSize ?? DEFAULT_BATCH;

  for (let start = 0; start < total; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, total - start) }, (_, i) => loader.generate(start + i));
    await strapi.db.transaction(async ({ trx }) => {
      const knex = trx as unknown as Knex;
      const ids = batch.map((document) => document.documentId);
      const present = new Set((await knex(tableName).distinct(documentIdColumn).whereIn(documentIdColumn, ids)).map((row) => String(row[documentIdColumn])));
      const missing = batch.filter((document) => !present.has(document.documentId));
      counts.existing += batch.length - missing.length;
      if (missing.length === 0) return;

      // Draft then published, document after document: the order of Strapi's create + publish.
      const data = missing.flatMap((document) => {
        const attributes = { ...loader.attributes(document), documentId: document.documentId, createdAt: document.createdAt, updatedAt: document.createdAt };
        return [{ ...attributes, publishedAt: null }, { ...attributes, publishedAt: document.publishedAt }];
      });
      await strapi.db.query(loader.uid).createMany({ data });

      if (loader.links) {
        const rows = await knex(tableName).select('id', documentIdColumn, publishedAtColumn).whereIn(documentIdColumn, missing.map((d) => d.documentId));
        const rowIds = new Map<string, { draft?: number; published?: number }>();
        for (const row of rows) {
          const ids = rowIds.get(String(row[documentIdColumn])) ?? {};
          ids[row[publishedAtColumn] === null ? 'draft' : 'published'] = Number(row.id);
          rowIds.set(String(row[documentIdColumn]), ids);
        }
        const byTable = new Map<string, Array<Record<string, unknown>>>();
        for (const document of missing) {
          const { draft, published } = rowIds.get(document.documentId) ?? {};
          if (draft === undefined || published === undefined) throw new Error(`[seed:scale] ${document.documentId}: draft or published row missing after insert`);
          for (const rowId of [draft, published]) {
            for (const { table, row } of loader.links(document, rowId)) {
              const list = byTable.get(table);
              if (list) list.push(row);
              else byTable.set(table, [row]);
            }
          }
          loader.linked?.(document);
        }
        for (const [table, linkRows] of byTable) {
          for (let i = 0; i < linkRows.length; i += LINK_CHUNK) await knex(table).insert(linkRows.slice(i, i + LINK_CHUNK));
        }
      }

      if (options.indexBatch) {
        const documents = missing.map((document) => toIndexDocument(loader.type, { ...loader.searchEntry(document), documentId: document.documentId, publishedAt: document.publishedAt.toISOString() }));
        await options.indexBatch(knex, documents.filter((document): document is IndexDocument => document !== null));
      }
      counts.inserted += missing.length;
    });
    options.onProgress?.({ type: loader.type, done: Math.min(start + batchSize, total), total, inserted: counts.inserted });
    // SQLite answers synchronously: give timers and I/O (a progress bar, other requests) their turn between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return counts;
}

function testimonyLoader(seed: number): TypeLoader<GeneratedTestimony> {
  return {
    uid: TESTIMONY,
    type: 'testimony',
    generate: (index) => generateTestimony(seed, index),
    attributes: ({ title, slug, role, sector, channel, companyBrand, eventMonth, receivedDate, story, displayName }) =>
      ({ title, slug, role, sector, channel, companyBrand, eventMonth, receivedDate, story, displayName }),
    searchEntry: ({ title, slug, story, displayName, companyBrand, receivedDate }) => ({ title, slug, story, displayName, companyBrand, receivedDate }),
  };
}

async function articleLoader(strapi: Core.Strapi, seed: number): Promise<TypeLoader<GeneratedArticle>> {
  const authorLink = joinTableOf(strapi, ARTICLE, 'author');
  const categoryLink = joinTableOf(strapi, ARTICLE, 'categories');
  const authors = await loadTargets(strapi, AUTHOR, authorLink);
  const categories = await loadTargets(strapi, CATEGORY, categoryLink);
  if (authors.length === 0 || categories.length === 0) {
    throw new Error('[seed:scale] Articles are signed by the existing authors and filed under the existing categories, and there are none: start the CMS once with the demo content (SEED_DEMO_CONTENT=true), or create an author and a category, then run again.');
  }
  const order = (joinTable: JoinTable, name: 'orderColumnName' | 'inverseOrderColumnName', value: number) =>
    (joinTable[name] ? { [joinTable[name]]: value } : {});

  return {
    uid: ARTICLE,
    type: 'article',
    generate: (index) => generateArticle(seed, index, authors.length, categories.length),
    attributes: ({ title, slug, excerpt, body, publicationDate }) => ({ title, slug, excerpt, body, publicationDate }),
    links: (article, rowId) => {
      const author = authors[article.author]!;
      return [
        {
          table: authorLink.name,
          row: { [authorLink.joinColumn.name]: rowId, [authorLink.inverseJoinColumn.name]: author.id, ...order(authorLink, 'inverseOrderColumnName', author.nextOrder) },
        },
        ...article.categories.map((index, position) => {
          const category = categories[index]!;
          return {
            table: categoryLink.name,
            row: {
              [categoryLink.joinColumn.name]: rowId,
              [categoryLink.inverseJoinColumn.name]: category.id,
              ...order(categoryLink, 'orderColumnName', position + 1),
              ...order(categoryLink, 'inverseOrderColumnName', category.nextOrder),
            },
          };
        }),
      ];
    },
    // The draft and the published row share their place in the author's and categories' lists, as Strapi stores them.
    linked: (article) => {
      authors[article.author]!.nextOrder += 1;
      for (const index of article.categories) categories[index]!.nextOrder += 1;
    },
    searchEntry: ({ title, slug, excerpt, body, publicationDate }) => ({ title, slug, excerpt, body, publicationDate }),
  };
}

export function assertScaleSeedOptions({ testimonies, articles, seed }: Pick<ScaleSeedOptions, 'testimonies' | 'articles' | 'seed'>): void {
  const problems: string[] = [];
  if (!Number.isSafeInteger(testimonies) || testimonies < 0) problems.push(`--testimonies must be a whole number >= 0 (got ${testimonies})`);
  if (!Number.isSafeInteger(articles) || articles < 0) problems.push(`--articles must be a whole number >= 0 (got ${articles})`);
  if (!Number.isSafeInteger(seed) || seed < 0) problems.push(`--seed must be a whole number >= 0 (got ${seed})`);
  if (problems.length > 0) throw new Error(`[seed:scale] ${problems.join('; ')}.`);
}

/** Loads `testimonies` and `articles` generated documents of `seed` (see the module comment). */
export async function loadScaleContent(strapi: Core.Strapi, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  assertScaleSeedOptions(options);
  const started = Date.now();
  const testimonies = await loadType(strapi, testimonyLoader(options.seed), options.testimonies, options);
  const articles = options.articles > 0
    ? await loadType(strapi, await articleLoader(strapi, options.seed), options.articles, options)
    : { inserted: 0, existing: 0 };
  return { testimonies, articles, milliseconds: Date.now() - started };
}
