import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient, type WebhookDeliveriesResponse } from '@chiudete/types';
import { WEBHOOK_HEADERS, parseWebhookEvent } from '@chiudete/types/webhooks';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { TEST_ADMIN } from './helpers/admin';
import { assertAnswerMatchesContract } from './helpers/openapi-answers';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken, eventually, startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';
import { DELIVERY_UID, WEBHOOK_UID, partnerWebhooks, type DeliveryRow, type WebhookRow } from '../src/api/partner-webhook/lib';
import type { PingOutcome } from '../src/api/partner-webhook/ping-contract';

/**
 * What a partner needs to debug its webhook without asking the redazione:
 * the admin's test ping (`POST /admin/partner-webhooks/:documentId/ping`,
 * sent to a real local receiver and verified with the client package), and
 * the partner's own delivery log (`GET /api/webhook-deliveries`) read with
 * its read-only token: two partners, two tokens, nothing crossing over, and
 * every answer checked against the OpenAPI document.
 */

const ARTICLE = 'api::article.article';
const CM = '/content-manager/collection-types';
const LOG = '/webhook-deliveries';
/** Every key a delivery of the log has: nothing else may appear. */
const DELIVERY_KEYS = ['attempts', 'contentType', 'createdAt', 'deliveredAt', 'deliveryId', 'entryDocumentId', 'eventId', 'eventType', 'lastError', 'lastHttpStatus', 'nextAttemptAt', 'status', 'updatedAt', 'webhook'];

