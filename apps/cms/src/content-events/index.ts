import type { Core } from '@strapi/strapi';
import { toContentChange, type ContentChange, type StrapiEntryEvent, type StrapiEntryEventPayload } from './content-change';

export * from './content-change';

export type ContentChangeListener = (change: ContentChange) => void | Promise<void>;

const EVENTS: readonly StrapiEntryEvent[] = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

const listeners = new WeakMap<Core.Strapi, ContentChangeListener[]>();

/**
 * The one place where "public content changed" is observed. Subscribers
 * (search index, site revalidation, partner webhooks) register here in
 * `bootstrap`; each change reaches every listener, a failing listener is
 * logged and never breaks the editor's action nor the other listeners.
 */
export function onContentChange(strapi: Core.Strapi, listener: ContentChangeListener): void {
  const list = listeners.get(strapi);
  if (list) {
    list.push(listener);
    return;
  }
  listeners.set(strapi, [listener]);
  for (const event of EVENTS) {
    strapi.eventHub.on(event, async (payload: StrapiEntryEventPayload) => {
      const change = toContentChange(event, payload);
      if (change) await dispatch(strapi, change);
    });
  }
}

/** Sends a change to every listener (also used by tests and by jobs that change content outside the document service). */
export async function dispatch(strapi: Core.Strapi, change: ContentChange): Promise<void> {
  const list = listeners.get(strapi) ?? [];
  await Promise.all(
    list.map(async (listener) => {
      try {
        await listener(change);
      } catch (error) {
        strapi.log.error(`[content-events] a listener failed on ${change.action} ${change.uid} ${change.documentId}: ${(error as Error).message}`);
      }
    }),
  );
}
export { changesOfAction, onContentChangeInTransaction, type InTransaction, type TransactionalChangeListener } from './in-transaction';
