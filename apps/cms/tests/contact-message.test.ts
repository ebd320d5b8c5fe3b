import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Modules } from '@strapi/strapi';
import { CONTACT_TOPICS, type ContactMessageInput, type ContactMessageReceipt, type FieldError } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { antiAbuseFields, antiAbuseTestEnv, solvedAltcha } from './helpers/anti-abuse';
import { addressesOf, startSmtp, type TestSmtp } from './helpers/smtp';
import type { ContactMessageService } from '../src/api/contact-message/services/contact-message';
import { composeContactMessageEmail } from '../src/api/contact-message/services/notification';
import { redazioneAddress } from '../src/public-forms';

/**
 * The contact form's endpoint, POST /api/contact-messages, against a real
 * Strapi, a real SQLite file and a real SMTP server. The anti-abuse layer is
 * the shared middleware (tested in anti-abuse.test.ts): here, only that each
 * of its checks guards this form, with this form's own token and limits.
 * Strapi trusts X-Forwarded-For (IS_PROXIED=true) so that each request can
 * come from its own address, and the rate-limit test from one.
 */

const UID = 'api::contact-message.contact-message';
const PATH = '/api/contact-messages';
const PUBLIC_URL = 'https://cms.example.test';
const REDAZIONE = 'redazione@example.test';
const SUBMISSIONS_PER_IP = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

const READER_EMAIL = 'marta.lettrice@example.org';

const valid = (overrides: Partial<Record<keyof ContactMessageInput, unknown>> = {}): Record<string, unknown> => ({
  name: 'Marta Rossi',
  email: READER_EMAIL,
  topic: 'libro',
  message: 'Buongiorno, il libro «Chiudete i Call Center in outsourcing» esiste anche in formato e-book?',
  privacyAccepted: true,
  ...overrides,
});

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: FieldError[] } };
}

let addresses = 0;
/** A fresh client address (TEST-NET-3), so each request has its own per-IP allowance. */
const newIp = () => `203.0.113.${++addresses}`;

