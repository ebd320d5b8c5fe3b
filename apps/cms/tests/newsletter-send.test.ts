import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { NEWSLETTER_EVENTS_SECRET_HEADER } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { startSmtp, addressesOf, type TestSmtp } from './helpers/smtp';
import { TEST_ADMIN } from './helpers/admin';
import { ISSUE, SEND, SUBSCRIBER, adminCall, adminToken, copiesByAddress, createSubscribers, rawHeader } from './helpers/newsletter';
import { listRecipients, loadIssue, runWeeklyDigest, sendQueuedNewsletters } from '../src/api/newsletter-issue/lib';
import { readNewsletterSendingConfig } from '../config/newsletter-sending';

/**
 * The newsletter's sending side (issue #14, items 3 and 4) on SQLite, with a
 * real SMTP sink: the e-mail (parts, links, headers), the admin's preview,
 * test copy and «Invia», the audience by interests, the worker's rate,
 * retries, cancellations, the weekly digest and the provider's events.
 * The worker is run here by calling it (crons off); the restart after a
 * kill is in newsletter-send.postgres.test.ts.
 */

const SITE = 'https://chiudeteicallcenter.example';
const EVENTS_SECRET = randomBytes(32).toString('base64url');
const REFUSED = 'inesistente@example.org';

