import { SEARCH_TYPES, type SearchType } from '@chiudete/types';
import type { Core } from '@strapi/strapi';
import { loadPublishedAfter } from './documents';
import { sqlOf } from './sql';
import type { SearchStore } from './store';

/**
 * A rebuild of the index that never blocks: the index is emptied, then
 * refilled with every published entry in small batches, each batch one
 * queued index write (read and write together, so that a publication or an
 * unpublication of the same entry is applied before or after it, never
 * lost), and the event loop is given back between batches. Searches go on
 * meanwhile, on what is indexed so far (`meta.indexing` says so, and no
 * typo is corrected against a partial vocabulary).
 *
 * Resumable: the progress (type and last row id) is stored in the index's
 * own `search_meta`, in the transaction of each batch; a process that stops
 * midway leaves it there, and the next one to check the index goes on from
 * it. Idempotent: a batch done twice writes the same entries again.
 */

export const REBUILD_KEY = 'rebuild';

/** Entries per batch: small enough that a batch holds SQLite's one connection for a few tens of milliseconds. */
export const REBUILD_BATCH = 100;

export interface RebuildProgress {
  startedAt: string;
  /** Index into SEARCH_TYPES of the type being indexed. */
  typeIndex: number;
  /** Row id of the last entry of that type indexed. */
  afterId: number;
  indexed: number;
}

export function parseProgress(value: string | null): RebuildProgress | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<RebuildProgress>;
    if (typeof parsed.startedAt === 'string' && Number.isInteger(parsed.typeIndex) && Number.isInteger(parsed.afterId)) {
      return { startedAt: parsed.startedAt, typeIndex: parsed.typeIndex!, afterId: parsed.afterId!, indexed: Number(parsed.indexed ?? 0) };
    }
  } catch {
    // An unreadable progress record: start again.
  }
  return { startedAt: new Date().toISOString(), typeIndex: 0, afterId: 0, indexed: 0 };
}

export interface RebuildContext {
  strapi: Core.Strapi;
  store: SearchStore;
  /** Runs an index write after the previous ones (index.ts). */
  enqueue(task: (store: SearchStore) => Promise<void>): Promise<void>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Empties the index and records a fresh progress, in one transaction. */
export async function startRebuild({ strapi, enqueue }: RebuildContext): Promise<RebuildProgress> {
  const progress: RebuildProgress = { startedAt: new Date().toISOString(), typeIndex: 0, afterId: 0, indexed: 0 };
  await enqueue((store) => sqlOf(strapi).transaction(async (trx) => {
    await store.clear(trx);
    await store.writeMeta(REBUILD_KEY, JSON.stringify(progress), trx);
  }));
  return progress;
}

/** Refills the index from `progress` on, batch after batch, then clears the progress record. */
export async function continueRebuild({ strapi, enqueue }: RebuildContext, progress: RebuildProgress): Promise<RebuildProgress> {
  let current = { ...progress };
  while (current.typeIndex < SEARCH_TYPES.length) {
    const type: SearchType = SEARCH_TYPES[current.typeIndex]!;
    await enqueue(async (store) => {
      const batch = await loadPublishedAfter(strapi, type, current.afterId, REBUILD_BATCH);
      const indexed = current.indexed + batch.documents.length;
      const next: RebuildProgress = batch.done || batch.lastId === null
        ? { ...current, typeIndex: current.typeIndex + 1, afterId: 0, indexed }
        : { ...current, afterId: batch.lastId, indexed };
      await sqlOf(strapi).transaction(async (trx) => {
        await store.upsertMany(batch.documents, trx);
        await store.writeMeta(REBUILD_KEY, JSON.stringify(next), trx);
      });
      current = next;
    });
    await yieldToEventLoop();
  }
  await enqueue((store) => store.writeMeta(REBUILD_KEY, null));
  return current;
}
