import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import {
  NEWSLETTER_NOTICE_TEXT,
  NEWSLETTER_NOTICE_VERSION,
  type FieldError,
  type NewsletterSubscriberData,
} from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { antiAbuseFields, antiAbuseTestEnv } from './helpers/anti-abuse';
import { addressesOf, startSmtp, type TestSmtp } from './helpers/smtp';
import { SUBSCRIBER_UID, type SubscriptionService } from '../src/api/newsletter-subscriber/services/subscription';
import { signLinkToken } from '../src/api/newsletter-subscriber/lib/links';
import type { NewsletterConfig } from '../src/api/newsletter-subscriber/lib/config';

/**
 * The newsletter's subscription side (issue #14) against a real Strapi, a
 * real SQLite file and a real SMTP server: subscribe, the double opt-in
 * e-mail, confirm once, the welcome e-mail, "my data", unsubscribe from the
 * site's page and by a mail client's RFC 8058 one-click POST, expired links,
 * the erasure of addresses never confirmed, and an answer that never tells
 * whether an address is subscribed.
 */

const PATH = '/api/newsletter-subscriptions';
const SITE_URL = 'https://sito.example.test';
const PUBLIC_URL = 'https://cms.example.test';
const DAY_MS = 24 * 60 * 60 * 1000;

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: FieldError[] } };
}

interface Row {
  id: number;
  documentId: string;
  email: string;
  emailKey: string;
  subscriberStatus: string;
  interests: unknown;
  consentAt: string;
  confirmedAt: string | null;
  noticeVersion: string;
  noticeText: string;
  linkSecret: string;
  ipHash: string | null;
}

let addresses = 0;
const newIp = () => `198.51.100.${++addresses}`;
let mailboxes = 0;
const newAddress = (name = 'lettrice') => `${name}.${++mailboxes}.${randomUUID().slice(0, 6)}@example.org`;

