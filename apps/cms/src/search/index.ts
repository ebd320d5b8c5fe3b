import type { Core } from '@strapi/strapi';
import { SEARCH_TYPES, type SearchResponse, type SearchType } from '@chiudete/types';
import { onContentChange, type ContentChange } from '../content-events';
import { countPublished, loadAllPublished, loadPublished } from './documents';
import { createPostgresStore } from './postgres-store';
import { runSearch, type SearchRequest } from './search';
import { sqlOf } from './sql';
import { createSqliteStore } from './sqlite-store';
import type { SearchStore } from './store';

/**
 * Site search over published articles, testimonies and answers, in the
 * CMS's own database (see store.ts). The index follows the content:
 * - `registerSearchIndex` (bootstrap, before the demo seed) subscribes to
 *   public-content changes: a publish re-reads the published version and
 *   upserts it, an unpublish or delete removes it;
 * - `ensureSearchIndex` (bootstrap, after the seed) creates the tables and
 *   rebuilds the index when its version changed or its entry counts differ
 *   from the published content (a new database, changes made while the
 *   listener could not run).
 * Index writes of one process run one at a time, in order.
 */

export type { SearchRequest } from './search';

interface SearchState {
  store: SearchStore;
  /** Resolves once the tables exist; true when they were (re)created and must be filled. */
  prepared: Promise<boolean>;
  /** Tail of the queue of index writes. */
  queue: Promise<void>;
}

const states = new WeakMap<Core.Strapi, SearchState>();

function createStore(strapi: Core.Strapi): SearchStore {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite' || client === 'better-sqlite3') return createSqliteStore(sqlOf(strapi));
  if (client === 'postgres' || client === 'pg') return createPostgresStore(sqlOf(strapi), strapi.db.getSchemaName() ?? 'public', strapi.log);
  throw new Error(`[search] The search index supports SQLite and PostgreSQL, not "${client}".`);
}

function stateOf(strapi: Core.Strapi): SearchState {
  let state = states.get(strapi);
  if (!state) {
    const store = createStore(strapi);
    state = { store, prepared: store.prepare(), queue: Promise.resolve() };
    states.set(strapi, state);
  }
  return state;
}

/** Runs an index write after the previous ones; a failure is returned to the caller and does not stop the queue. */
function enqueue(strapi: Core.Strapi, task: (store: SearchStore) => Promise<void>): Promise<void> {
  const state = stateOf(strapi);
  const run = state.queue.then(async () => {
    await state.prepared;
    await task(state.store);
  });
  state.queue = run.catch(() => undefined);
  return run;
}

const isSearchType = (type: string): type is SearchType => (SEARCH_TYPES as readonly string[]).includes(type);

/** Brings one entry of the index in line with its published version (present or absent). */
export function syncSearchEntry(strapi: Core.Strapi, type: SearchType, documentId: string): Promise<void> {
  return enqueue(strapi, async (store) => {
    const document = await loadPublished(strapi, type, documentId);
    if (document) await store.upsert(document);
    else await store.remove(type, documentId);
  });
}

/** Keeps the index current: subscribes to publish/unpublish/delete of the searchable types. */
export function registerSearchIndex(strapi: Core.Strapi): void {
  onContentChange(strapi, async (change: ContentChange) => {
    if (isSearchType(change.type)) await syncSearchEntry(strapi, change.type, change.documentId);
  });
}

/** Reads every published entry and replaces the index with them. */
export function rebuildSearchIndex(strapi: Core.Strapi): Promise<void> {
  return enqueue(strapi, async (store) => {
    const started = Date.now();
    const documents = (await Promise.all(SEARCH_TYPES.map((type) => loadAllPublished(strapi, type)))).flat();
    await store.rebuild(documents);
    strapi.log.info(`[search] Index rebuilt (${store.engine}): ${documents.length} entries in ${Date.now() - started} ms.`);
  });
}

/** Creates the index when missing and rebuilds it when stale (see the module comment). */
export async function ensureSearchIndex(strapi: Core.Strapi): Promise<void> {
  const state = stateOf(strapi);
  const created = await state.prepared;
  let stale = created;
  if (!stale) {
    const indexed = await state.store.countByType();
    for (const type of SEARCH_TYPES) {
      if (indexed[type] !== (await countPublished(strapi, type))) stale = true;
    }
  }
  if (stale) await rebuildSearchIndex(strapi);
}

/** Resolves when every index write queued so far is done (tests, jobs). */
export async function searchIndexIdle(strapi: Core.Strapi): Promise<void> {
  await stateOf(strapi).queue;
}

/** Searches the published content (see search.ts). */
export async function searchContent(strapi: Core.Strapi, request: SearchRequest): Promise<SearchResponse> {
  const state = stateOf(strapi);
  await state.prepared;
  return runSearch(state.store, request);
}
