import { SEARCH_TYPES, type SearchType } from '@chiudete/types';
import type { Core } from '@strapi/strapi';
import { SEARCH_SOURCES, loadPublishedAfter } from './documents';
import { sqlOf } from './sql';
import type { SearchStore } from './store';

/**
 * A rebuild of the index that never blocks and never empties it: two passes
 * in small batches, the event loop given back between batches.
 * 1. purge: entries whose document is no longer published are removed;
 * 2. refresh: every published entry is written again (inserted or replaced).
 * Each batch is one queued index write (index.ts), reading and writing
 * together, so that a publication or an unpublication of the same entry is
 * applied before or after it, never lost. Searches go on meanwhile, on the
 * index as it is (`meta.indexing` says so). After an upgrade that changed the
 * index's layout, the tables start empty (`fromEmpty`): the index is partial
 * until the refresh ends, and no typo is corrected against its partial
 * vocabulary meanwhile.
 *
 * Resumable: the progress (pass, type, last id) is stored in the index's own
 * `search_meta`, in the transaction of each batch; a process that stops
 * midway leaves it there, and the next one to check the index goes on from
 * it. Idempotent: a batch done twice writes the same entries again.
 */

export const REBUILD_KEY = 'rebuild';

/** Entries per batch: small enough that a batch holds SQLite's one connection for a few tens of milliseconds. */
export const REBUILD_BATCH = 50;

export interface RebuildProgress {
  startedAt: string;
  /** The tables were (re)created empty: the index is partial until the refresh ends. */
  fromEmpty: boolean;
  pass: 'purge' | 'refresh';
  /** Index into SEARCH_TYPES of the type being processed. */
  typeIndex: number;
  /** Last id processed in this pass and type (index entry id in the purge, published row id in the refresh). */
  afterId: number;
  removed: number;
  indexed: number;
}

export const newProgress = (fromEmpty: boolean): RebuildProgress =>
  ({ startedAt: new Date().toISOString(), fromEmpty, pass: fromEmpty ? 'refresh' : 'purge', typeIndex: 0, afterId: 0, removed: 0, indexed: 0 });

/** The stored progress, or null when no rebuild is under way (an unreadable record restarts from the beginning). */
export function parseProgress(value: string | null): RebuildProgress | null {
  if (!value) return null;
  const fallback = newProgress(false);
  try {
    const parsed = JSON.parse(value) as Partial<RebuildProgress>;
    return {
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : fallback.startedAt,
      fromEmpty: parsed.fromEmpty === true,
      pass: parsed.pass === 'refresh' ? 'refresh' : 'purge',
      typeIndex: Number.isInteger(parsed.typeIndex) ? parsed.typeIndex! : 0,
      afterId: Number.isInteger(parsed.afterId) ? parsed.afterId! : 0,
      removed: Number(parsed.removed ?? 0),
      indexed: Number(parsed.indexed ?? 0),
    };
  } catch {
    return fallback;
  }
}

export interface RebuildContext {
  strapi: Core.Strapi;
  /** Runs an index write after the previous ones (index.ts). */
  enqueue(task: (store: SearchStore) => Promise<void>): Promise<void>;
  /** True once the process is shutting down: the rebuild stops after its current batch, its progress kept. */
  stopping(): boolean;
}

/**
 * Pause between batches: none by default (the event loop is given back, which
 * is enough to keep requests flowing); `SEARCH_REBUILD_PAUSE_MS` slows a
 * rebuild down on a busy server (and lets tests watch one under way).
 */
export function rebuildPauseMs(): number {
  const value = Number(process.env.SEARCH_REBUILD_PAUSE_MS ?? 0);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 60_000) : 0;
}

const pause = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** Which of these documents have a published version. */
async function publishedAmong(strapi: Core.Strapi, type: SearchType, documentIds: readonly string[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await strapi.db.query(SEARCH_SOURCES[type].uid).findMany({
    select: ['documentId'],
    where: { documentId: { $in: [...documentIds] }, publishedAt: { $notNull: true } },
  }) as Array<{ documentId: string }>;
  return new Set(rows.map((row) => row.documentId));
}

/** One batch of the current pass and type: its writes and the next progress, in one transaction. */
async function step(strapi: Core.Strapi, store: SearchStore, current: RebuildProgress): Promise<RebuildProgress> {
  const type: SearchType = SEARCH_TYPES[current.typeIndex]!;
  const nextType = (progress: RebuildProgress): RebuildProgress =>
    (progress.typeIndex + 1 < SEARCH_TYPES.length
      ? { ...progress, typeIndex: progress.typeIndex + 1, afterId: 0 }
      : { ...progress, pass: 'refresh', typeIndex: progress.pass === 'purge' ? 0 : SEARCH_TYPES.length, afterId: 0 });

  if (current.pass === 'purge') {
    const keys = await store.listIndexed(type, current.afterId, REBUILD_BATCH);
    const published = await publishedAmong(strapi, type, keys.map((key) => key.documentId));
    const gone = keys.filter((key) => !published.has(key.documentId)).map((key) => key.documentId);
    const removed = current.removed + gone.length;
    const next = keys.length < REBUILD_BATCH ? nextType({ ...current, removed }) : { ...current, afterId: keys[keys.length - 1]!.id, removed };
    await sqlOf(strapi).transaction(async (trx) => {
      await store.removeMany(type, gone, trx);
      await store.writeMeta(REBUILD_KEY, JSON.stringify(next), trx);
    });
    return next;
  }

  const batch = await loadPublishedAfter(strapi, type, current.afterId, REBUILD_BATCH);
  const indexed = current.indexed + batch.documents.length;
  const next = batch.done || batch.lastId === null ? nextType({ ...current, indexed }) : { ...current, afterId: batch.lastId, indexed };
  await sqlOf(strapi).transaction(async (trx) => {
    await store.upsertMany(batch.documents, trx);
    await store.writeMeta(REBUILD_KEY, JSON.stringify(next), trx);
  });
  return next;
}

/** Records the start of a rebuild (see `newProgress`). */
export async function startRebuild({ enqueue }: RebuildContext, fromEmpty: boolean): Promise<RebuildProgress> {
  const progress = newProgress(fromEmpty);
  await enqueue((store) => store.writeMeta(REBUILD_KEY, JSON.stringify(progress)));
  return progress;
}

/**
 * Runs the rebuild from `progress` on, batch after batch, then clears the
 * progress record; returns null when stopped before the end (shutdown).
 */
export async function continueRebuild({ strapi, enqueue, stopping }: RebuildContext, progress: RebuildProgress): Promise<RebuildProgress | null> {
  let current = { ...progress };
  const ms = rebuildPauseMs();
  while (current.typeIndex < SEARCH_TYPES.length) {
    if (stopping()) return null;
    await enqueue(async (store) => {
      current = await step(strapi, store, current);
    });
    await pause(ms);
  }
  await enqueue((store) => store.writeMeta(REBUILD_KEY, null));
  return current;
}