describe('partner webhooks: test ping and the partner\'s delivery log', () => {
  let cms: TestStrapi;
  let receiver: WebhookReceiver;
  let adminToken: string;
  let tokenA: string;
  let tokenB: string;
  let tokenUnlinked: string;
  let hookA: WebhookRow & { path: string };
  let hookB: WebhookRow & { path: string };
  let hookCount = 0;

  const admin = (path: string, method = 'GET', body?: unknown, token: string | null = adminToken) =>
    fetch(`${cms.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const login = async (email: string, password: string): Promise<string> => {
    const res = await admin('/admin/login', 'POST', { email, password }, null);
    expect(res.status, `login of ${email}`).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  const registerWebhook = async (data: Record<string, unknown>): Promise<WebhookRow & { path: string }> => {
    const path = `/log-hook/${++hookCount}`;
    const res = await admin(`${CM}/${WEBHOOK_UID}`, 'POST', { name: `Partner ${hookCount}`, url: `${receiver.origin}${path}`, ...data });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    return { ...(JSON.parse(text) as { data: WebhookRow }).data, path };
  };

  const ping = async (documentId: string, token: string | null = adminToken) => {
    const res = await admin(`/admin/partner-webhooks/${documentId}/ping`, 'POST', undefined, token);
    return { status: res.status, body: (await res.json()) as { data: PingOutcome; error?: { message: string } } };
  };

  /** GET /api/webhook-deliveries, its answer checked against the OpenAPI document. */
  const readLog = async (query = '', token: string | null = tokenA, headers: Record<string, string> = {}) => {
    const res = await fetch(`${cms.url}/api${LOG}${query}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    const text = await res.text();
    assertAnswerMatchesContract('GET', LOG, res, text);
    return { res, text, body: text ? (JSON.parse(text) as WebhookDeliveriesResponse & { error?: { status: number; name: string; message: string; details: { errors?: Array<{ field: string; code: string }> } } }) : undefined };
  };

  const rowOf = async (documentId: string) =>
    (await cms.strapi.db.query(DELIVERY_UID).findOne({ where: { documentId } })) as DeliveryRow;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true' });
    adminToken = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    tokenA = await createReadOnlyToken(cms.strapi, 'Partner A');
    tokenB = await createReadOnlyToken(cms.strapi, 'Partner B');
    tokenUnlinked = await createReadOnlyToken(cms.strapi, 'Partner senza webhook');
  });

  afterAll(async () => {
    if (cms) await partnerWebhooks(cms.strapi).idle();
    await cms?.stop();
    await receiver?.close();
  });

  describe('linking a webhook to the partner\'s token (admin)', () => {
    it('accepts a read-only token by its name, refuses an unknown, full-access or site token, in Italian', async () => {
      const tokens = cms.strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      await tokens.create({ name: 'Accesso completo', description: '', type: 'full-access', kind: 'content-api', lifespan: null });
      const refused = async (apiToken: string, message: RegExp) => {
        const res = await admin(`${CM}/${WEBHOOK_UID}`, 'POST', { name: 'Sbagliato', url: `${receiver.origin}/x`, apiToken });
        const body = (await res.json()) as { error: { message: string } };
        expect(res.status, body.error.message).toBe(400);
        expect(body.error.message).toMatch(message);
      };
      await refused('Nessuno si chiama così', /Nessun token API si chiama «Nessuno si chiama così»/);
      await refused('Accesso completo', /non è di sola lettura/);
      await refused('Sito pubblico', /è un token del sito/);

      hookA = await registerWebhook({ apiToken: '  Partner A ' });
      expect(hookA.apiToken).toBe('Partner A');
      hookB = await registerWebhook({ apiToken: 'Partner B' });
      // Emptied: no token (the partner no longer sees the log).
      const other = await registerWebhook({ apiToken: '' });
      expect(other.apiToken).toBeNull();
    });
  });

  describe('the test ping', () => {
    it('reaches the partner\'s endpoint signed like every event, answers the outcome and is logged once', async () => {
      const { status, body } = await ping(hookA.documentId);
      expect(status, JSON.stringify(body)).toBe(200);
      const outcome = body.data;
      expect(outcome).toMatchObject({ ok: true, status: 200, error: null, answer: 'ok' });
      expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
      expect(outcome.durationMs).toBeLessThan(5000);

      const [request] = await receiver.waitFor(hookA.path);
      const event = parseWebhookEvent({ payload: request!.body, header: request!.headers[WEBHOOK_HEADERS.signature], secret: hookA.secret! });
      expect(event).toEqual({ id: outcome.eventId, type: 'webhook.ping', createdAt: expect.any(String), data: { webhook: hookA.name } });
      expect(request!.headers[WEBHOOK_HEADERS.event]).toBe('webhook.ping');
      expect(request!.headers[WEBHOOK_HEADERS.delivery]).toBe(outcome.deliveryId);
      expect(request!.headers['x-chiudete-attempt']).toBe('1');
      expect(request!.headers['user-agent']).toMatch(/^ChiudeteWebhooks\//);

      expect(await rowOf(outcome.deliveryId)).toMatchObject({
        action: 'ping', eventId: outcome.eventId, contentType: null, entryDocumentId: null, deliveryStatus: 'delivered',
        attempts: 1, lastHttpStatus: 200, lastError: null, nextAttemptAt: null, leaseToken: null,
      });
    });

    it('says clearly what a failing endpoint answered, or that none answered, and never retries a ping', async () => {
      receiver.answer(hookB.path, 500);
      const failed = (await ping(hookB.documentId)).body.data;
      expect(failed).toMatchObject({ ok: false, status: 500, error: 'HTTP 500: errore 500 del partner', answer: 'errore 500 del partner' });
      expect(await rowOf(failed.deliveryId)).toMatchObject({ action: 'ping', deliveryStatus: 'failed', attempts: 1, lastHttpStatus: 500, nextAttemptAt: null });

      // Nothing listens on the receiver's port once it is closed: a network error, no status.
      const closed = await startWebhookReceiver();
      await closed.close();
      await cms.strapi.db.query(WEBHOOK_UID).update({ where: { id: hookB.id }, data: { url: `${closed.origin}${hookB.path}` } });
      const unreachable = (await ping(hookB.documentId)).body.data;
      expect(unreachable).toMatchObject({ ok: false, status: null, answer: null, error: expect.stringMatching(/^ECONNREFUSED/) });
      await cms.strapi.db.query(WEBHOOK_UID).update({ where: { id: hookB.id }, data: { url: hookB.url } });

      // Not picked up by the retry run, however late; an admin cannot re-queue it either.
      expect(await partnerWebhooks(cms.strapi).retryDueDeliveries(new Date(Date.now() + 30 * 24 * 3600_000))).toMatchObject({ attempted: 0 });
      const requeue = await admin(`${CM}/${DELIVERY_UID}/${failed.deliveryId}`, 'PUT', { deliveryStatus: 'pending' });
      expect(requeue.status).toBe(400);
      expect(((await requeue.json()) as { error: { message: string } }).error.message).toMatch(/ping di prova non si rispedisce/);
      expect(receiver.on(hookB.path)).toHaveLength(1);
    });

    it('is refused without an admin session (401), to an admin who may not edit webhooks (403), for an unknown webhook (404)', async () => {
      expect((await ping(hookA.documentId, null)).status).toBe(401);
      expect((await ping(hookA.documentId, tokenA)).status).toBe(401);
      const editorRole = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
      const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      await users.create({ email: 'editor-ping@example.org', firstname: 'Editor', password: 'Redazione2019!', isActive: true, registrationToken: null, roles: [editorRole.id] });
      const editor = await login('editor-ping@example.org', 'Redazione2019!');
      const refused = await ping(hookA.documentId, editor);
      expect(refused.status).toBe(403);
      const missing = await ping('doesnotexist0000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body.error?.message).toMatch(/non esiste più/);
      expect(receiver.on(hookA.path)).toHaveLength(1);
    });
  });

  describe('the partner\'s delivery log', () => {
    beforeAll(async () => {
      // A real change: one delivery to each enabled webhook.
      const draft = (await cms.strapi.documents(ARTICLE).findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' })) as { documentId: string };
      await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
      await receiver.waitFor(hookA.path, 2);
      await receiver.waitFor(hookB.path, 2);
      await partnerWebhooks(cms.strapi).idle();
      await eventually(async () => ((await readLog('?status=pending')).body!.meta.pagination.total === 0 ? true : undefined), 'no pending delivery of A');
    });

    it('lists the deliveries of the partner\'s own webhooks, newest first, with the documented fields only', async () => {
      const { res, text, body } = await readLog();
      expect(res.status).toBe(200);
      const { data, meta } = body!;
      expect(meta.webhooks).toEqual([{ name: hookA.name, url: hookA.url }]);
      expect(meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
      expect(data.map((delivery) => delivery.eventType)).toEqual(['content.published', 'webhook.ping']);
      for (const delivery of data) {
        expect(Object.keys(delivery).sort()).toEqual(DELIVERY_KEYS);
        expect(delivery.webhook).toEqual({ name: hookA.name, url: hookA.url });
      }
      const [published, pinged] = data;
      const sent = receiver.on(hookA.path).map((request) => request.headers[WEBHOOK_HEADERS.delivery]);
      expect(sent).toEqual([pinged!.deliveryId, published!.deliveryId]);
      expect(published).toMatchObject({ status: 'delivered', attempts: 1, lastHttpStatus: 200, lastError: null, nextAttemptAt: null, contentType: 'article', eventId: expect.stringMatching(/^evt_/) });
      expect(pinged).toMatchObject({ status: 'delivered', contentType: null, entryDocumentId: null });
      // Nothing private, nothing of the other partner.
      for (const secret of [hookA.secret!, hookB.secret!, hookB.path, 'leaseToken', 'leaseUntil', 'payload', 'secret']) expect(text).not.toContain(secret);
      expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
      expect(res.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    });

    it('shows each partner only its own deliveries (two partners, two tokens), and an unlinked token an empty log', async () => {
      const b = (await readLog('', tokenB)).body!;
      expect(b.meta.webhooks).toEqual([{ name: hookB.name, url: hookB.url }]);
      expect(b.data.map((delivery) => [delivery.eventType, delivery.status])).toEqual([['content.published', 'delivered'], ['webhook.ping', 'failed'], ['webhook.ping', 'failed']]);
      expect(b.data.every((delivery) => delivery.webhook.url === hookB.url)).toBe(true);
      expect(b.data[1]!.lastError).toMatch(/^ECONNREFUSED/);
      expect(b.data[2]!).toMatchObject({ lastHttpStatus: 500, lastError: 'HTTP 500: errore 500 del partner' });

      const a = (await readLog()).body!;
      const idsOfA = new Set(a.data.map((delivery) => delivery.deliveryId));
      expect(b.data.some((delivery) => idsOfA.has(delivery.deliveryId))).toBe(false);

      const none = await readLog('', tokenUnlinked);
      expect(none.res.status).toBe(200);
      expect(none.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 }, webhooks: [] } });
    });

    it('filters by status and date, pages, and answers 304 to a current copy', async () => {
      const b = (status: string, since = '') => readLog(`?status=${status}${since}`, tokenB);
      expect((await b('failed')).body!.data.map((delivery) => delivery.eventType)).toEqual(['webhook.ping', 'webhook.ping']);
      expect((await b('delivered')).body!.data.map((delivery) => delivery.eventType)).toEqual(['content.published']);
      expect((await b('delivered', '&since=2100-01-01')).body!.data).toEqual([]);
      const all = (await readLog('', tokenB)).body!.data;
      const since = encodeURIComponent(all[1]!.createdAt);
      expect((await readLog(`?since=${since}`, tokenB)).body!.data.map((delivery) => delivery.deliveryId)).toEqual(all.slice(0, 2).map((delivery) => delivery.deliveryId));

      const second = (await readLog('?page=2&pageSize=1', tokenB)).body!;
      expect(second.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 3, total: 3 });
      expect(second.data.map((delivery) => delivery.deliveryId)).toEqual([all[1]!.deliveryId]);

      const first = await readLog('', tokenB);
      const etag = first.res.headers.get('etag')!;
      const again = await readLog('', tokenB, { 'If-None-Match': etag });
      expect(again.res.status).toBe(304);
      // Another partner's copy is another representation.
      expect((await readLog('', tokenA, { 'If-None-Match': etag })).res.status).toBe(200);
    });

    it('answers 401 in the envelope without a token, or with a wrong one', async () => {
      for (const token of [null, 'not-a-token']) {
        const { res, body } = await readLog('', token);
        expect(res.status).toBe(401);
        expect(body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
      }
    });

    it('refuses unknown parameters, naming them, and never filters, selects or populates private fields', async () => {
      const cases: Array<[string, string]> = [
        ['?foo=1', 'foo'],
        ['?fields[0]=secret', 'fields'],
        ['?fields=leaseToken', 'fields'],
        ['?populate=*', 'populate'],
        ['?populate[webhook][fields][0]=secret', 'populate'],
        ['?filters[webhook][secret][$eq]=x', 'filters'],
        ['?filters[leaseToken][$null]=false', 'filters'],
        ['?sort=leaseUntil:asc', 'sort'],
        ['?status=sent', 'status'],
        ['?status=failed&status=pending', 'status'],
        ['?since=ieri', 'since'],
        ['?page=0', 'page'],
        ['?pageSize=101', 'pageSize'],
      ];
      for (const [query, field] of cases) {
        const { res, text, body } = await readLog(query, tokenA);
        expect(res.status, query).toBe(400);
        expect(body!.error!.message, query).toContain(`"${field}"`);
        expect(body!.error!.details.errors!.map((error) => error.field), query).toContain(field);
        for (const secret of [hookA.secret!, hookB.secret!]) expect(text).not.toContain(secret);
      }
    });

    it('is the typed client\'s api.webhookDeliveries.list()', async () => {
      const api = createStrapiClient({ baseURL: cms.url, token: tokenB });
      const failed = await api.webhookDeliveries.list({ status: 'failed', since: new Date(Date.now() - 3600_000), pageSize: 1 });
      expect(failed.meta.pagination).toMatchObject({ total: 2, pageCount: 2 });
      expect(failed.data[0]).toMatchObject({ eventType: 'webhook.ping', status: 'failed', webhook: { url: hookB.url } });
      await expect(createStrapiClient({ baseURL: cms.url }).webhookDeliveries.list()).rejects.toMatchObject({ status: 401 });
    });
  });
});
