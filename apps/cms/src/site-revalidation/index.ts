import type { Core } from '@strapi/strapi';
import { onContentChange, type ContentChange } from '../content-events';
import { readSiteRevalidationConfig, type SiteRevalidationConfig } from './config';
import { toRevalidationRequest } from './payload';
import { sendRevalidation, type SendResult } from './send';
import { SnapshotStore, describePublished, snapshotBeforeChanges } from './snapshot';

export { readSiteRevalidationConfig } from './config';
export type { RevalidationRequest, RelatedSlugs } from './payload';

/** How long after the server starts listening changes begin to be sent. */
const ARMING_DELAY_MS = 1_000;

export interface SiteRevalidation {
  config: SiteRevalidationConfig;
  /** Resolves when every request started so far has been sent or given up (tests, shutdown). */
  settled(): Promise<void>;
}

/**
 * Publishing in seconds: after every change to public content (publish,
 * re-publish, unpublish, delete; any write of types without draft & publish)
 * the CMS tells the site which entry changed, and the site purges exactly the
 * pages that show it. The request runs in the background: the editor's
 * action never waits for the site, nor fails because of it.
 *
 * Off (returns null) without REVALIDATE_SECRET: the site then refreshes its
 * pages at its cache TTL.
 *
 * Not an outbox, unlike the partner webhooks (src/api/partner-webhook), by
 * choice: a purge lost to a crash between the commit and this request is
 * bounded (the site's pages expire after NUXT_PAGE_CACHE_TTL_SECONDS, 10
 * minutes by default, and nothing else depends on the request), while a lost
 * webhook would never reach the partner. A queue here would need a second
 * delivery table and poller for a signal that heals itself; the request is
 * retried on failure (send.ts) and logged when it is given up.
 */
export function registerSiteRevalidation(strapi: Core.Strapi, env: Record<string, string | undefined> = process.env): SiteRevalidation | null {
  const config = readSiteRevalidationConfig(env);
  if (!config) {
    strapi.log.info('[site-revalidation] REVALIDATE_SECRET is not set: the site is not told of content changes (its pages refresh at their cache TTL).');
    return null;
  }
  const snapshots = new SnapshotStore();
  snapshotBeforeChanges(strapi, snapshots);

  // Changes made while the CMS boots (the demo content seeded into an empty
  // database) reach the listeners after the bootstrap, asynchronously: they are
  // not news for the site, so sending starts a moment after the server listens.
  let armed = false;
  const arm = () => setTimeout(() => { armed = true; }, ARMING_DELAY_MS).unref();
  if (strapi.server.httpServer.listening) arm();
  else strapi.server.httpServer.once('listening', arm);

  const pending = new Set<Promise<SendResult>>();
  const revalidate = async (change: ContentChange): Promise<SendResult> => {
    const before = snapshots.take(change.uid, change.documentId);
    const after = change.action === 'published' ? await describePublished(strapi, change.uid, change.documentId) : null;
    return sendRevalidation(config, toRevalidationRequest(change, before, after), strapi.log);
  };

  onContentChange(strapi, (change) => {
    if (!armed) {
      snapshots.take(change.uid, change.documentId);
      return;
    }
    const task = revalidate(change).catch((error: unknown): SendResult => {
      strapi.log.error(`[site-revalidation] ${change.action} ${change.uid} ${change.documentId}: ${(error as Error).message}`);
      return { ok: false, attempts: 0, status: 0 };
    });
    pending.add(task);
    void task.finally(() => pending.delete(task));
  });

  strapi.log.info(`[site-revalidation] content changes are sent to ${config.url}`);
  return {
    config,
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}
