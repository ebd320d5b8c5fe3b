import { request } from 'node:http';
import { IDEMPOTENCY_KEY_HEADER } from '@chiudete/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, gradientPng } from '../e2e/admin.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../apps/cms/tests/helpers/webhook-receiver.ts';
import { afterTicks, redisLeaseHolder } from '../apps/cms/tests/helpers/job-ticks.ts';
import { redisUrl, startCluster, type Cluster } from './cluster.ts';
import { postgresReachable } from './database.ts';
import { nginxSkipReason } from './nginx.ts';
import { pool, prepareSubmissions, sendWithRetries, type SendOutcome } from './submissions.ts';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const WEBHOOKS = '/content-manager/collection-types/api::partner-webhook.partner-webhook';
/** The shared anonymous read limit under test (per client IP, per minute). */
const READ_LIMIT = 20;
const FLOOD = Number(process.env.SCALE_FLOOD_SUBMISSIONS ?? 500);

const skipReason = nginxSkipReason() ?? (await postgresReachable() ? undefined : 'No PostgreSQL at TEST_POSTGRES_URL');
if (skipReason) {
  if (process.env.REQUIRE_SCALE === '1') throw new Error(`REQUIRE_SCALE=1 but ${skipReason}`);
  const banner = `${skipReason}: SKIPPING the scale test (two CMS and two sites behind nginx).`;
  console.warn(`\n${'!'.repeat(banner.length)}\n${banner}\n${'!'.repeat(banner.length)}\n`);
}