/** The token of a link in an e-mail (site pages carry it in the fragment, the one-click endpoint in the query). */
const tokenIn = (url: string): string => new URL(url).hash.replace(/^#token=/, '') || new URL(url).searchParams.get('token') || '';
const linkTo = (mail: ParsedMail, path: string): string => {
  const match = new RegExp(`https?://[^\\s"<>]+${path.replace(/\//g, '\\/')}[^\\s"<>]*`).exec(mail.text ?? '');
  if (!match) throw new Error(`No link to ${path} in the e-mail «${mail.subject}»:\n${mail.text}`);
  return match[0];
};
const headerOf = (mail: ParsedMail, name: string): string | undefined =>
  mail.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');

describe('newsletter subscriptions', () => {
  let cms: TestStrapi;
  let smtp: TestSmtp;
  let category: string;
  const statuses: Array<{ status: number; what: string }> = [];

  const raw = async (path: string, init: RequestInit = {}, ip = newIp()) => {
    const res = await fetch(`${cms.url}${path}`, { ...init, headers: { 'x-forwarded-for': ip, ...(init.headers as Record<string, string> | undefined) } });
    statuses.push({ status: res.status, what: `${init.method ?? 'GET'} ${path.slice(0, 120)}` });
    return res;
  };
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}, ip = newIp()) =>
    raw(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }, ip);
  const subscribe = async (data: Record<string, unknown>, headers: Record<string, string> = {}, ip = newIp()) =>
    postJson(PATH, { data: { ...data, ...(await antiAbuseFields(cms.url, 'newsletter', { 'x-forwarded-for': ip })) } }, headers, ip);
  const confirm = (token: string) => postJson(`${PATH}/confirm`, { data: { token } });
  const unsubscribe = (token: string) => postJson(`${PATH}/unsubscribe`, { data: { token } });
  const myData = (token: string) => raw(`${PATH}/data/${encodeURIComponent(token)}`);

  const rowOf = async (email: string) => (await cms.strapi.db.query(SUBSCRIBER_UID).findOne({ where: { emailKey: email.toLowerCase() } })) as Row | null;
  const count = () => cms.strapi.db.query(SUBSCRIBER_UID).count({});
  const errorsOf = async (res: Response) => ((await res.json()) as ErrorBody).error.details?.errors ?? [];
  const mailTo = (address: string, subject: RegExp) =>
    smtp.waitFor((m) => addressesOf(m.to).includes(address) && subject.test(m.subject ?? ''));
  const settings = () => cms.strapi.config.get<NewsletterConfig>('newsletter');

  /** A reader who subscribed and confirmed: their address, and the welcome e-mail's links. */
  const confirmedReader = async () => {
    const email = newAddress();
    expect((await subscribe({ email, privacyAccepted: true })).status).toBe(202);
    const confirmation = await mailTo(email, /^Conferma/);
    expect((await confirm(tokenIn(linkTo(confirmation, '/newsletter/conferma')))).status).toBe(200);
    const welcome = await mailTo(email, /^Iscrizione confermata/);
    return { email, welcome };
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startTestStrapi('sqlite', {
      ...antiAbuseTestEnv,
      IS_PROXIED: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SITE_URL,
      PUBLIC_URL,
      CRON_ENABLED: 'false',
      NEWSLETTER_LINK_SECRET: 'newsletter-links-test-secret-0123456789',
    });
    const categories = (await cms.strapi.db.query('api::category.category').findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug'], limit: 1 })) as Array<{ slug: string }>;
    category = categories[0]!.slug;
  });

  afterAll(async () => {
    await cms?.stop();
    await smtp?.close();
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  });

  it('stores a new address «da confermare» as given, with the notice agreed to, and answers 202', async () => {
    const email = `  Marta.Rossi.${randomUUID().slice(0, 6)}@Example.ORG `;
    const res = await subscribe({ email, interests: [category, 'testimonianze', 'non-esiste', category], privacyAccepted: true });
    expect(res.status).toBe(202);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ data: { status: 'received' } });

    const row = await rowOf(email.trim());
    expect(row).toMatchObject({
      email: email.trim(),
      emailKey: email.trim().toLowerCase(),
      subscriberStatus: 'da_confermare',
      interests: [category, 'testimonianze'],
      confirmedAt: null,
      noticeVersion: NEWSLETTER_NOTICE_VERSION,
      noticeText: NEWSLETTER_NOTICE_TEXT,
    });
    expect(row!.linkSecret).toMatch(/^[\w-]{32}$/);
    expect(row!.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(row!.consentAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sends the double opt-in e-mail (Italian, text and HTML, RFC 8058 headers), then confirms once, and welcomes', async () => {
    const email = newAddress('luca');
    expect((await subscribe({ email, privacyAccepted: true })).status).toBe(202);
    const mail = await mailTo(email, /^Conferma l'iscrizione/);
    expect(mail.subject).toBe('Conferma l\'iscrizione alla newsletter di Chiudete i Call Center');
    expect(mail.text).toContain('Il link vale 7 giorni');
    const link = linkTo(mail, '/newsletter/conferma');
    expect(link.startsWith(`${SITE_URL}/newsletter/conferma#token=confirm.`)).toBe(true);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('<html lang="it">');
    expect(html).toContain(`href="${link}"`);
    expect(html).not.toMatch(/<img|<script/i);
    expect(headerOf(mail, 'List-Unsubscribe')).toMatch(new RegExp(`^<${PUBLIC_URL}/api/newsletter-subscriptions/unsubscribe\\?token=unsubscribe\\.`));
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const first = await confirm(tokenIn(link));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { status: 'confermato' } });
    expect(await rowOf(email)).toMatchObject({ subscriberStatus: 'confermato', confirmedAt: expect.any(String) });

    const again = await confirm(tokenIn(link));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ data: { status: 'gia_confermato' } });

    const welcome = await mailTo(email, /^Iscrizione confermata/);
    expect(linkTo(welcome, '/newsletter/disiscriviti')).toMatch(/#token=unsubscribe\./);
    expect(linkTo(welcome, '/newsletter/i-miei-dati')).toMatch(/#token=manage\./);
    expect(headerOf(welcome, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(smtp.messages.filter((m) => addressesOf(m.to).includes(email))).toHaveLength(2);
  });

  it('gives the reader all their data with the "my data" link, and nothing with another link', async () => {
    const { email, welcome } = await confirmedReader();
    const res = await myData(tokenIn(linkTo(welcome, '/newsletter/i-miei-dati')));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { data } = (await res.json()) as { data: NewsletterSubscriberData };
    expect(data).toEqual({
      email,
      status: 'confermato',
      interests: [],
      consentAt: expect.any(String),
      confirmedAt: expect.any(String),
      noticeVersion: NEWSLETTER_NOTICE_VERSION,
      noticeText: NEWSLETTER_NOTICE_TEXT,
      createdAt: expect.any(String),
    });
    expect(Object.keys(data)).not.toContain('linkSecret');

    const unsubscribeToken = tokenIn(linkTo(welcome, '/newsletter/disiscriviti'));
    expect((await myData(unsubscribeToken)).status).toBe(404);
    const forged = tokenIn(linkTo(welcome, '/newsletter/i-miei-dati')).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused = await myData(forged);
    expect(refused.status).toBe(404);
    expect(await errorsOf(refused)).toEqual([{ field: 'token', code: 'token.invalid', message: expect.stringMatching(/non è valido/) }]);
    expect((await myData('qualcosa')).status).toBe(404);
  });

  it('unsubscribes from the site\'s page: the row is erased, the links die', async () => {
    const { email, welcome } = await confirmedReader();
    const token = tokenIn(linkTo(welcome, '/newsletter/disiscriviti'));
    const res = await unsubscribe(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { status: 'cancellato' } });
    expect(await rowOf(email)).toBeNull();
    // A second click: the same answer; the "my data" link: gone.
    expect((await unsubscribe(token)).status).toBe(200);
    const gone = await myData(tokenIn(linkTo(welcome, '/newsletter/i-miei-dati')));
    expect(gone.status).toBe(410);
    expect((await errorsOf(gone))[0]).toMatchObject({ code: 'subscriber.gone' });
  });

  it('unsubscribes by a mail client\'s RFC 8058 one-click POST (List-Unsubscribe=One-Click, form-encoded)', async () => {
    const { email, welcome } = await confirmedReader();
    const header = headerOf(welcome, 'List-Unsubscribe')!;
    const target = new URL(header.slice(1, -1));
    expect(target.origin).toBe(PUBLIC_URL);
    const oneClick = (body: string, type = 'application/x-www-form-urlencoded') =>
      raw(`${target.pathname}${target.search}`, { method: 'POST', headers: { 'content-type': type }, body });

    const withoutBody = await oneClick('', 'text/plain');
    expect(withoutBody.status).toBe(404);
    expect((await errorsOf(withoutBody))[0]).toMatchObject({ code: 'one_click.invalid', message: expect.stringMatching(/List-Unsubscribe=One-Click/) });
    expect(await rowOf(email)).not.toBeNull();

    const res = await oneClick('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(await rowOf(email)).toBeNull();
  });

  it('answers a known address exactly as a new one, creates no second row, and tells only the owner by e-mail', async () => {
    const { email } = await confirmedReader();
    const pending = newAddress('attesa');
    expect((await subscribe({ email: pending, privacyAccepted: true })).status).toBe(202);
    const before = await count();

    const answers = [];
    for (const address of [email, email.toUpperCase(), pending, newAddress('nuova')]) {
      const res = await subscribe({ email: address, privacyAccepted: true });
      answers.push({ status: res.status, body: await res.text(), cache: res.headers.get('cache-control') });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await count()).toBe(before + 1);
    expect(await rowOf(email)).toMatchObject({ subscriberStatus: 'confermato' });

    const notice = await mailTo(email, /^Sei già iscritto/);
    expect(linkTo(notice, '/newsletter/disiscriviti')).toMatch(/#token=unsubscribe\./);
    // The waiting address gets a new confirmation link.
    await smtp.waitFor(() => smtp.messages.filter((m) => addressesOf(m.to).includes(pending) && /^Conferma/.test(m.subject ?? '')).length === 2);
  });

  it('refuses an expired confirmation link (410), and a link of another purpose or subscriber (404)', async () => {
    const email = newAddress('lenta');
    expect((await subscribe({ email, privacyAccepted: true })).status).toBe(202);
    const row = (await rowOf(email))!;
    const eightDaysAgo = Date.now() - 8 * DAY_MS;
    const expired = await confirm(signLinkToken(settings().linkKey, 'confirm', row, 7, eightDaysAgo));
    expect(expired.status).toBe(410);
    expect((await errorsOf(expired))[0]).toMatchObject({ field: 'token', code: 'token.expired', message: expect.stringMatching(/scaduto.*iscriviti di nuovo/) });
    expect((await confirm(signLinkToken(settings().linkKey, 'manage', row, 7))).status).toBe(404);
    expect((await confirm(signLinkToken(settings().linkKey, 'confirm', { ...row, linkSecret: 'another' }, 7))).status).toBe(404);
    expect(await rowOf(email)).toMatchObject({ subscriberStatus: 'da_confermare' });
  });

  it('erases, in its hourly job, the addresses not confirmed within 7 days of their last request, and nothing else', async () => {
    const tasks = cms.strapi.config.get<Record<string, { task: (context: { strapi: typeof cms.strapi }) => Promise<void>; options: unknown }>>('server.cron.tasks');
    expect(tasks.eraseUnconfirmedNewsletterSubscribers?.options).toEqual({ rule: '0 20 * * * *', tz: 'Europe/Rome' });

    const make = async (status: 'da_confermare' | 'confermato', daysAgo: number) => {
      const email = newAddress(`${status}-${daysAgo}`);
      const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
      await cms.strapi.documents(SUBSCRIBER_UID).create({
        data: { email, emailKey: email, subscriberStatus: status, interests: [], consentAt: at, confirmedAt: status === 'confermato' ? at : undefined, noticeVersion: 'v', noticeText: 't', linkSecret: randomUUID() },
      });
      return email;
    };
    const old = await make('da_confermare', 8);
    const recent = await make('da_confermare', 6);
    const confirmedLongAgo = await make('confermato', 30);

    await tasks.eraseUnconfirmedNewsletterSubscribers!.task({ strapi: cms.strapi });
    expect(await rowOf(old)).toBeNull();
    expect(await rowOf(recent)).not.toBeNull();
    expect(await rowOf(confirmedLongAgo)).not.toBeNull();
    const service = cms.strapi.service('api::newsletter-subscriber.subscription') as SubscriptionService;
    expect(await service.eraseUnconfirmed(new Date(Date.now() + 2 * DAY_MS))).toBe(1);
    expect(await rowOf(recent)).toBeNull();
  });

  it('answers 400 with one coded Italian error per wrong field, and stores nothing', async () => {
    const before = await count();
    const res = await subscribe({ email: 'non-una-mail', interests: ['<script>'], privacyAccepted: false, website2: 'x' });
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors.map((e) => e.code).sort()).toEqual(['email.invalid', 'interests.invalid', 'privacyAccepted.required', 'unknown_field']);
    expect(errors.find((e) => e.field === 'privacyAccepted')?.message).toMatch(/informativa/);
    expect(errors.find((e) => e.field === 'email')?.message).toMatch(/non sembra valido/);

    const tooMany = await subscribe({ email: newAddress(), interests: Array.from({ length: 31 }, (_, i) => `c${i}`), privacyAccepted: true });
    expect(await errorsOf(tooMany)).toEqual([{ field: 'interests', code: 'interests.too_long', message: 'Puoi scegliere al massimo 30 argomenti.' }]);

    const noToken = await postJson(`${PATH}/confirm`, { data: {} });
    expect(noToken.status).toBe(400);
    expect(await errorsOf(noToken)).toEqual([{ field: 'token', code: 'token.required', message: expect.stringMatching(/link non è completo/) }]);
    expect((await postJson(`${PATH}/unsubscribe`, { token: 'x' })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('guards the form with the anti-abuse layer, under its own form name', async () => {
    const before = await count();
    const noProof = await postJson(PATH, { data: { email: newAddress(), privacyAccepted: true } });
    expect(noProof.status).toBe(400);
    const { formToken, altcha } = await antiAbuseFields(cms.url, 'contact');
    const otherForm = await postJson(PATH, { data: { email: newAddress(), privacyAccepted: true, formToken, altcha, website: '' } });
    expect(otherForm.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key once (no second e-mail), and 422 to the key with other content', async () => {
    const email = newAddress('riprova');
    const key = randomUUID();
    expect((await subscribe({ email, privacyAccepted: true }, { 'idempotency-key': key })).status).toBe(202);
    await mailTo(email, /^Conferma/);
    const retry = await postJson(PATH, { data: { email, privacyAccepted: true, formToken: 'stale', altcha: 'stale', website: '' } }, { 'idempotency-key': key });
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual({ data: { status: 'received' } });
    const other = await postJson(PATH, { data: { email: newAddress(), privacyAccepted: true } }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    const malformed = await postJson(PATH, { data: { email, privacyAccepted: true } }, { 'idempotency-key': 'not-a-uuid' });
    expect(malformed.status).toBe(400);
    expect(smtp.messages.filter((m) => addressesOf(m.to).includes(email))).toHaveLength(1);
  });

  it('is never reachable through the content API, whatever the query', async () => {
    const { email } = await confirmedReader();
    for (const path of [
      '/api/newsletter-subscribers',
      '/api/newsletter-subscribers?populate=*',
      `/api/newsletter-subscribers?filters[email][$eq]=${encodeURIComponent(email)}`,
      '/api/newsletter-subscriber',
      `${PATH}`,
      `${PATH}/data`,
      `/api/articles?populate[newsletterSubscribers]=*`,
    ]) {
      const res = await raw(path);
      const text = await res.text();
      expect([400, 403, 404, 405], `${path}: ${res.status}`).toContain(res.status);
      expect(text).not.toContain(email);
    }
  });
});
