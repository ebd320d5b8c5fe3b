import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { eventually, startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';
import { afterTicks, postgresLeaseHolder } from './helpers/job-ticks';
import { expectNothingMoreFor } from './helpers/nothing-more';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { DELIVERY_UID, WEBHOOK_UID } from '../src/api/partner-webhook/lib';

/**
 * The partner webhooks' outbox on PostgreSQL: the delivery rows are written
 * in the transaction of the content change (src/content-events/in-transaction.ts),
 * so a rolled-back change leaves none, and a committed one keeps its row even
 * when the instance dies before sending: simulated by booting with the
 * post-commit send off and no cron (nothing sends), committing, stopping
 * Strapi, and starting it again on the same database with the defaults,
 * where the outbox poller (a cron task) delivers the row.
 */

const skip = postgresSkipReason();
/**
 * Two ticks of the poller run within 2 s; once in CI (two suites at a time)
 * none ran for 20 s, as if a tick held its lease until the lease's 60 s ran
 * out: wait past that, so that such a pause shows as a slow test, not a
 * failure, while a second delivery still fails it.
 */
const POLLER_WAIT_MS = 75_000;
const ARTICLE = 'api::article.article';

interface DeliveryRowInDb {
  delivery_status: string;
  attempts: number;
  entry_document_id: string;
}

describe.skipIf(skip)('the partner webhooks outbox (PostgreSQL)', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;
  let receiver: WebhookReceiver;
  let articleId: string;
  const hookPath = '/outbox-partner';

  const rowsOf = (documentId: string) =>
    database.query<DeliveryRowInDb>('SELECT delivery_status, attempts, entry_document_id FROM webhook_deliveries WHERE entry_document_id = ?', [documentId]);
  const poller = () => postgresLeaseHolder(database, 'retryPartnerWebhooks');
  const publishedVersions = async (documentId: string) =>
    (await database.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE document_id = ? AND published_at IS NOT NULL', [documentId]))[0]!.n;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    database = await createPostgresDatabase();
    // «The instance dies right after the commit»: nothing sends (no post-commit attempt, no poller).
    cms = await startStrapi(database, { CRON_ENABLED: 'false', PARTNER_WEBHOOKS_IMMEDIATE_SEND: 'false', PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true' });
    await cms.strapi.documents(WEBHOOK_UID).create({ data: { name: 'Outbox partner', url: `${receiver.origin}${hookPath}`, enabled: true } as never });
    const draft = (await cms.strapi.documents(ARTICLE).findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' })) as { documentId: string };
    articleId = draft.documentId;
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
    await receiver?.close();
    for (const name of ['PARTNER_WEBHOOKS_IMMEDIATE_SEND', 'PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS', 'CRON_ENABLED']) Reflect.deleteProperty(process.env, name);
  });

  it('writes no delivery row for a change whose transaction rolls back', async () => {
    const failure = cms.strapi.db.transaction(async () => {
      await cms.strapi.documents(ARTICLE).publish({ documentId: articleId });
      // The rows exist inside the transaction…
      expect(await cms.strapi.db.query(DELIVERY_UID).count({ where: { entryDocumentId: articleId } })).toBe(1);
      throw new Error('something after the publish failed');
    });
    await expect(failure).rejects.toThrow('something after the publish failed');
    // …and are gone with it, like the publication.
    expect(await rowsOf(articleId)).toEqual([]);
    expect(await publishedVersions(articleId)).toBe('0');
    await expectNothingMoreFor(300, () => receiver.on(hookPath).length, 0, 'deliveries of a rolled-back change');
  });

  it('writes the row in the same transaction as the change: invisible to other connections until the commit', async () => {
    let seenOutside: DeliveryRowInDb[] | undefined;
    await cms.strapi.db.transaction(async () => {
      await cms.strapi.documents(ARTICLE).publish({ documentId: articleId });
      expect(await cms.strapi.db.query(DELIVERY_UID).count({ where: { entryDocumentId: articleId } })).toBe(1);
      // database.query opens a connection of its own: the publication and its row are not committed yet.
      seenOutside = await rowsOf(articleId);
    });
    expect(seenOutside).toEqual([]);
    expect(await publishedVersions(articleId)).toBe('1');
    expect(await rowsOf(articleId)).toEqual([{ delivery_status: 'pending', attempts: 0, entry_document_id: articleId }]);
  });

  it('delivers a committed row that was never sent once Strapi starts again on the same database', async () => {
    // Committed above, and nothing sent it.
    await expectNothingMoreFor(500, () => receiver.on(hookPath).length, 0, 'deliveries while nothing may send');
    await cms.stop();

    // The poller (config/cron-tasks.ts; every 10 s in production) every second here.
    cms = await startStrapi(database, { CRON_ENABLED: 'true', PARTNER_WEBHOOKS_RETRY_SECONDS: '1', PARTNER_WEBHOOKS_IMMEDIATE_SEND: 'true', PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true', SEED_DEMO_CONTENT: 'false' });
    const [request] = await receiver.waitFor(hookPath, 1, 10_000);
    expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({ type: 'content.published', data: { documentId: articleId } });
    const [row] = await eventually(async () => {
      const rows = await rowsOf(articleId);
      return rows[0]?.delivery_status === 'delivered' ? rows : undefined;
    }, 'the delivery marked delivered');
    expect(row).toEqual({ delivery_status: 'delivered', attempts: 1, entry_document_id: articleId });
    // Once: the next poller runs find nothing to send.
    await afterTicks(poller(), 2, 'the webhook poller', POLLER_WAIT_MS);
    expect(receiver.on(hookPath)).toHaveLength(1);
  }, 150_000);

  it('sends right after the commit when the post-commit send is on, once', async () => {
    await cms.strapi.documents(ARTICLE).unpublish({ documentId: articleId });
    const requests = await receiver.waitFor(hookPath, 2, 5_000);
    expect(JSON.parse(requests[1]!.body.toString('utf8'))).toMatchObject({ type: 'content.unpublished', data: { documentId: articleId } });
    const rows = await eventually(async () => {
      const all = await rowsOf(articleId);
      return all.every((row) => row.delivery_status === 'delivered') ? all : undefined;
    }, 'both deliveries delivered');
    expect(rows).toHaveLength(2);
    // Nor does the poller send them again.
    await afterTicks(poller(), 2, 'the webhook poller', POLLER_WAIT_MS);
    expect(receiver.on(hookPath)).toHaveLength(2);
  }, 150_000);
});
