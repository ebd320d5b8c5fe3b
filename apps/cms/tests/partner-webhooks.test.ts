import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  WEBHOOK_HEADERS,
  type WebhookSignatureError,
  assertWebhookSignature,
  parseWebhookEvent,
  verifyWebhookSignature,
  type WebhookEvent,
  type ContentWebhookEvent,
} from '@chiudete/types/webhooks';
import path from 'node:path';
import { sitePath } from '@chiudete/types';
import { codeBlocks } from './helpers/doc-blocks';
import { appDir, startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken, eventually, startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './helpers/webhook-receiver';
import { TEST_ADMIN } from './helpers/admin';
import { ADMIN_ROLES } from '../src/bootstrap/admin-roles';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { restrictDefaultRoles } from '../src/bootstrap/default-roles';
import { DELIVERY_UID, WEBHOOK_UID, partnerWebhooks, type DeliveryRow, type WebhookRow } from '../src/api/partner-webhook/lib';

/**
 * Signed partner webhooks end to end: a real Strapi on SQLite, webhooks
 * registered by the Super Admin through the Content Manager's HTTP API, real
 * publishes and unpublishes, and a real local HTTP receiver that checks the
 * signatures with the client package's helper. Retries are driven by calling
 * the cron task's function with a later `now` (the cron itself is off).
 */

const SITE_URL = 'https://chiudeteicallcenter.example';
const PUBLIC_URL = 'https://cms.chiudeteicallcenter.example';
const ARTICLE = 'api::article.article';
const TESTIMONY = 'api::testimony.testimony';
const CM = '/content-manager/collection-types';

describe('partner webhooks', () => {
  let cms: TestStrapi;
  let receiver: WebhookReceiver;
  let adminToken: string;
  let articleId: string;
  let articleSlug: string;
  let hookCount = 0;

  const admin = (path: string, method = 'GET', body?: unknown, token = adminToken) =>
    fetch(`${cms.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const login = async (email: string, password: string): Promise<string> => {
    const res = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(res.status, `login of ${email}`).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  /** Registers a webhook as the Super Admin does, in the Content Manager; returns it with its secret. */
  const registerWebhook = async (data: Record<string, unknown> = {}): Promise<WebhookRow & { path: string }> => {
    const path = `/hook/${++hookCount}`;
    const res = await admin(`${CM}/${WEBHOOK_UID}`, 'POST', { name: `Partner ${hookCount}`, url: `${receiver.origin}${path}`, ...data });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    return { ...(JSON.parse(text) as { data: WebhookRow }).data, path };
  };

  const deliveriesOf = async (webhook: { id: number }): Promise<DeliveryRow[]> =>
    (await cms.strapi.db.query(DELIVERY_UID).findMany({ where: { webhook: { id: webhook.id } }, orderBy: { id: 'asc' } })) as DeliveryRow[];

  /** Waits until a delivery of the webhook has left `pending` after its first attempt (or reached the given state). */
  const settledDelivery = (webhook: { id: number }, index = 0, check: (row: DeliveryRow) => boolean = (row) => row.attempts > 0) =>
    eventually(async () => {
      const row = (await deliveriesOf(webhook))[index];
      return row && check(row) && row.leaseToken === null ? row : undefined;
    }, `delivery ${index} of webhook ${webhook.id}`);

  const publishArticle = () => cms.strapi.documents(ARTICLE).publish({ documentId: articleId });
  const unpublishArticle = () => cms.strapi.documents(ARTICLE).unpublish({ documentId: articleId });
  const service = () => partnerWebhooks(cms.strapi);
  const later = (row: DeliveryRow, extraMs = 1000) => new Date(new Date(row.nextAttemptAt!).getTime() + extraMs);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // The receiver is a local http:// server: allowed explicitly (the default refuses local URLs).
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', SITE_URL, PUBLIC_URL, PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true' });
    adminToken = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    const draft = (await cms.strapi.documents(ARTICLE).findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' })) as { documentId: string; slug: string };
    articleId = draft.documentId;
    articleSlug = draft.slug;
  });

  afterAll(async () => {
    if (cms) await service().idle();
    await cms?.stop();
    await receiver?.close();
  });

  beforeEach(async () => {
    // Each test listens with its own webhooks only.
    await service().idle();
    await cms.strapi.db.query(WEBHOOK_UID).updateMany({ where: {}, data: { enabled: false } });
    await cms.strapi.db.query(DELIVERY_UID).updateMany({ where: { deliveryStatus: 'pending' }, data: { deliveryStatus: 'failed', nextAttemptAt: null } });
  });

  describe('registration (admins only)', () => {
    it('generates the secret, fills in the lists, and shows them to the Super Admin', async () => {
      const webhook = await registerWebhook();
      expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(webhook.events).toEqual(['content.published', 'content.unpublished']);
      expect(webhook.contentTypes).toEqual(['article', 'testimony', 'answer', 'video', 'book-release', 'author', 'category', 'global']);
      expect(webhook.enabled).toBe(true);

      // Emptying the field and saving gives a new one (rotation).
      const { path: _path, ...fields } = webhook;
      const res = await admin(`${CM}/${WEBHOOK_UID}/${webhook.documentId}`, 'PUT', { ...fields, secret: '' });
      const updated = ((await res.json()) as { data: WebhookRow }).data;
      expect(updated.secret).toMatch(/^whsec_/);
      expect(updated.secret).not.toBe(webhook.secret);
    });

    it('refuses a wrong URL, unknown events or types and a short secret, in Italian', async () => {
      const refused = async (data: Record<string, unknown>, message: RegExp) => {
        const res = await admin(`${CM}/${WEBHOOK_UID}`, 'POST', { name: 'Sbagliato', url: `${receiver.origin}/hook/x`, ...data });
        const body = (await res.json()) as { error: { message: string } };
        expect(res.status, body.error.message).toBe(400);
        expect(body.error.message).toMatch(message);
      };
      await refused({ url: 'ftp://partner.example.org/hook' }, /https:\/\//);
      await refused({ url: 'non è un indirizzo' }, /non è un indirizzo web/);
      await refused({ events: ['content.deleted'] }, /Eventi: "content\.deleted" non è tra i valori ammessi/);
      await refused({ contentTypes: ['testimony-submission'] }, /Tipi di contenuto: "testimony-submission"/);
      await refused({ secret: 'corto' }, /almeno 32 caratteri/);
    });

    it('is not reachable through the public API, nor by the Redattore, Moderatore, Editor and Author roles', async () => {
      const token = await createReadOnlyToken(cms.strapi, 'Partner webhooks test');
      for (const path of ['/api/partner-webhooks', '/api/partner-webhooks/1', '/api/webhook-deliveries/1']) {
        expect((await fetch(`${cms.url}${path}`)).status, path).toBe(404);
        expect((await fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).status, path).toBe(404);
      }
      // The partners' own delivery log (tests/partner-webhook-log.test.ts): a token linked to no webhook sees nothing.
      expect((await fetch(`${cms.url}/api/webhook-deliveries`)).status).toBe(401);
      const log = await fetch(`${cms.url}/api/webhook-deliveries`, { headers: { authorization: `Bearer ${token}` } });
      expect(await log.json()).toMatchObject({ data: [], meta: { pagination: { total: 0 }, webhooks: [] } });
      for (const role of Object.values(ADMIN_ROLES)) {
        expect(Object.keys(role.contentTypes)).not.toContain(WEBHOOK_UID);
        expect(Object.keys(role.contentTypes)).not.toContain(DELIVERY_UID);
      }
      // Strapi gave its default roles every type of this new database: taken back at bootstrap.
      const grants = (await cms.strapi.db.query('admin::permission').findMany({
        where: { subject: { $in: [WEBHOOK_UID, DELIVERY_UID] } },
        populate: ['role'],
      })) as Array<{ role: { code: string } | null }>;
      expect(grants.map((grant) => grant.role?.code).filter((code) => code !== 'strapi-super-admin')).toEqual([]);
      expect(await restrictDefaultRoles(cms.strapi)).toBe(0);
      const editorRole = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
      const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      await users.create({ email: 'editor@example.org', firstname: 'Editor', password: 'Redazione2019!', isActive: true, registrationToken: null, roles: [editorRole.id] });
      const editor = await login('editor@example.org', 'Redazione2019!');
      expect((await admin(`${CM}/${WEBHOOK_UID}`, 'GET', undefined, editor)).status).toBe(403);
      expect((await admin(`${CM}/${ARTICLE}`, 'GET', undefined, editor)).status).toBe(200);
      const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code: ADMIN_ROLES.redattore.code } })) as { id: number };
      await users.create({ email: 'redattore@example.org', firstname: 'Redattore', password: 'Redazione2019!', isActive: true, registrationToken: null, roles: [role.id] });
      const redattore = await login('redattore@example.org', 'Redazione2019!');
      expect((await admin(`${CM}/${WEBHOOK_UID}`, 'GET', undefined, redattore)).status).toBe(403);
      expect((await admin(`${CM}/${DELIVERY_UID}`, 'GET', undefined, redattore)).status).toBe(403);
      expect((await admin(`${CM}/${DELIVERY_UID}`)).status).toBe(200);
    });
  });

  describe('delivery', () => {
    let published: { webhook: WebhookRow & { path: string }; request: ReceivedRequest; event: WebhookEvent };

    it('sends a signed content.published event on publish, which the client helper verifies', async () => {
      const webhook = await registerWebhook();
      await publishArticle();
      const [request] = await receiver.waitFor(webhook.path);
      const event = parseWebhookEvent({ payload: request!.body, header: request!.headers[WEBHOOK_HEADERS.signature], secret: webhook.secret! });
      published = { webhook, request: request!, event };

      expect(event).toEqual({
        id: expect.stringMatching(/^evt_[0-9a-f]{24}$/),
        type: 'content.published',
        createdAt: expect.any(String),
        data: {
          type: 'article',
          documentId: articleId,
          slug: articleSlug,
          url: `${SITE_URL}/articoli/${articleSlug}`,
          apiUrl: `${PUBLIC_URL}/api/articles/${articleId}`,
        },
      });
      expect(Math.abs(Date.parse(event.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers[WEBHOOK_HEADERS.event]).toBe('content.published');
      expect(request!.headers[WEBHOOK_HEADERS.signature]).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
      // Nothing of the entry itself: no field can leak.
      expect(Object.keys(JSON.parse(request!.body.toString()) as object).sort()).toEqual(['createdAt', 'data', 'id', 'type']);

      const row = await settledDelivery(webhook);
      expect(row).toMatchObject({
        deliveryStatus: 'delivered',
        attempts: 1,
        lastHttpStatus: 200,
        lastError: null,
        nextAttemptAt: null,
        eventId: event.id,
        action: 'published',
        contentType: 'article',
        entryDocumentId: articleId,
      });
      expect(row.deliveredAt).not.toBeNull();
      expect(request!.headers[WEBHOOK_HEADERS.delivery]).toBe(row.documentId);
    });

    it('is the request docs/partners.md shows: the same headers, and a body of the same shape', () => {
      const documented = codeBlocks(path.join(appDir, '..', '..', 'docs', 'partners.md')).find((block) => block.lang === 'http' && block.heading === 'The request');
      expect(documented).toBeDefined();
      const [head = '', body = ''] = documented!.code.split(/\n\s*\n/);
      const [requestLine = '', ...headerLines] = head.split('\n');
      expect(requestLine).toMatch(/^POST \S+ HTTP\/1\.1$/);
      const { request } = published;
      const actual: Record<string, string | undefined> = {
        'x-chiudete-delivery': String(request.headers[WEBHOOK_HEADERS.delivery]),
        'x-chiudete-signature': String(request.headers[WEBHOOK_HEADERS.signature]),
      };
      const headers = headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const);
      expect(headers.map(([name]) => name).sort()).toEqual(['content-type', 'user-agent', WEBHOOK_HEADERS.attempt, WEBHOOK_HEADERS.delivery, WEBHOOK_HEADERS.event, WEBHOOK_HEADERS.signature].sort());
      for (const [name, value] of headers) {
        if (name === WEBHOOK_HEADERS.delivery) expect(value).toMatch(new RegExp(`^[a-z0-9]{${actual[name]!.length}}$`));
        else if (name === WEBHOOK_HEADERS.signature) expect(value).toMatch(/^t=\d{10},v1=[0-9a-f]+…\(64 hex digits\)$/);
        else expect(request.headers[name], name).toBe(value);
      }
      // The same members, each of the same type; the ids of the same form.
      const shape = (value: unknown): unknown => value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, member]) => [key, shape(member)]).sort())
        : typeof value;
      const example = JSON.parse(body) as ContentWebhookEvent;
      expect(shape(example)).toEqual(shape(published.event));
      expect(example.id).toMatch(/^evt_[0-9a-f]{24}$/);
      expect(example.type).toBe(published.event.type);
      expect(example.data.type).toBe((published.event as ContentWebhookEvent).data.type);
      expect(example.data.url).toBe(`https://chiudeteicallcenter.eu${sitePath('article', example.data.slug!)}`);
      expect(example.data.apiUrl).toBe(`https://cms.chiudeteicallcenter.eu/api/articles/${example.data.documentId}`);

      // The client README shows the same body, shortened.
      const readme = codeBlocks(path.join(appDir, '..', '..', 'packages', 'types', 'README.md')).find((block) => block.lang === 'json' && block.heading === 'Webhooks');
      expect(shape(JSON.parse(readme!.code))).toEqual(shape(published.event));
    });

    it('fails verification with a wrong secret, a changed body, or a replay older than the tolerance', () => {
      const { request, webhook } = published;
      const header = request.headers[WEBHOOK_HEADERS.signature];
      const reason = (options: Parameters<typeof assertWebhookSignature>[0]) => {
        try {
          assertWebhookSignature(options);
          return 'accepted';
        } catch (error) {
          return (error as WebhookSignatureError).reason;
        }
      };
      expect(verifyWebhookSignature({ payload: request.body, header, secret: webhook.secret! })).toBe(true);
      expect(reason({ payload: request.body, header, secret: 'whsec_not-the-partners-secret-000000000000' })).toBe('signature_mismatch');
      expect(reason({ payload: request.body.toString().replace('published', 'unpublished'), header, secret: webhook.secret! })).toBe('signature_mismatch');
      // The same request replayed six minutes later.
      expect(reason({ payload: request.body, header, secret: webhook.secret!, now: request.receivedAt + 6 * 60_000 })).toBe('timestamp_outside_tolerance');
      expect(verifyWebhookSignature({ payload: request.body, header, secret: webhook.secret!, now: request.receivedAt + 6 * 60_000, toleranceSeconds: 600 })).toBe(true);
    });

    it('sends content.unpublished on unpublish', async () => {
      const webhook = await registerWebhook();
      await unpublishArticle();
      const [request] = await receiver.waitFor(webhook.path);
      const event = parseWebhookEvent({ payload: request!.body, header: request!.headers[WEBHOOK_HEADERS.signature], secret: webhook.secret! });
      expect(event).toMatchObject({ type: 'content.unpublished', data: { type: 'article', documentId: articleId, slug: articleSlug } });
      expect(request!.headers[WEBHOOK_HEADERS.event]).toBe('content.unpublished');
      expect(await settledDelivery(webhook)).toMatchObject({ deliveryStatus: 'delivered', action: 'unpublished' });
      await publishArticle();
    });

    it('retries after a 500 with backoff, same event and delivery id, and logs every attempt', async () => {
      const webhook = await registerWebhook();
      receiver.answer(webhook.path, 500);
      await publishArticle();
      await receiver.waitFor(webhook.path, 1);
      const failed = await settledDelivery(webhook);
      expect(failed).toMatchObject({ deliveryStatus: 'pending', attempts: 1, lastHttpStatus: 500, lastError: 'HTTP 500: errore 500 del partner', deliveredAt: null });
      const wait = new Date(failed.nextAttemptAt!).getTime() - new Date(failed.updatedAt).getTime();
      expect(wait).toBeGreaterThanOrEqual(27_000);
      expect(wait).toBeLessThanOrEqual(33_500);

      // Not due yet: nothing is sent.
      expect(await service().retryDueDeliveries(new Date())).toMatchObject({ attempted: 0 });
      expect(receiver.on(webhook.path)).toHaveLength(1);

      // 30 s later (a controlled clock): the second attempt succeeds.
      expect(await service().retryDueDeliveries(later(failed))).toEqual({ attempted: 1, delivered: 1, rescheduled: 0, failed: 0 });
      const [first, second] = receiver.on(webhook.path);
      expect(second!.body.equals(first!.body)).toBe(true);
      expect(second!.headers[WEBHOOK_HEADERS.delivery]).toBe(first!.headers[WEBHOOK_HEADERS.delivery]);
      expect([first!.headers['x-chiudete-attempt'], second!.headers['x-chiudete-attempt']]).toEqual(['1', '2']);
      expect(verifyWebhookSignature({ payload: second!.body, header: second!.headers[WEBHOOK_HEADERS.signature], secret: webhook.secret! })).toBe(true);
      expect(await deliveriesOf(webhook)).toEqual([
        expect.objectContaining({ deliveryStatus: 'delivered', attempts: 2, lastHttpStatus: 200, lastError: null, nextAttemptAt: null }),
      ]);
    });

    it('gives up after six attempts; an admin puts the delivery back in the queue from the Content Manager', async () => {
      const webhook = await registerWebhook();
      receiver.answer(webhook.path, 503, 500, 502, 500, 500, 500);
      await publishArticle();
      let row = await settledDelivery(webhook);
      const waits: number[] = [];
      while (row.deliveryStatus === 'pending') {
        waits.push(Math.round((new Date(row.nextAttemptAt!).getTime() - new Date(row.updatedAt).getTime()) / 1000));
        await service().retryDueDeliveries(later(row));
        row = (await deliveriesOf(webhook))[0]!;
      }
      expect(row).toMatchObject({ deliveryStatus: 'failed', attempts: 6, lastHttpStatus: 500, nextAttemptAt: null, deliveredAt: null });
      expect(receiver.on(webhook.path)).toHaveLength(6);
      // 30 s, 2 min, 10 min, 1 h, 6 h, each ±10 %.
      [30, 120, 600, 3600, 21_600].forEach((seconds, i) => {
        expect(waits[i]).toBeGreaterThanOrEqual(seconds * 0.9 - 1);
        expect(waits[i]).toBeLessThanOrEqual(seconds * 1.1 + 1);
      });
      // A failed delivery is never picked up again by itself.
      expect(await service().retryDueDeliveries(new Date(Date.now() + 30 * 24 * 3600_000))).toMatchObject({ attempted: 0 });

      // The admin: only the status can change, and only to re-queue or give up.
      const path = `${CM}/${DELIVERY_UID}/${row.documentId}`;
      expect((await admin(path, 'PUT', { deliveryStatus: 'delivered' })).status).toBe(400);
      expect((await admin(`${CM}/${DELIVERY_UID}`, 'POST', { eventId: 'evt_x', action: 'published', contentType: 'article', entryDocumentId: 'x', payload: {} })).status).toBe(400);
      const res = await admin(path, 'PUT', { ...row, deliveryStatus: 'pending', attempts: 99, lastError: 'scritto a mano', payload: { id: 'evt_forged' } });
      expect(res.status, await res.clone().text()).toBe(200);
      const requeued = (await deliveriesOf(webhook))[0]!;
      expect(requeued).toMatchObject({ deliveryStatus: 'pending', attempts: 0, lastError: row.lastError, payload: row.payload });
      expect(await service().retryDueDeliveries(new Date(Date.now() + 1000))).toMatchObject({ attempted: 1, delivered: 1 });
      expect(receiver.on(webhook.path)).toHaveLength(7);
    });

    it('sends nothing to a disabled webhook, and only the chosen events and types', async () => {
      const all = await registerWebhook();
      const disabled = await registerWebhook({ enabled: false });
      const testimoniesOnly = await registerWebhook({ contentTypes: ['testimony'] });
      const unpublishOnly = await registerWebhook({ events: ['content.unpublished'] });

      await publishArticle();
      await receiver.waitFor(all.path);
      await service().idle();
      expect(await deliveriesOf(disabled)).toEqual([]);
      expect(await deliveriesOf(testimoniesOnly)).toEqual([]);
      expect(await deliveriesOf(unpublishOnly)).toEqual([]);

      const testimony = (await cms.strapi.documents(TESTIMONY).findFirst({ status: 'published' })) as { documentId: string };
      await cms.strapi.documents(TESTIMONY).publish({ documentId: testimony.documentId });
      const [request] = await receiver.waitFor(testimoniesOnly.path);
      expect(parseWebhookEvent({ payload: request!.body, header: request!.headers[WEBHOOK_HEADERS.signature], secret: testimoniesOnly.secret! }).data).toMatchObject({
        type: 'testimony',
        documentId: testimony.documentId,
        url: expect.stringMatching(`^${SITE_URL}/testimonianze/`),
      });
      await receiver.waitFor(all.path, 2);

      await unpublishArticle();
      await receiver.waitFor(unpublishOnly.path);
      await receiver.waitFor(all.path, 3);
      await service().idle();
      expect(receiver.on(disabled.path)).toEqual([]);
      expect(receiver.on(testimoniesOnly.path)).toHaveLength(1);
      expect(receiver.on(unpublishOnly.path)).toHaveLength(1);
      await publishArticle();
    });

    it('cancels the queued deliveries of a webhook that was disabled', async () => {
      const webhook = await registerWebhook();
      receiver.answer(webhook.path, 500);
      await publishArticle();
      const row = await settledDelivery(webhook);
      await cms.strapi.documents(WEBHOOK_UID).update({ documentId: webhook.documentId, data: { enabled: false } });
      expect(await service().retryDueDeliveries(later(row))).toMatchObject({ attempted: 1, failed: 1 });
      expect((await deliveriesOf(webhook))[0]).toMatchObject({ deliveryStatus: 'failed', lastError: 'Non inviata: webhook disattivato.' });
      expect(receiver.on(webhook.path)).toHaveLength(1);
    });

    it('lets only one of two concurrent retry runs (two instances) send a due delivery', async () => {
      const webhook = await registerWebhook();
      receiver.answer(webhook.path, 500);
      await publishArticle();
      const row = await settledDelivery(webhook);
      const runs = await Promise.all([service().retryDueDeliveries(later(row)), service().retryDueDeliveries(later(row)), service().retryDueDeliveries(later(row))]);
      expect(runs.reduce((sum, run) => sum + run.attempted, 0)).toBe(1);
      expect(receiver.on(webhook.path)).toHaveLength(2);
      expect((await deliveriesOf(webhook))[0]).toMatchObject({ deliveryStatus: 'delivered', attempts: 2 });
    });

    it('retries a delivery whose sender died mid-attempt once its lease has expired', async () => {
      const webhook = await registerWebhook();
      await publishArticle();
      const row = await settledDelivery(webhook, 0, (r) => r.deliveryStatus === 'delivered');
      // As if an instance had claimed it and died before writing the outcome.
      await cms.strapi.db.query(DELIVERY_UID).update({
        where: { id: row.id },
        data: { deliveryStatus: 'pending', nextAttemptAt: new Date(), leaseUntil: new Date(Date.now() + 60_000), leaseToken: 'dead-instance' },
      });
      expect(await service().retryDueDeliveries(new Date(Date.now() + 30_000))).toMatchObject({ attempted: 0 });
      expect(await service().retryDueDeliveries(new Date(Date.now() + 61_000))).toMatchObject({ attempted: 1, delivered: 1 });
      expect(receiver.on(webhook.path)).toHaveLength(2);
    });

    it('registers the retry as a cron task', () => {
      const tasks = cms.strapi.config.get<Record<string, { options: { rule: string } }>>('server.cron.tasks');
      expect(tasks.retryPartnerWebhooks?.options.rule).toBe('*/10 * * * * *');
      expect(tasks.purgePartnerWebhookDeliveries).toBeDefined();
    });

    it('purges delivered and failed rows past the retention, keeping pending ones', async () => {
      const webhook = await registerWebhook();
      receiver.answer(webhook.path, 500);
      await publishArticle();
      await settledDelivery(webhook);
      const inFortyDays = new Date(Date.now() + 40 * 24 * 3600_000);
      const removed = await service().purgeOldDeliveries(inFortyDays);
      expect(removed).toBeGreaterThan(0);
      const left = (await cms.strapi.db.query(DELIVERY_UID).findMany({})) as DeliveryRow[];
      expect(left.map((r) => r.deliveryStatus)).toEqual(left.map(() => 'pending'));
    });
  });
});