/** A GET from another loopback address than the rest of the test, so its read allowance is its own. */
function getFrom(localAddress: string, url: string): Promise<{ status: number; remaining: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, remaining: res.headers['ratelimit-remaining'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

const figures: Record<string, number | string> = {};

describe.skipIf(Boolean(skipReason))('two CMS and two site instances behind nginx', () => {
  let cluster: Cluster;
  let jwt: string;
  let receiver: WebhookReceiver;
  const stamp = Date.now().toString(36);

  /** An admin API call on CMS instance `index`, as the Content Manager makes it. */
  const admin = async <T>(index: number, path: string, method = 'GET', body?: unknown): Promise<T> => {
    const res = await fetch(`${cluster.cms[index]!.url}${path}`, {
      method,
      headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`[${method}] "${path}" on CMS ${index}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  const page = async (siteUrl: string, path: string) => {
    const res = await fetch(`${siteUrl}${path}`, { headers: { accept: 'text/html' } });
    return { status: res.status, cache: res.headers.get('x-cache'), html: await res.text() };
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    cluster = await startCluster({
      cmsEnv: {
        RATE_LIMIT_READS_ANONYMOUS: String(READ_LIMIT),
        RATE_LIMIT_READS_WINDOW_SECONDS: '60',
        // The flood comes from one address: only the idempotency and the proof of work are under test.
        RATE_LIMIT_SUBMISSIONS_PER_IP: '0',
        RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
        RATE_LIMIT_CHALLENGES_PER_IP: '0',
        ALTCHA_MAX_NUMBER: '5000',
        FORM_MIN_FILL_SECONDS: '1',
      },
    });
    jwt = await adminLogin(cluster.cms[0]!.url);
  });

  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
    console.log(`[scale] figures: ${JSON.stringify(figures)}`);
  });

  it('counts one read limit for both CMS instances (Redis)', async () => {
    const results: Array<{ status: number; remaining: string | undefined }> = [];
    for (let i = 0; i < READ_LIMIT; i++) {
      results.push(await getFrom('127.0.0.2', `${cluster.cms[i % 2]!.url}/api/articles?pagination[pageSize]=1`));
    }
    expect(results.map((r) => r.status)).toEqual(Array(READ_LIMIT).fill(200));
    // Both instances count down one allowance.
    expect(results.map((r) => Number(r.remaining))).toEqual(Array.from({ length: READ_LIMIT }, (_, i) => READ_LIMIT - 1 - i));
    expect((await getFrom('127.0.0.2', `${cluster.cms[0]!.url}/api/articles`)).status).toBe(429);
    expect((await getFrom('127.0.0.2', `${cluster.cms[1]!.url}/api/articles`)).status).toBe(429);
    // Another reader is not affected.
    expect((await getFrom('127.0.0.3', `${cluster.cms[1]!.url}/api/articles`)).status).toBe(200);
  });

  it('purges both site instances\' caches with one publish', async () => {
    const articles = await admin<{ results: Array<{ documentId: string; title: string; slug: string; status: string }> }>(
      0, `${ARTICLES}?page=1&pageSize=50&sort=title:ASC`);
    const article = articles.results.find((a) => a.status === 'published')!;
    expect(article, 'a published demo article').toBeDefined();
    const path = `/articoli/${article.slug}`;
    for (const site of cluster.web) {
      await page(site.url, path);
    }
    for (const site of cluster.web) {
      const warm = await page(site.url, path);
      expect(warm.cache, `${site.url}${path}`).toBe('HIT');
      expect(warm.html).toContain(article.title);
    }
    const title = `${article.title} (corretto ${stamp})`;
    // Saved and published through the OTHER CMS instance.
    await admin(1, `${ARTICLES}/${article.documentId}`, 'PUT', { title });
    await admin(1, `${ARTICLES}/${article.documentId}/actions/publish`, 'POST', {});
    const published = performance.now();
    for (const [index, site] of cluster.web.entries()) {
      for (;;) {
        const current = await page(site.url, path);
        if (current.html.includes(title)) break;
        if (performance.now() - published > 10_000) throw new Error(`site ${index} still shows the old title after 10 s (X-Cache ${current.cache})`);
        await new Promise((r) => setTimeout(r, 50));
      }
      figures[`publishVisibleOnSite${index}Ms`] = Math.round(performance.now() - published);
    }
  });

  it('serves an upload made through one CMS instance through the other, and through both sites', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(gradientPng(800, 500))], { type: 'image/png' }), `scala-${stamp}.png`);
    form.append('fileInfo', JSON.stringify({ name: `scala-${stamp}.png`, alternativeText: 'Una sfumatura caricata su una sola istanza' }));
    const res = await fetch(`${cluster.cms[0]!.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${jwt}` }, body: form });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    const [uploaded] = JSON.parse(text) as Array<{ id: number; url: string; hash: string; ext: string }>;
    const key = `${uploaded!.hash}${uploaded!.ext}`;
    // The other instance knows the file and points to the same object.
    const seen = await admin<{ url: string }>(1, `/upload/files/${uploaded!.id}`);
    expect(seen.url).toBe(uploaded!.url);
    const original = await fetch(seen.url);
    expect(original.status).toBe(200);
    // The bytes of the object in the bucket (Strapi may have optimised the original), a PNG.
    const served = Buffer.from(await original.arrayBuffer());
    expect(served.equals((await cluster.s3.read(key))!)).toBe(true);
    expect(served.subarray(1, 4).toString()).toBe('PNG');
    // Each site resizes it, whichever instance is asked.
    for (const site of [...cluster.web, { url: cluster.url }]) {
      const image = await fetch(`${site.url}/_ipx/f_webp&q_75&w_320/s3/${key}`);
      expect(image.status, `${site.url}`).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/webp');
    }
    // Deleted through the second instance: gone from the bucket.
    await admin(1, `/upload/files/${uploaded!.id}`, 'DELETE');
    expect(await cluster.s3.keys()).not.toContain(key);
  });

  it('publishes a scheduled article once, and delivers its webhook once', async () => {
    await admin(0, WEBHOOKS, 'POST', { name: `Partner ${stamp}`, url: `${receiver.origin}/hook/${stamp}` });
    const slug = `programmato-${stamp}`;
    const draft = await admin<{ data: { documentId: string } }>(1, ARTICLES, 'POST', {
      title: `Articolo programmato ${stamp}`,
      slug,
      excerpt: 'Un articolo programmato: una sola istanza lo pubblica.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Pubblicato all\'ora stabilita.' }] }],
      publicationDate: new Date().toISOString().slice(0, 10),
      scheduledPublishAt: new Date(Date.now() + 2_000).toISOString(),
    });
    const { documentId } = draft.data;
    const publishedEvents = () => receiver.on(`/hook/${stamp}`)
      .map((r) => JSON.parse(r.body.toString()) as { type: string; data: { documentId: string } })
      .filter((e) => e.type === 'content.published' && e.data.documentId === documentId);
    // The schedule runs every 2 s here (cluster.ts); the delivery goes out at once.
    const began = performance.now();
    while (publishedEvents().length === 0) {
      if (performance.now() - began > 30_000) throw new Error('the scheduled article was not published within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    figures.scheduledPublishAfterMs = Math.round(performance.now() - began);
    // Two more ticks of the schedule and of the webhook poller pass, on either instance: nothing more.
    const schedule = redisLeaseHolder(redisUrl, cluster.jobsRedisPrefix, 'runPublishingSchedule');
    const poller = redisLeaseHolder(redisUrl, cluster.jobsRedisPrefix, 'retryPartnerWebhooks');
    try {
      await Promise.all([afterTicks(schedule, 2, 'the publishing schedule'), afterTicks(poller, 2, 'the webhook poller')]);
    } finally {
      schedule.close();
      poller.close();
    }
    expect(publishedEvents()).toHaveLength(1);
    const rows = await cluster.database.query<{ count: string }>(
      'SELECT count(*) FROM articles WHERE document_id = $1 AND published_at IS NOT NULL', [documentId]);
    expect(Number(rows[0]!.count)).toBe(1);
    expect((await page(cluster.url, `/articoli/${slug}`)).status).toBe(200);
  }, 120_000);

  it(`loses no submission of ${FLOOD} while one CMS instance is killed and restarted, and never duplicates one`, async () => {
    const marker = `Flusso ${stamp}`;
    const submissions = await prepareSubmissions(cluster.url, marker, FLOOD);
    const endpoint = `${cluster.url}/api/testimony-submissions`;
    let answered = 0;
    let restartMs = 0;
    let killing: Promise<void> | undefined;
    const outcomes = await pool(submissions, 16, async (submission) => {
      const outcome = await sendWithRetries(endpoint, IDEMPOTENCY_KEY_HEADER, submission);
      answered++;
      if (answered === Math.floor(FLOOD / 3) && !killing) {
        killing = (async () => {
          await cluster.killCms(1);
          restartMs = await cluster.restartCms(1);
        })();
      }
      return outcome;
    });
    await killing;
    figures.restartMs = restartMs;
    const accepted = outcomes.filter((o) => o.status === 202);
    figures.floodSent = FLOOD;
    figures.flood202 = accepted.length;
    figures.floodRetried = outcomes.filter((o) => o.attempts > 1).length;
    figures.floodStatuses = JSON.stringify(countBy(outcomes.map((o) => o.status)));
    figures.floodRefusals = JSON.stringify([...new Set(outcomes.flatMap((o) => (o.message ? [o.message] : [])))]);

    const rows = async () => cluster.database.query<{ title: string; count: string }>(
      'SELECT title, count(*) AS count FROM testimony_submissions WHERE title LIKE $1 GROUP BY title', [`${marker} %`]);
    const found = new Map((await rows()).map((r) => [r.title, Number(r.count)]));
    const titleOf = new Map(submissions.map((s) => [s.key, s.title]));
    const missing = accepted.filter((o) => !found.has(titleOf.get(o.key)!));
    const duplicated = [...found.values()].filter((count) => count > 1);
    figures.floodRowsFound = found.size;
    figures.floodMissing = missing.length;
    figures.floodDuplicates = duplicated.length;
    expect(missing).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(accepted.length).toBe(FLOOD);

    // Every form sent again with its key (a reader's retry after a timeout): the same answer, no second row.
    const again: SendOutcome[] = await pool(submissions, 16, (s) => sendWithRetries(endpoint, IDEMPOTENCY_KEY_HEADER, s));
    expect(countBy(again.map((o) => o.status))).toEqual({ 202: FLOOD });
    const after = await rows();
    expect(after).toHaveLength(FLOOD);
    expect(after.every((r) => Number(r.count) === 1)).toBe(true);
  }, 300_000);
});

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
