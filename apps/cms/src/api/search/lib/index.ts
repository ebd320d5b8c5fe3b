import type { Core } from '@strapi/strapi';
import { SEARCH_TYPES, type SearchResponse, type SearchType } from '@chiudete/types';
import { onContentChange, type ContentChange } from '../../../content-events';
import { countPublished, loadPublished, type IndexDocument } from './documents';
import { createPostgresStore } from './postgres-store';
import { REBUILD_KEY, continueRebuild, parseProgress, startRebuild, type RebuildContext } from './rebuild';
import { withRebuildLock } from './rebuild-lock';
import { runSearch, type SearchRequest } from './search';
import { sqlOf, type Sql } from './sql';
import { createSqliteStore } from './sqlite-store';
import type { SearchEngine, SearchStore } from './store';

/**
 * Site search over published articles, testimonies and answers, in the
 * CMS's own database (see store.ts). The index follows the content:
 * - `registerSearchIndex` (bootstrap, before the demo seed) subscribes to
 *   public-content changes: a publish re-reads the published version and
 *   upserts it, an unpublish or delete removes it;
 * - `ensureSearchIndex` creates the tables and, when the index is stale (its
 *   tables were just created, its entry counts differ from the published
 *   content, or a rebuild was interrupted), rebuilds it in place, in
 *   batches (rebuild.ts), one process at a time (rebuild-lock.ts). The
 *   bootstrap starts it without waiting (`startSearchIndexMaintenance`): the
 *   CMS serves requests, searches included, while it runs.
 * Index writes of one process run one at a time, in order.
 */

export type { SearchRequest } from './search';

interface SearchState {
  store: SearchStore;
  /** Resolves once the tables exist: true when they were just (re)created, empty. */
  prepared: Promise<boolean>;
  /** Tail of the queue of index writes. */
  queue: Promise<void>;
  /** The running check-and-rebuild, if any. */
  maintenance: Promise<void> | null;
  /** Strapi is shutting down: a running rebuild stops after its current batch. */
  stopping: boolean;
}

/**
 * One state per Strapi instance, shared by every copy of this module: the
 * compiled app and the TypeScript sources (tests, scripts) may both be
 * loaded in one process, and must share one queue and one running rebuild.
 */
const STATES = Symbol.for('chiudete.search.states');
const states: WeakMap<Core.Strapi, SearchState> = ((globalThis as Record<symbol, unknown>)[STATES] ??= new WeakMap()) as WeakMap<Core.Strapi, SearchState>;

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
    state = { store, prepared: store.prepare(), queue: Promise.resolve(), maintenance: null, stopping: false };
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

/** Which engine holds the index (scripts print it). */
export const searchEngineOf = (strapi: Core.Strapi): SearchEngine => stateOf(strapi).store.engine;

/** Brings one entry of the index in line with its published version (present or absent). */
export function syncSearchEntry(strapi: Core.Strapi, type: SearchType, documentId: string): Promise<void> {
  return enqueue(strapi, async (store) => {
    const document = await loadPublished(strapi, type, documentId);
    if (document) await store.upsertMany([document]);
    else await store.removeMany(type, [documentId]);
  });
}

/** Keeps the index current: subscribes to publish/unpublish/delete of the searchable types. */
export function registerSearchIndex(strapi: Core.Strapi): void {
  onContentChange(strapi, async (change: ContentChange) => {
    if (isSearchType(change.type)) await syncSearchEntry(strapi, change.type, change.documentId);
  });
}

/**
 * Indexes published entries written outside the document service (the bulk
 * loader of scripts/scale-seed), inside the caller's transaction.
 */
export async function indexPublishedBatch(strapi: Core.Strapi, trx: Sql, documents: readonly IndexDocument[]): Promise<void> {
  const state = stateOf(strapi);
  await state.prepared;
  await state.store.upsertMany(documents, trx);
}

/** Whether the index lacks entries or holds more than the published content. */
async function isStale(strapi: Core.Strapi, store: SearchStore): Promise<boolean> {
  const indexed = await store.countByType();
  for (const type of SEARCH_TYPES) {
    if (indexed[type] !== (await countPublished(strapi, type))) return true;
  }
  return false;
}

async function maintain(strapi: Core.Strapi): Promise<void> {
  const state = stateOf(strapi);
  const created = await state.prepared;
  const context: RebuildContext = { strapi, enqueue: (task) => enqueue(strapi, task), stopping: () => state.stopping };
  const ran = await withRebuildLock(strapi, async () => {
    let progress = parseProgress(await state.store.readMeta(REBUILD_KEY));
    if (progress) {
      strapi.log.info(`[search] Resuming the interrupted rebuild of the index (${state.store.engine}), started ${progress.startedAt}.`);
    } else {
      // Checked after the writes already queued (the demo seed's publications), under the lock.
      let stale = created;
      if (!stale) {
        await enqueue(strapi, async (store) => {
          stale = await isStale(strapi, store);
        });
      }
      if (!stale) return;
      progress = await startRebuild(context, created);
      strapi.log.info(`[search] Index (${state.store.engine}) ${created ? 'created' : 'out of date'}: rebuilding it in the background.`);
    }
    const started = Date.now();
    const done = await continueRebuild(context, progress);
    if (done) strapi.log.info(`[search] Index rebuilt (${state.store.engine}): ${done.removed} entries removed, ${done.indexed} written, in ${Date.now() - started} ms.`);
    else strapi.log.info('[search] Index rebuild paused by the shutdown: the next start goes on from where it stopped.');
  });
  if (!ran) strapi.log.info('[search] Another CMS instance is rebuilding the index: searches use it meanwhile.');
}

/**
 * Creates the index when missing and rebuilds it when stale (see the module
 * comment). Resolves when done; one run at a time per process.
 */
export function ensureSearchIndex(strapi: Core.Strapi): Promise<void> {
  const state = stateOf(strapi);
  if (!state.maintenance) {
    state.maintenance = maintain(strapi).finally(() => {
      state.maintenance = null;
    });
  }
  return state.maintenance;
}

/** `ensureSearchIndex` without waiting for it (bootstrap): a failure is logged, and retried at the next start. */
export function startSearchIndexMaintenance(strapi: Core.Strapi): void {
  ensureSearchIndex(strapi).catch((error: unknown) => {
    strapi.log.error(`[search] Checking or rebuilding the index failed (searches use the index as it is; the next start tries again): ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * Shutdown (the app's `destroy`): a running rebuild stops after its current
 * batch (its progress is kept for the next start), and queued writes finish,
 * before Strapi closes the database.
 */
export async function stopSearchIndexMaintenance(strapi: Core.Strapi): Promise<void> {
  const state = states.get(strapi);
  if (!state) return;
  state.stopping = true;
  await state.maintenance?.catch(() => undefined);
  await state.queue;
}

/** Resolves when the running rebuild and every index write queued so far are done (tests, jobs). */
export async function searchIndexIdle(strapi: Core.Strapi): Promise<void> {
  const state = stateOf(strapi);
  while (state.maintenance) await state.maintenance.catch(() => undefined);
  await state.queue;
}

/** Searches the published content (see search.ts). */
export async function searchContent(strapi: Core.Strapi, request: SearchRequest): Promise<SearchResponse> {
  const state = stateOf(strapi);
  await state.prepared;
  const progress = parseProgress(await state.store.readMeta(REBUILD_KEY));
  return runSearch(state.store, request, { indexing: progress !== null, partial: progress?.fromEmpty === true });
}
