import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, postgresSkipReason, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { startChildStrapi } from './helpers/child-strapi';
import { deleteRedisKeys, redisSkipReason, testRedisUrl, uniqueRedisPrefix } from './helpers/anti-abuse';
import { eventually, startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';
import { afterTicks, redisLeaseHolder } from './helpers/job-ticks';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { WEBHOOK_UID } from '../src/api/partner-webhook/lib';
import { createLocalLeaseLock, type LeaseLock } from '../src/jobs/lease-lock';
import { createRedisLeaseLock } from '../src/jobs/redis-lease-lock';
import { createPostgresLeaseLock, LEASE_TABLE, type RawSql } from '../src/jobs/postgres-lease-lock';
import { runExclusively } from '../src/jobs';

/**
 * Many instances, one job each: the lease locks of every backend (two lock
 * objects on one Redis or one database are two instances), then two real
 * CMS instances sharing PostgreSQL and Redis with their crons on, one
 * in-process (CMS_ROLE=all) and one in its own process (CMS_ROLE=worker):
 * a scheduled publication happens once and its partner webhook is
 * delivered once (the receiver counts the hits).
 */

const skip = postgresSkipReason() ?? (await redisSkipReason());
const ARTICLE = 'api::article.article';
const silent = { warn: () => {}, error: () => {} };

function leaseLockSuite(name: string, make: () => [LeaseLock, LeaseLock]) {
  describe(`the ${name} lease lock`, () => {
    let a: LeaseLock;
    let b: LeaseLock;
    const key = () => `test:${randomBytes(6).toString('hex')}`;

    beforeAll(() => {
      [a, b] = make();
    });

    it('gives a name to one holder at a time, and to the next once released', async () => {
      const job = key();
      const lease = await a.acquire(job, 10_000);
      expect(lease).not.toBeNull();
      expect(await b.acquire(job, 10_000)).toBeNull();
      expect(await a.acquire(job, 10_000)).toBeNull();
      await lease!.release();
      const next = await b.acquire(job, 10_000);
      expect(next).not.toBeNull();
      await next!.release();
    });

    it('frees a name whose holder stopped renewing, and the old holder can neither extend nor free the new lease', async () => {
      const job = key();
      const old = await a.acquire(job, 300);
      await sleep(450);
      const current = await b.acquire(job, 10_000);
      expect(current).not.toBeNull();
      expect(await old!.extend(10_000)).toBe(false);
      await old!.release();
      expect(await a.acquire(job, 10_000)).toBeNull();
      expect(await current!.extend(10_000)).toBe(true);
      await current!.release();
    });

    it('keeps a released name taken for `keepMs` (the same cron tick on another instance)', async () => {
      const job = key();
      const lease = await a.acquire(job, 10_000);
      await lease!.release(500);
      expect(await b.acquire(job, 10_000)).toBeNull();
      await sleep(650);
      expect(await b.acquire(job, 10_000)).not.toBeNull();
    });

    it('runs a job on one of two instances firing the same tick', async () => {
      const job = key();
      let runs = 0;
      const work = async () => {
        runs++;
        await sleep(100);
      };
      const tick = new Date();
      const options = { leaseMs: 10_000, tickGraceMs: 5_000 };
      const outcomes = await Promise.all([
        runExclusively(a, job, tick, work, silent, options),
        runExclusively(b, job, tick, work, silent, options),
      ]);
      // The slower one, a moment later: still the same tick.
      outcomes.push(await runExclusively(b, job, tick, work, silent, options));
      expect(runs).toBe(1);
      expect(outcomes.sort()).toEqual(['busy', 'busy', 'ran']);
    });
  });
}

leaseLockSuite('in-process (SQLite, one instance)', () => {
  const lock = createLocalLeaseLock();
  return [lock, lock];
});

describe('the lock backends not answering', () => {
  it('skips the job rather than running it without the lock', async () => {
    const down = createRedisLeaseLock({ url: 'redis://127.0.0.1:9', keyPrefix: 'nowhere:' });
    const warnings: string[] = [];
    let runs = 0;
    const outcome = await runExclusively(down, 'cron:x', new Date(), async () => { runs++; }, { warn: (m) => warnings.push(m), error: () => {} }, { leaseMs: 1_000, tickGraceMs: 0 });
    await down.close();
    expect(outcome).toBe('unavailable');
    expect(runs).toBe(0);
    expect(warnings.join('\n')).toMatch(/the redis lock cannot be reached .* this run is skipped on this instance/);
  });
});

describe.skipIf(skip)('two CMS instances sharing PostgreSQL and Redis', () => {
  const jobsPrefix = uniqueRedisPrefix('jobs');
  const antiAbusePrefix = uniqueRedisPrefix('jobs-limits');
  const cachePrefix = uniqueRedisPrefix('jobs-cache');
  const hookPath = '/scheduled-partner';
  let database: TestDatabase;
  let a: RunningStrapi;
  let b: { url: string; stop(): Promise<void> };
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    database = await createPostgresDatabase();
    const env = {
      CRON_ENABLED: 'true',
      REDIS_URL: testRedisUrl,
      JOBS_REDIS_PREFIX: jobsPrefix,
      ANTI_ABUSE_REDIS_PREFIX: antiAbusePrefix,
      API_CACHE_REDIS_PREFIX: cachePrefix,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true',
      // Fast ticks (production: every minute and every 10 s), so the test sees several of them.
      PUBLISHING_SCHEDULE_SECONDS: '2',
      PARTNER_WEBHOOKS_RETRY_SECONDS: '1',
    };
    a = await startStrapi(database, env);
    // Same secrets (APP_KEYS… are in process.env now), settings and database; its own process; the worker role.
    b = await startChildStrapi({ ...env, ...database.env, CMS_ROLE: 'worker' });
  });

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await database?.drop();
    await receiver?.close();
    for (const prefix of [jobsPrefix, antiAbusePrefix, cachePrefix]) await deleteRedisKeys(prefix);
  });

  leaseLockSuite('Redis', () => [
    createRedisLeaseLock({ url: testRedisUrl, keyPrefix: jobsPrefix }),
    createRedisLeaseLock({ url: testRedisUrl, keyPrefix: jobsPrefix }),
  ]);

  leaseLockSuite('PostgreSQL', () => [
    createPostgresLeaseLock(a.strapi.db.connection as unknown as RawSql),
    createPostgresLeaseLock(a.strapi.db.connection as unknown as RawSql),
  ]);

  it('keeps the PostgreSQL leases in their own table, timed by the database clock', async () => {
    const rows = await database.query<{ name: string; expires_in_future: boolean }>(`SELECT name, expires_at > now() AS expires_in_future FROM ${LEASE_TABLE}`);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('the worker answers its health checks and nothing else', async () => {
    expect((await fetch(`${b.url}/_health`)).status).toBe(204);
    expect((await fetch(`${b.url}/_health/live`)).status).toBe(200);
    expect(await (await fetch(`${b.url}/_health/ready`)).json()).toMatchObject({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    for (const path of ['/api/articles', '/admin', '/api/testimony-submissions']) {
      const res = await fetch(`${b.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/worker \(CMS_ROLE=worker\).*serves no API/);
    }
    expect((await fetch(`${a.url}/api/articles`)).status).toBe(200);
  });

  it('publishes a scheduled entry once and delivers its webhook once, with both instances\' crons on', async () => {
    await a.strapi.documents(WEBHOOK_UID).create({ data: { name: 'Scheduled partner', url: `${receiver.origin}${hookPath}`, enabled: true } as never });
    const draft = (await a.strapi.documents(ARTICLE).findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' })) as { documentId: string };
    await a.strapi.documents(ARTICLE).update({ documentId: draft.documentId, data: { scheduledPublishAt: new Date().toISOString() } as never });

    // The publishing cron ticks every 2 s here, on both instances.
    const published = async () =>
      Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE document_id = ? AND published_at IS NOT NULL', [draft.documentId]))[0]!.n);
    await eventually(async () => ((await published()) > 0 ? true : undefined), 'the scheduled publication', 15_000);
    await receiver.waitFor(hookPath, 1, 15_000);

    // Past two more ticks of the publishing schedule and of the webhook poller, run by either instance: nothing more.
    const schedule = redisLeaseHolder(testRedisUrl, jobsPrefix, 'runPublishingSchedule');
    const poller = redisLeaseHolder(testRedisUrl, jobsPrefix, 'retryPartnerWebhooks');
    try {
      await Promise.all([afterTicks(schedule, 2, 'the publishing schedule'), afterTicks(poller, 2, 'the webhook poller')]);
    } finally {
      schedule.close();
      poller.close();
    }
    expect(await published()).toBe(1);
    const requests = receiver.on(hookPath);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]!.body.toString('utf8'))).toMatchObject({ type: 'content.published', data: { documentId: draft.documentId } });
    const deliveries = await database.query<{ delivery_status: string; attempts: number }>(
      'SELECT delivery_status, attempts FROM webhook_deliveries WHERE entry_document_id = ?',
      [draft.documentId],
    );
    expect(deliveries).toEqual([{ delivery_status: 'delivered', attempts: 1 }]);
    // The schedule is spent: the next ticks publish nothing again.
    const versions = await database.query<{ scheduled_publish_at: unknown }>('SELECT scheduled_publish_at FROM articles WHERE document_id = ?', [draft.documentId]);
    expect(versions.every((row) => row.scheduled_publish_at === null)).toBe(true);
  }, 60_000);
});