describe('contact messages', () => {
  let cms: TestStrapi;
  let smtp: TestSmtp;
  /** Every status the API answered, to prove there was never a 500. */
  const statuses: Array<{ status: number; what: string }> = [];

  const raw = async (path: string, init: RequestInit = {}, ip = newIp()) => {
    const res = await fetch(`${cms.url}${path}`, { ...init, headers: { 'x-forwarded-for': ip, ...(init.headers as Record<string, string> | undefined) } });
    statuses.push({ status: res.status, what: `${init.method ?? 'GET'} ${path.slice(0, 120)}` });
    return res;
  };
  const postJson = (body: unknown, ip = newIp(), path = PATH) =>
    raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, ip);

  /** A message sent like the site sends it: form token and ALTCHA fetched and solved from the same address. */
  const send = async (data: Record<string, unknown>, ip = newIp()) =>
    postJson({ data: { ...data, ...(await antiAbuseFields(cms.url, 'contact', { 'x-forwarded-for': ip })) } }, ip);

  const sendValid = async (overrides: Parameters<typeof valid>[0] = {}) => {
    const res = await send(valid(overrides));
    expect(res.status).toBe(202);
    return ((await res.json()) as { data: ContactMessageReceipt }).data;
  };

  const errorsOf = async (res: Response) => ((await res.json()) as ErrorBody).error.details?.errors ?? [];
  const row = (documentId: string) => cms.strapi.db.query(UID).findOne({ where: { documentId } }) as Promise<Record<string, unknown> | null>;
  const count = () => cms.strapi.db.query(UID).count({});
  const service = () => cms.strapi.service(UID) as ContactMessageService;

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startTestStrapi('sqlite', {
      ...antiAbuseTestEnv,
      IS_PROXIED: 'true',
      RATE_LIMIT_SUBMISSIONS_PER_IP: String(SUBMISSIONS_PER_IP),
      RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      EMAIL_REDAZIONE: REDAZIONE,
      PUBLIC_URL,
      CRON_ENABLED: 'false',
      CONTACT_MESSAGE_RETENTION_DAYS: '365',
    });
  });

  afterAll(async () => {
    await cms?.stop();
    await smtp?.close();
  });

  describe('POST /api/contact-messages', () => {
    it('answers 202 with the id only, once the message is stored with the hashed address', async () => {
      const before = await count();
      const res = await send(valid());
      expect(res.status).toBe(202);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { data: ContactMessageReceipt };
      expect(body).toEqual({ data: { id: expect.stringMatching(/^\w{10,}$/) } });
      expect(await count()).toBe(before + 1);

      const stored = await row(body.data.id);
      expect(stored).toMatchObject({
        messageStatus: 'nuovo',
        topic: 'libro',
        name: 'Marta Rossi',
        email: READER_EMAIL,
        message: valid().message,
        privacyAccepted: true,
        internalNote: null,
        personalDataErasedAt: null,
      });
      expect(stored!.ipHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toMatch(/203\.0\.113\./);
      expect(Date.parse(String(stored!.createdAt))).toBeGreaterThan(Date.now() - 60_000);
    });

    it('stores an optional name left empty as none, and trims the text', async () => {
      const { id } = await sendValid({ name: '   ', message: `   ${valid().message}   ` });
      expect(await row(id)).toMatchObject({ name: null, message: valid().message });
    });

    it('e-mails the redazione the whole message, as plain text, with Reply-To the reader', async () => {
      const marker = `segnalazione-${randomBytes(3).toString('hex')}`;
      const message = `Nell'articolo sul telemarketing c'è un errore: <b>la data</b> è sbagliata. ${marker}\nGrazie!`;
      const { id } = await sendValid({ topic: 'segnalazione', name: 'Luca <script>', message });
      const mail = await smtp.waitFor((m) => m.text?.includes(marker) ?? false);

      expect(mail.subject).toBe('Messaggio dal sito: Segnalazione di un errore (da Luca <script>)');
      expect(addressesOf(mail.to)).toEqual([REDAZIONE]);
      expect(addressesOf(mail.replyTo)).toEqual([READER_EMAIL]);
      expect(mail.from?.value[0]?.address).toBe('noreply@chiudeteicallcenter.eu');
      expect(mail.text).toContain(message);
      // The HTML part is the same text, escaped: the reader's markup is never rendered.
      const html = typeof mail.html === 'string' ? mail.html : '';
      expect(html).toContain('&lt;b&gt;la data&lt;/b&gt;');
      expect(html).toContain('Luca &lt;script&gt;');
      expect(html).not.toMatch(/<b>|<script/);
      expect(mail.text).toContain(`E-mail: ${READER_EMAIL}`);
      expect(mail.text).toContain('Argomento: Segnalazione di un errore');
      expect(mail.text).toContain(`${PUBLIC_URL}/admin/content-manager/collection-types/${UID}/${id}`);
    });

    it('answers 400 with one coded Italian error per wrong field, and stores nothing', async () => {
      const before = await count();
      const res = await send(valid({ email: 'non-una-mail', message: 'Troppo corto', topic: 'reclamo', privacyAccepted: false }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: 'Invalid contact message: 4 field(s)' } });
      const errors = body.error.details?.errors ?? [];
      expect(errors.map((e) => e.code).sort()).toEqual(['email.invalid', 'message.too_short', 'privacyAccepted.required', 'topic.invalid']);
      expect(errors.find((e) => e.field === 'message')?.message).toMatch(/almeno 20 caratteri/);
      expect(await count()).toBe(before);
    });

    it.each([
      ['name', 'x'.repeat(81), 'name.too_long'],
      ['email', undefined, 'email.required'],
      ['email', 'marta@', 'email.invalid'],
      ['topic', undefined, 'topic.required'],
      ['topic', 'reclamo', 'topic.invalid'],
      ['message', undefined, 'message.required'],
      ['message', 'x'.repeat(19), 'message.too_short'],
      ['message', 'x'.repeat(5001), 'message.too_long'],
      ['privacyAccepted', false, 'privacyAccepted.required'],
      ['privacyAccepted', 'true', 'privacyAccepted.invalid'],
    ])('answers 400 to %s = %j with %s', async (field, value, code) => {
      const before = await count();
      const res = await send(valid({ [field]: value }));
      expect(res.status).toBe(400);
      const errors = await errorsOf(res);
      expect(errors).toEqual([{ field, code, message: expect.stringMatching(/\S{3,}.*\s.*\S/) }]);
      expect(await count()).toBe(before);
    });

    it.each([
      ['messageStatus', 'risposto'],
      ['internalNote', 'ok'],
      ['ipHash', 'f'.repeat(64)],
      ['personalDataErasedAt', '2020-01-01T00:00:00.000Z'],
      ['createdAt', '2020-01-01T00:00:00.000Z'],
      ['id', 1],
      ['documentId', 'abcdefghijklmnopqrstuvwx'],
    ])('refuses the field %s (mass assignment) with unknown_field and stores nothing', async (field, value) => {
      const before = await count();
      const res = await send({ ...valid(), [field]: value });
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toEqual([{ field, code: 'unknown_field', message: `Il campo «${field}» non fa parte del modulo.` }]);
      expect(await count()).toBe(before);
    });

    it('answers 400 to bodies that are not a JSON { data: {...} }', async () => {
      const attempts: Array<[string, RequestInit]> = [
        ['text', { body: 'data=1', headers: { 'content-type': 'text/plain' } }],
        ['no envelope', { body: JSON.stringify(valid()), headers: { 'content-type': 'application/json' } }],
        ['extra key', { body: JSON.stringify({ data: valid(), meta: { admin: true } }), headers: { 'content-type': 'application/json' } }],
      ];
      for (const [what, init] of attempts) {
        // A fresh address each (the default): these count towards the rate limit too.
        const res = await raw(PATH, { method: 'POST', ...init });
        expect(res.status, what).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.data, what).toBeNull();
        expect(body.error.message.length, what).toBeGreaterThan(10);
      }
    });

    it('answers 413 to a body over the public API\'s 64 KB', async () => {
      const res = await postJson({ data: valid({ message: 'x'.repeat(70 * 1024) }) });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError' } });
    });
  });

  describe('the shared anti-abuse layer guards this form', () => {
    const codeOf = async (res: Response) => (await errorsOf(res))[0]?.code;

    it('refuses a message without a form token', async () => {
      const ip = newIp();
      const res = await postJson({ data: { ...valid(), altcha: await solvedAltcha(cms.url, { 'x-forwarded-for': ip }), website: '' } }, ip);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('antiabuse.token_missing');
    });

    it('refuses a token issued for the testimony form', async () => {
      const ip = newIp();
      const testimonyFields = await antiAbuseFields(cms.url, 'testimony', { 'x-forwarded-for': ip });
      const res = await postJson({ data: { ...valid(), ...testimonyFields } }, ip);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('antiabuse.token_invalid');
    });

    it('refuses a filled honeypot', async () => {
      const ip = newIp();
      const res = await postJson({ data: { ...valid(), ...(await antiAbuseFields(cms.url, 'contact', { 'x-forwarded-for': ip })), website: 'https://spam.example' } }, ip);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('antiabuse.honeypot');
    });

    it('refuses a form sent sooner than the minimum fill time', async () => {
      const ip = newIp();
      const altcha = await solvedAltcha(cms.url, { 'x-forwarded-for': ip });
      const token = await (await raw('/api/form-tokens/contact', {}, ip)).json() as { data: { token: string } };
      const res = await postJson({ data: { ...valid(), formToken: token.data.token, altcha, website: '' } }, ip);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('antiabuse.too_fast');
    });

    it('accepts an ALTCHA solution once: a replay is refused', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'contact', { 'x-forwarded-for': ip });
      expect((await postJson({ data: { ...valid(), ...fields } }, ip)).status).toBe(202);
      const again = await antiAbuseFields(cms.url, 'contact', { 'x-forwarded-for': ip });
      const before = await count();
      const res = await postJson({ data: { ...valid(), ...again, altcha: fields.altcha } }, ip);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('antiabuse.challenge_replayed');
      expect(await count()).toBe(before);
    });

    it('limits messages per address with 429 and Retry-After, apart from the testimony form\'s limit', async () => {
      const ip = newIp();
      for (let i = 0; i < SUBMISSIONS_PER_IP; i++) expect((await postJson({ data: {} }, ip)).status).toBe(400);
      const limited = await postJson({ data: {} }, ip);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as ErrorBody).error).toMatchObject({ status: 429, name: 'RateLimitError' });

      // The same address still has its whole allowance on the testimony form.
      const testimony = await postJson({ data: {} }, ip, '/api/testimony-submissions');
      expect(testimony.status).toBe(400);
      expect(await codeOf(testimony)).toBe('antiabuse.token_missing');
    });
  });

  describe('nobody outside the admin reads messages', () => {
    let marker: string;
    let id: string;
    let readOnlyToken: string;

    beforeAll(async () => {
      marker = `marcatore-${randomBytes(4).toString('hex')}`;
      ({ id } = await sendValid({ message: `Un messaggio privato da non leggere in pubblico: ${marker}.` }));
      const tokens = cms.strapi.service('admin::api-token') as unknown as {
        create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
      };
      ({ accessKey: readOnlyToken } = await tokens.create({ name: 'Partner di prova', description: '', type: 'read-only', kind: 'content-api', lifespan: null }));
    });

    it('has no public permission on the type', async () => {
      const permissions = (await cms.strapi.db.query('plugin::users-permissions.permission').findMany({ select: ['action'] })) as Array<{ action: string }>;
      expect(permissions.filter((p) => p.action.startsWith(UID))).toEqual([]);
    });

    it.each([
      ['anonymously', () => ({})],
      ['with a read-only API token', () => ({ authorization: `Bearer ${readOnlyToken}` })],
    ])('gives 403/404/405 and no data to find, findOne, filters and populate, %s', async (_who, headers) => {
      const paths = [
        PATH,
        `${PATH}/${id}`,
        `${PATH}?filters[documentId][$eq]=${id}`,
        `${PATH}?populate=*`,
        `${PATH}?fields[0]=email&fields[1]=message`,
        '/api/contact-message',
      ];
      for (const path of paths) {
        const res = await raw(path, { headers: headers() });
        const text = await res.text();
        expect([403, 404, 405], path).toContain(res.status);
        expect(text, path).not.toContain(marker);
        expect(text, path).not.toContain(READER_EMAIL);
      }
      for (const [method, path] of [['PUT', `${PATH}/${id}`], ['DELETE', `${PATH}/${id}`], ['PATCH', `${PATH}/${id}`]] as const) {
        const res = await raw(path, { method, headers: { ...headers(), 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : JSON.stringify({ data: { messageStatus: 'risposto' } }) });
        expect([403, 404, 405], `${method} ${path}`).toContain(res.status);
      }
      expect((await row(id))?.messageStatus).toBe('nuovo');
    });

    it('leaks nothing through the other types\' populate', async () => {
      for (const path of ['/api/testimonies?populate=*', '/api/articles?populate=*', '/api/global?populate=*', '/api/authors?populate=*']) {
        const res = await raw(path, { headers: { authorization: `Bearer ${readOnlyToken}` } });
        expect(res.status, path).toBe(200);
        const text = await res.text();
        expect(text, path).not.toContain(marker);
        expect(text, path).not.toContain(READER_EMAIL);
      }
    });
  });

  describe('notification recipient', () => {
    it('is EMAIL_REDAZIONE when set, otherwise the site\'s contact address', async () => {
      expect(await redazioneAddress(cms.strapi)).toBe(REDAZIONE);
      const global = await cms.strapi.documents('api::global.global').findFirst({ fields: ['contactEmail'] });
      const original = global!.contactEmail ?? '';
      cms.strapi.config.set('submissions.redazioneEmail', '');
      try {
        expect(await redazioneAddress(cms.strapi)).toBe(original);
        await cms.strapi.documents('api::global.global').update({ documentId: global!.documentId, data: { contactEmail: 'scrivici@example.test' } });
        expect(await redazioneAddress(cms.strapi)).toBe('scrivici@example.test');
      } finally {
        cms.strapi.config.set('submissions.redazioneEmail', REDAZIONE);
        await cms.strapi.documents('api::global.global').update({ documentId: global!.documentId, data: { contactEmail: original } });
      }
    });

    it('composes plain text: control characters dropped, one-line subject and facts', () => {
      const mail = composeContactMessageEmail(
        {
          documentId: 'abc123',
          topic: 'stampa',
          name: 'Giulia\r\nBcc: tutti@example.test',
          email: 'giulia@example.org',
          message: 'Riga uno\r\nRiga due\u0007\u0000 fine',
          receivedAt: new Date('2019-07-20T08:30:00Z'),
        },
        { to: REDAZIONE, cmsUrl: 'http://localhost:1337/' },
      );
      expect(mail).toMatchObject({ to: REDAZIONE, replyTo: 'giulia@example.org', subject: 'Messaggio dal sito: Stampa e interviste (da Giulia Bcc: tutti@example.test)' });
      expect(mail.html).toBeUndefined();
      expect(mail.text).toContain('Riga uno\nRiga due fine');
      expect(mail.text).toContain('Nome: Giulia Bcc: tutti@example.test\n');
      expect(mail.text).toContain('Ricevuto il: 20 luglio 2019 alle ore 10:30');
      expect(mail.text).toContain(`http://localhost:1337/admin/content-manager/collection-types/${UID}/abc123`);
      expect([...mail.text].filter((char) => char !== '\n' && char < ' ')).toEqual([]);
    });
  });

  describe('retention', () => {
    type Input = Modules.Documents.Params.Data.Input<typeof UID>;
    const create = async (daysAgo: number, now: Date, data: Partial<Input> = {}) => {
      const { documentId } = await cms.strapi.documents(UID).create({
        data: {
          messageStatus: 'risposto',
          topic: 'informazioni',
          name: 'Paolo',
          email: 'paolo.privato@example.org',
          message: 'Un messaggio con dati personali: chiamatemi al 333 123 4567.',
          privacyAccepted: true,
          internalNote: 'Risposto il giorno dopo.',
          ipHash: 'f'.repeat(64),
          ...data,
        },
      });
      await cms.strapi.db.query(UID).update({ where: { documentId }, data: { createdAt: new Date(now.getTime() - daysAgo * DAY_MS) } });
      return documentId;
    };
    const PERSONAL = { name: null, email: null, message: null, internalNote: null, ipHash: null };

    it('erases the personal data of messages older than CONTACT_MESSAGE_RETENTION_DAYS, keeps topic, status and dates', async () => {
      const now = new Date();
      const old = await create(366, now);
      const recent = await create(364, now, { messageStatus: 'nuovo' });

      expect(await service().eraseExpiredPersonalData(now)).toBeGreaterThanOrEqual(1);
      const erased = await row(old);
      expect(erased).toMatchObject({ ...PERSONAL, topic: 'informazioni', messageStatus: 'risposto', privacyAccepted: true });
      expect(Date.parse(String(erased!.personalDataErasedAt))).toBe(now.getTime());
      expect(JSON.stringify(erased)).not.toContain('paolo.privato');
      expect(await row(recent)).toMatchObject({ email: 'paolo.privato@example.org', personalDataErasedAt: null });

      // Idempotent; two days later the other one goes too.
      expect(await service().eraseExpiredPersonalData(now)).toBe(0);
      expect(await service().eraseExpiredPersonalData(new Date(now.getTime() + 2 * DAY_MS))).toBe(1);
      expect(await row(recent)).toMatchObject({ ...PERSONAL, messageStatus: 'nuovo' });
      expect(await row(old)).toMatchObject({ personalDataErasedAt: erased!.personalDataErasedAt });
    });

    it('runs in the daily retention cron task', async () => {
      const old = await create(400, new Date());
      const tasks = cms.strapi.config.get<Record<string, { task: (context: { strapi: typeof cms.strapi }) => Promise<void>; options: unknown }>>('server.cron.tasks');
      expect(tasks.eraseExpiredSubmissionData?.options).toEqual({ rule: '0 30 3 * * *', tz: 'Europe/Rome' });
      await tasks.eraseExpiredSubmissionData!.task({ strapi: cms.strapi });
      expect(await row(old)).toMatchObject(PERSONAL);
    });
  });

  it('offers every topic of the shared vocabulary, and the schema agrees', () => {
    const { attributes } = cms.strapi.contentTypes[UID] as unknown as { attributes: Record<string, { enum?: string[]; private?: boolean }> };
    expect(attributes.topic?.enum).toEqual([...CONTACT_TOPICS]);
    for (const field of ['name', 'email', 'message', 'internalNote', 'ipHash']) expect(attributes[field]?.private, field).toBe(true);
  });

  it('never answered with a 5xx', () => {
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(40);
  });
});