describe('newsletter sending', () => {
  let cms: TestStrapi;
  let smtp: TestSmtp;
  let token: string;
  let ids: Map<string, string>;
  let article: { documentId: string; slug: string; title: string; category: string };
  let testimony: { documentId: string; slug: string };

  const issueRows = async (documentId: string) =>
    (await cms.strapi.db.query(SEND).findMany({ where: { issueDocumentId: documentId }, orderBy: { id: 'asc' } })) as Array<{ subscriberDocumentId: string; sendStatus: string; attempts: number; lastError: string | null; key: string }>;
  const issueOf = async (documentId: string) =>
    (await cms.strapi.db.query(ISSUE).findOne({ where: { documentId } })) as { issueStatus: string; totalCount: number; sentCount: number; failedCount: number; finishedAt: string | null };
  const newIssue = async (data: Record<string, unknown>) =>
    (await cms.strapi.documents(ISSUE).create({ data: { subject: 'Le novità della settimana', introduction: 'Ciao!\n\nEcco che cosa è successo.', ...data } as never })).documentId;
  const ofIssue = (subject: string) => (mail: ParsedMail) => mail.subject === subject;

  beforeAll(async () => {
    smtp = await startSmtp({ refuse: (address) => address === REFUSED });
    cms = await startTestStrapi('sqlite', {
      CRON_ENABLED: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SITE_URL: SITE,
      NEWSLETTER_EVENTS_SECRET: EVENTS_SECRET,
      NEWSLETTER_SEND_RATE_PER_MINUTE: '600',
      NEWSLETTER_SEND_MAX_ATTEMPTS: '2',
      NEWSLETTER_SEND_RETRY_MINUTES: '0',
    });
    token = await adminToken(cms.url);
    const found = (await cms.strapi.documents('api::article.article').findFirst({ status: 'published', populate: { categories: { fields: ['slug'] } } } as never)) as unknown as {
      documentId: string; slug: string; title: string; categories: Array<{ slug: string }>;
    };
    article = { documentId: found.documentId, slug: found.slug, title: found.title, category: found.categories[0]!.slug };
    testimony = (await cms.strapi.documents('api::testimony.testimony').findFirst({ status: 'published' })) as unknown as { documentId: string; slug: string };
    ids = await createSubscribers(cms.strapi, [
      { email: 'tutto@example.org', confirmed: true },
      { email: 'Categoria@Example.org', confirmed: true, interests: [article.category] },
      { email: 'altro@example.org', confirmed: true, interests: ['categoria-che-non-esiste'] },
      { email: 'testimonianze@example.org', confirmed: true, interests: ['testimonianze'] },
      { email: 'da-confermare@example.org', confirmed: false },
      { email: REFUSED, confirmed: true },
    ]);
  }, 180_000);

  afterAll(async () => {
    await cms?.stop();
    await smtp?.close();
  });

  it('keeps issues, sends and settings out of the public API', async () => {
    for (const path of ['/api/newsletter-issues', '/api/newsletter-sends', '/api/newsletter-setting', '/api/newsletter-events']) {
      const res = await fetch(`${cms.url}${path}`);
      expect([403, 404, 405], path).toContain(res.status);
    }
  });

  it('previews the issue for the admin: Italian, absolute links to the site, no pixel, the unsubscribe link', async () => {
    const documentId = await newIssue({ subject: 'Anteprima', articles: [article.documentId] });
    expect((await adminCall(cms.url, 'not-a-token', 'GET', `/admin/newsletter-issues/${documentId}/preview`)).status).toBe(401);
    const res = await adminCall(cms.url, token, 'GET', `/admin/newsletter-issues/${documentId}/preview`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { subject: string; html: string; text: string; bytes: number } };
    expect(data.subject).toBe('Anteprima');
    expect(data.html).toContain('<html lang="it">');
    expect(data.html).toContain('max-width:600px');
    expect(data.html).toContain(`href="${SITE}/articoli/${article.slug}"`);
    expect(data.text).toContain(`${SITE}/articoli/${article.slug}`);
    expect(data.text).toMatch(/Disiscriviti con un clic: https?:\/\//);
    expect(data.html).not.toMatch(/<img|<script/i);
    expect((await adminCall(cms.url, token, 'GET', '/admin/newsletter-issues/nessuno/preview')).status).toBe(404);
  });

  it('sends a test copy to the logged-in admin only', async () => {
    const documentId = await newIssue({ subject: 'Prova per me', articles: [article.documentId] });
    const res = await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/test`);
    expect(res.status, await res.clone().text()).toBe(200);
    const mail = await smtp.waitFor(ofIssue('[Prova] Prova per me'));
    expect(addressesOf(mail.to)).toEqual([TEST_ADMIN.email]);
    expect(await cms.strapi.db.query(SEND).count({ where: { issueDocumentId: documentId } })).toBe(0);
    expect((await issueOf(documentId)).issueStatus).toBe('bozza');
  });

  it('sends an issue of articles once to the confirmed subscribers whose interests match, with the RFC 8058 headers', async () => {
    const subject = 'Articoli della settimana';
    const documentId = await newIssue({ subject, articles: [article.documentId] });
    const queued = await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/send`);
    expect(queued.status, await queued.clone().text()).toBe(202);
    // A second «Invia» is refused: an issue goes out once.
    const again = await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/send`);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/non si manda due volte/);

    const started = Date.now();
    const summary = await sendQueuedNewsletters(cms.strapi);
    const elapsed = Date.now() - started;
    expect(summary).toMatchObject({ sent: 2, failed: 1 });
    // The refused address: 2 attempts (NEWSLETTER_SEND_MAX_ATTEMPTS), then «Non inviata» with the server's answer.
    const rows = await issueRows(documentId);
    expect(rows.map((row) => row.sendStatus).sort()).toEqual(['fallita', 'inviata', 'inviata']);
    const failed = rows.find((row) => row.sendStatus === 'fallita')!;
    expect(failed).toMatchObject({ subscriberDocumentId: ids.get(REFUSED), attempts: 2 });
    expect(failed.lastError).toMatch(/550/);
    expect(rows.every((row) => row.key === `${documentId}:${row.subscriberDocumentId}`)).toBe(true);
    // 4 SMTP transactions at 600 a minute: at least 3 intervals of 100 ms.
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(await issueOf(documentId)).toMatchObject({ issueStatus: 'inviata', totalCount: 3, sentCount: 2, failedCount: 1 });

    const copies = copiesByAddress(smtp.messages, ofIssue(subject));
    // Sent to the address as given (Categoria@…), matched by its lowercased key.
    expect(Object.fromEntries(copies)).toEqual({ 'tutto@example.org': 1, 'Categoria@example.org': 1 });
    const mail = smtp.messages.find(ofIssue(subject))!;
    // The subscriber's own signed one-click link (src/api/newsletter-subscriber/lib/links.ts), also in the footer.
    expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/newsletter-subscriptions\/unsubscribe\?[^>]+>$/);
    expect(mail.text).toMatch(/Disiscriviti con un clic: https:\/\/chiudeteicallcenter\.example\/\S+/);
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`${SITE}/articoli/${article.slug}`);
    expect(mail.html).toContain(`href="${SITE}/articoli/${article.slug}"`);

    // Nothing more on another run.
    expect(await sendQueuedNewsletters(cms.strapi)).toMatchObject({ sent: 0, failed: 0 });
    expect(copiesByAddress(smtp.messages, ofIssue(subject)).get('tutto@example.org')).toBe(1);
  });

  it('sends an issue of testimonies to those interested in testimonies, and to those without interests', async () => {
    const subject = 'Nuove testimonianze';
    const documentId = await newIssue({ subject, testimonies: [testimony.documentId] });
    expect((await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/send`)).status).toBe(202);
    await sendQueuedNewsletters(cms.strapi);
    expect([...copiesByAddress(smtp.messages, ofIssue(subject)).keys()].sort()).toEqual(['testimonianze@example.org', 'tutto@example.org']);
    expect(smtp.messages.find(ofIssue(subject))!.text).toContain(`${SITE}/testimonianze/${testimony.slug}`);
  });

  it('sends nothing to a subscriber erased after the list was made, nor anything of an issue stopped', async () => {
    const subject = 'Disiscritti nel frattempo';
    const documentId = await newIssue({ subject, audienceInterests: [] });
    expect((await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/send`)).status).toBe(202);
    await listRecipients(cms.strapi, (await loadIssue(cms.strapi, documentId))!);
    await cms.strapi.documents(SUBSCRIBER as never).delete({ documentId: ids.get('altro@example.org')! });
    await sendQueuedNewsletters(cms.strapi);
    const copies = copiesByAddress(smtp.messages, ofIssue(subject));
    expect(copies.has('altro@example.org')).toBe(false);
    expect(copies.get('tutto@example.org')).toBe(1);
    const erased = (await issueRows(documentId)).find((row) => row.subscriberDocumentId === ids.get('altro@example.org'));
    expect(erased?.sendStatus).toBe('annullata');

    const stoppedSubject = 'Interrotta';
    const stopped = await newIssue({ subject: stoppedSubject, articles: [article.documentId] });
    expect((await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${stopped}/send`)).status).toBe(202);
    await cms.strapi.db.query(ISSUE).update({ where: { documentId: stopped }, data: { issueStatus: 'interrotta' } });
    await sendQueuedNewsletters(cms.strapi);
    expect(smtp.messages.filter(ofIssue(stoppedSubject))).toEqual([]);
  });

  it('refuses an empty issue', async () => {
    const documentId = (await cms.strapi.documents(ISSUE).create({ data: { subject: 'Vuota' } as never })).documentId;
    const res = await adminCall(cms.url, token, 'POST', `/admin/newsletter-issues/${documentId}/send`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/vuoto/);
  });

  it('creates the weekly digest only when switched on, of what was published that week, and sends it', async () => {
    expect(await runWeeklyDigest(cms.strapi)).toEqual({ created: false, reason: 'off' });
    const settings = 'api::newsletter-setting.newsletter-setting';
    await cms.strapi.documents(settings).create({ data: { weeklyDigestEnabled: true } as never });
    // The demo content carries its historical publication dates: one article comes out now.
    await cms.strapi.db.query('api::article.article').updateMany({ where: { documentId: article.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: new Date() } });
    const outcome = await runWeeklyDigest(cms.strapi);
    expect(outcome).toMatchObject({ created: true });
    if (!outcome.created) return;
    expect(outcome).toMatchObject({ articles: 1, testimonies: 0 });
    const issue = (await loadIssue(cms.strapi, outcome.documentId))!;
    expect(issue).toMatchObject({ kind: 'settimanale', issueStatus: 'in_invio' });
    expect(await runWeeklyDigest(cms.strapi)).toEqual({ created: false, reason: 'recent' });
    await sendQueuedNewsletters(cms.strapi);
    expect(copiesByAddress(smtp.messages, ofIssue(issue.subject)).get('tutto@example.org')).toBe(1);
    // A week later with nothing new: nothing.
    expect(await runWeeklyDigest(cms.strapi, new Date(Date.now() + 30 * 24 * 3600_000))).toEqual({ created: false, reason: 'nothing-published' });
  });

  describe('POST /api/newsletter-events', () => {
    const post = (body: unknown, secret?: string) =>
      fetch(`${cms.url}/api/newsletter-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { [NEWSLETTER_EVENTS_SECRET_HEADER]: secret }) },
        body: JSON.stringify({ data: body }),
      });

    it('refuses a call without the secret, or with a wrong one', async () => {
      expect((await post({ type: 'complaint', email: 'tutto@example.org' })).status).toBe(401);
      expect((await post({ type: 'complaint', email: 'tutto@example.org' }, 'sbagliato')).status).toBe(401);
      expect(await cms.strapi.db.query(SUBSCRIBER as never).count({ where: { emailKey: 'tutto@example.org' } })).toBe(1);
    });

    it('refuses every call while NEWSLETTER_EVENTS_SECRET is not set', async () => {
      cms.strapi.config.set('newsletter-sending.eventsSecret', '');
      try {
        const res = await post({ type: 'complaint', email: 'tutto@example.org' }, '');
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/NEWSLETTER_EVENTS_SECRET/);
      } finally {
        cms.strapi.config.set('newsletter-sending.eventsSecret', EVENTS_SECRET);
      }
    });

    it('answers 400 with a clear message for a body that is not an event', async () => {
      const res = await post({ type: 'open', email: 'x' }, EVENTS_SECRET);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/type: deve essere "bounce" o "complaint"/);
    });

    it('records a soft bounce on the send rows and keeps the subscriber; a complaint erases them', async () => {
      const soft = await post({ type: 'bounce', email: 'TUTTO@example.org', hard: false, reason: 'mailbox full' }, EVENTS_SECRET);
      expect(soft.status).toBe(202);
      expect(((await soft.json()) as { data: { recorded: number; erased: boolean } }).data).toMatchObject({ erased: false });
      const row = (await cms.strapi.db.query(SEND).findOne({ where: { subscriberDocumentId: ids.get('tutto@example.org') } })) as { providerEvent: string };
      expect(row.providerEvent).toMatch(/Rimbalzo temporaneo.*mailbox full/);

      const complaint = await post({ type: 'complaint', email: 'tutto@example.org' }, EVENTS_SECRET);
      expect(((await complaint.json()) as { data: { erased: boolean } }).data.erased).toBe(true);
      expect(await cms.strapi.db.query(SUBSCRIBER as never).count({ where: { emailKey: 'tutto@example.org' } })).toBe(0);
    });
  });

  it('refuses a short events secret at boot, naming it', () => {
    expect(() => readNewsletterSendingConfig((name) => ({ NEWSLETTER_EVENTS_SECRET: 'corto' })[name])).toThrow(/NEWSLETTER_EVENTS_SECRET/);
    expect(readNewsletterSendingConfig(() => undefined)).toMatchObject({ ratePerMinute: 600, eventsSecret: '' });
  });
});
