import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldError, SubmissionReceipt, SubmissionState, TestimonySubmissionInput } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { antiAbuseFields, antiAbuseTestEnv } from './helpers/anti-abuse';
import { addressesOf, startSmtp, type TestSmtp } from './helpers/smtp';
import { parseSubmissionBody, type SubmissionService } from '../src/api/testimony-submission/services/submission';
import { composeNewSubmissionEmail } from '../src/api/testimony-submission/services/notification';

const SUBMISSION = 'api::testimony-submission.testimony-submission';
const TESTIMONY = 'api::testimony.testimony';
const PUBLIC_URL = 'https://cms.example.test';
const SITE_URL = 'https://www.example.test';
const REDAZIONE = 'redazione@example.test';
const TOKEN_REQUESTS_PER_IP = 80;
const DAY_MS = 24 * 60 * 60 * 1000;

const PHONE = '333 123 4567';
const EMAIL_IN_STORY = 'mario.rossi@example.com';
const CONTACT_EMAIL = 'marta.contatto@example.org';

const story = (extra = '') =>
  `Il 12 marzo ho chiamato il servizio clienti per una bolletta doppia. ${extra}`
  + 'L\'operatore mi ha detto che la bolletta era giusta, il secondo che andava pagata due volte, '
  + 'il terzo che dovevo scrivere una PEC. Nessuno ha letto la mia pratica e ogni chiamata ripartiva da zero.';

const valid = (overrides: Partial<Record<keyof TestimonySubmissionInput, unknown>> = {}): Record<string, unknown> => ({
  role: 'cliente',
  displayName: 'Marta da Bari',
  contactEmail: CONTACT_EMAIL,
  sector: 'telefonia',
  companyBrand: 'Gestore Esempio',
  channel: 'assistenza_telefonica',
  eventMonth: '2019-03',
  title: 'Tre chiamate, tre risposte diverse',
  story: story(),
  consentToPublish: true,
  privacyAccepted: true,
  ...overrides,
});

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: FieldError[] } };
}

describe('testimony submissions', () => {
  let cms: TestStrapi;
  let smtp: TestSmtp;
  /** Every status the API answered, to prove there was never a 500. */
  const statuses: Array<{ status: number; what: string }> = [];

  const raw = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${cms.url}${path}`, init);
    statuses.push({ status: res.status, what: `${init?.method ?? 'GET'} ${path.slice(0, 120)}` });
    return res;
  };
  const postJson = (path: string, body: unknown) =>
    raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** A legitimate submission: the anti-abuse fields are fetched and solved like the site does. */
  const submit = async (data: Record<string, unknown>, envelope: (data: Record<string, unknown>) => unknown = (d) => ({ data: d })) =>
    postJson('/api/testimony-submissions', envelope({ ...data, ...(await antiAbuseFields(cms.url)) }));

  const submitValid = async (overrides: Parameters<typeof valid>[0] = {}) => {
    const res = await submit(valid(overrides));
    expect(res.status).toBe(202);
    return ((await res.json()) as { data: SubmissionReceipt }).data;
  };

  const service = () => cms.strapi.service('api::testimony-submission.submission') as SubmissionService;
  const row = (documentId: string) => cms.strapi.db.query(SUBMISSION).findOne({ where: { documentId } }) as Promise<Record<string, unknown> | null>;
  const count = () => cms.strapi.db.query(SUBMISSION).count({});
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startTestStrapi('sqlite', {
      ...antiAbuseTestEnv,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      EMAIL_REDAZIONE: REDAZIONE,
      PUBLIC_URL,
      SITE_URL,
      CRON_ENABLED: 'false',
      RATE_LIMIT_TOKEN_REQUESTS_PER_IP: String(TOKEN_REQUESTS_PER_IP),
    });
  });

  afterAll(async () => {
    await cms?.stop();
    await smtp?.close();
  });

  describe('POST /api/testimony-submissions', () => {
    it('answers 202 with a private token, stores only its hash, the raw story and the redacted one', async () => {
      const before = await count();
      const res = await submit(valid({ story: story(`Richiamatemi al ${PHONE} o scrivete a ${EMAIL_IN_STORY}. `) }));
      expect(res.status).toBe(202);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { data: SubmissionReceipt };
      expect(Object.keys(body)).toEqual(['data']);
      expect(Object.keys(body.data).sort()).toEqual(['accessToken', 'id', 'linkEmailed', 'status']);
      expect(body.data.linkEmailed).toBe(true);
      expect(body.data.status).toBe('nuova');
      expect(body.data.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await count()).toBe(before + 1);

      const stored = await row(body.data.id);
      expect(stored).toBeTruthy();
      expect(stored!.accessTokenHash).toBe(sha256(body.data.accessToken));
      expect(JSON.stringify(stored)).not.toContain(body.data.accessToken);
      expect(stored).toMatchObject({
        submissionStatus: 'nuova',
        role: 'cliente',
        displayName: 'Marta da Bari',
        contactEmail: CONTACT_EMAIL,
        title: 'Tre chiamate, tre risposte diverse',
        consentToPublish: true,
        privacyAccepted: true,
        personalDataErasedAt: null,
      });
      expect(stored!.story).toContain(PHONE);
      expect(stored!.story).toContain(EMAIL_IN_STORY);
      expect(stored!.redactedStory).not.toContain(PHONE);
      expect(stored!.redactedStory).not.toContain(EMAIL_IN_STORY);
      expect(stored!.redactedStory).toContain('[telefono rimosso]');
      expect(stored!.redactedStory).toContain('[e-mail rimossa]');
      const findings = stored!.personalDataFindings as Array<{ kind: string }>;
      expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['phone', 'email']));
      expect(stored!.ipHash).toMatch(/^[0-9a-f]{64}$/);
      expect(new Date(stored!.submittedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('e-mails the redazione the title, facts and REDACTED excerpt, never the raw personal data', async () => {
      const title = 'Il numero verde che nessuno richiama';
      const receipt = await submitValid({ title, story: story(`Il mio numero è ${PHONE}, la mia e-mail ${EMAIL_IN_STORY}. `) });
      const mail = await smtp.waitFor((m) => m.subject?.includes(title) ?? false);

      expect(mail.subject).toBe(`Nuova testimonianza da moderare: ${title}`);
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      expect(to.flatMap((address) => address?.value.map((v) => v.address) ?? [])).toEqual([REDAZIONE]);
      expect(mail.from?.value[0]?.address).toBe('noreply@chiudeteicallcenter.eu');

      const text = mail.text ?? '';
      const html = typeof mail.html === 'string' ? mail.html : '';
      for (const part of [text, html]) {
        expect(part).not.toContain(PHONE);
        expect(part).not.toContain('3331234567');
        expect(part).not.toContain(EMAIL_IN_STORY);
        expect(part).not.toContain(CONTACT_EMAIL);
        expect(part).toContain('[telefono rimosso]');
        expect(part).toContain('[e-mail rimossa]');
        expect(part).toContain('Telefonia fissa e mobile');
        expect(part).toContain('Cliente');
        expect(part).toContain(`${PUBLIC_URL}/admin/content-manager/collection-types/${SUBMISSION}/${receipt.id}`);
      }
      expect(text).toMatch(/Dati personali trovati e oscurati: [2-9]/);
      expect(mail.text).not.toContain(receipt.accessToken);
    });

    it('e-mails the submitter who gave an address their private link, and only them', async () => {
      const title = 'Il link privato arriva per e-mail';
      const receipt = await submitValid({ title, contactEmail: 'lettrice.link@example.org' });
      expect(receipt.linkEmailed).toBe(true);
      const mail = await smtp.waitFor((m) => addressesOf(m.to).includes('lettrice.link@example.org'));

      expect(mail.subject).toBe('La tua storia è arrivata: ecco il tuo link privato');
      expect(addressesOf(mail.to)).toEqual(['lettrice.link@example.org']);
      const link = `${SITE_URL}/testimonianze/stato#${receipt.accessToken}`;
      expect(mail.text).toContain(link);
      expect(mail.text).toContain(`«${title}»`);
      expect(typeof mail.html === 'string' ? mail.html : '').toContain(`href="${link}"`);
      // The link opens the submission: the redazione's copy never carries it.
      const editors = await smtp.waitFor((m) => m.subject === `Nuova testimonianza da moderare: ${title}`);
      expect(editors.text).not.toContain(receipt.accessToken);
      expect(addressesOf(editors.to)).toEqual([REDAZIONE]);
      // And the link works: the status page's endpoint answers for it.
      const status = await raw(`/api/testimony-submissions/status/${receipt.accessToken}`);
      expect(status.status).toBe(200);
    });

    it('sends nothing to the submitter who gave no address, and says so in the receipt', async () => {
      const title = 'Nessun indirizzo, nessuna e-mail';
      const before = smtp.messages.length;
      const receipt = await submitValid({ title, contactEmail: undefined });
      expect(receipt.linkEmailed).toBe(false);
      await smtp.waitFor((m) => m.subject === `Nuova testimonianza da moderare: ${title}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const since = smtp.messages.slice(before);
      expect(since.filter((m) => m.text?.includes(receipt.accessToken))).toEqual([]);
      expect(since.flatMap((m) => addressesOf(m.to))).toEqual([REDAZIONE]);
    });

    it('answers 400 with one coded Italian error per wrong field, and stores nothing', async () => {
      const before = await count();
      const res = await submit(valid({ story: 'Troppo corta', contactEmail: 'non-una-mail', eventMonth: '2019-13', privacyAccepted: false }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.data).toBeNull();
      expect(body.error).toMatchObject({ status: 400, name: 'ValidationError', message: 'Invalid submission: 4 field(s)' });
      const errors = body.error.details?.errors ?? [];
      expect(errors.map((e) => e.code).sort()).toEqual(['contactEmail.invalid', 'eventMonth.invalid', 'privacyAccepted.required', 'story.too_short']);
      expect(errors.find((e) => e.field === 'story')?.message).toMatch(/almeno 200 caratteri/);
      expect(errors.find((e) => e.field === 'privacyAccepted')?.message).toMatch(/informativa sulla privacy/);
      expect(await count()).toBe(before);
    });

    it('answers 400 to values of the wrong type', async () => {
      const res = await submit(valid({ role: 5, consentToPublish: 'true', story: ['una', 'lista'], displayName: { nome: 'x' }, sector: null }));
      expect(res.status).toBe(400);
      const errors = ((await res.json()) as ErrorBody).error.details?.errors ?? [];
      expect(errors.map((e) => e.field).sort()).toEqual(['consentToPublish', 'displayName', 'role', 'sector', 'story']);
      for (const error of errors) expect(error.message.length).toBeGreaterThan(10);
    });

    it('answers 400 to bodies that are not { data: {...} }, and stores nothing', async () => {
      const before = await count();
      const attempts: Array<[string, RequestInit]> = [
        ['array', { body: JSON.stringify([valid()]), headers: { 'content-type': 'application/json' } }],
        ['string', { body: JSON.stringify('ciao'), headers: { 'content-type': 'application/json' } }],
        ['number', { body: '42', headers: { 'content-type': 'application/json' } }],
        ['null', { body: 'null', headers: { 'content-type': 'application/json' } }],
        ['no envelope', { body: JSON.stringify(valid()), headers: { 'content-type': 'application/json' } }],
        ['data array', { body: JSON.stringify({ data: [valid()] }), headers: { 'content-type': 'application/json' } }],
        ['data string', { body: JSON.stringify({ data: 'x' }), headers: { 'content-type': 'application/json' } }],
        ['malformed JSON', { body: '{"data": {', headers: { 'content-type': 'application/json' } }],
        ['text', { body: 'data=1', headers: { 'content-type': 'text/plain' } }],
        ['form', { body: 'data[role]=cliente', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
        ['empty', {}],
      ];
      for (const [what, init] of attempts) {
        const res = await raw('/api/testimony-submissions', { method: 'POST', ...init });
        expect(res.status, what).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.data, what).toBeNull();
        expect(body.error.message.length, what).toBeGreaterThan(10);
      }
      expect(await count()).toBe(before);
    });

    it('answers 400 with a clear message to an envelope with more than "data"', async () => {
      const res = await submit(valid(), (data) => ({ data, meta: { admin: true } }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.message).toMatch(/only contain "data".*"meta"/);
      expect(body.error.details?.errors?.[0]).toMatchObject({ field: '_form', code: '_form.invalid' });
    });

    it.each([
      ['submissionStatus', 'approvata'],
      ['publishedAt', '2020-01-01T00:00:00.000Z'],
      ['id', 1],
      ['documentId', 'abcdefghijklmnopqrstuvwx'],
      ['testimony', 1],
      ['rejectionReason', 'spam'],
      ['accessTokenHash', 'x'.repeat(64)],
      ['moderatorNote', 'ok'],
    ])('refuses the field %s (mass assignment) with unknown_field and stores nothing', async (field, value) => {
      const before = await count();
      const res = await submit({ ...valid(), [field]: value });
      expect(res.status).toBe(400);
      const errors = ((await res.json()) as ErrorBody).error.details?.errors ?? [];
      expect(errors).toEqual([{ field, code: 'unknown_field', message: `Il campo «${field}» non fa parte del modulo.` }]);
      expect(await count()).toBe(before);
    });

    it('answers 413 in Strapi\'s envelope to a 200 KB body, and to a chunked 2 MB one', async () => {
      const huge = JSON.stringify({ data: valid({ story: 'x'.repeat(200 * 1024) }) });
      const res = await raw('/api/testimony-submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
      expect(res.status).toBe(413);
      const body = (await res.json()) as ErrorBody;
      expect(body).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError' } });
      expect(body.error.message).toMatch(/too large.*64 KB/);

      // Without Content-Length the limit is strapi::body's own (koa-body), mapped to the same envelope.
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(`${cms.url}/api/testimony-submissions`);
        const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
        const chunk = 'x'.repeat(64 * 1024);
        req.write(`{"data":{"story":"`);
        for (let i = 0; i < 32; i++) req.write(chunk);
        req.end('"}}');
      });
      statuses.push({ status: chunked.status, what: 'POST chunked 2 MB' });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body)).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError' } });
    });

    it('keeps the larger limit for the admin, where editors save whole articles', async () => {
      const body = JSON.stringify({ email: 'nessuno@example.test', password: 'x'.repeat(200 * 1024) });
      const res = await raw('/admin/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).not.toBe(413);
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('nobody can read submissions', () => {
    it('gives 403/404/405 and never any data to list, findOne, filter and populate tricks', async () => {
      const marker = `marcatore-${randomBytes(4).toString('hex')}`;
      const receipt = await submitValid({ title: 'Una storia da non leggere in pubblico', story: story(`Codice pratica ${marker}. `) });
      const id = receipt.id;
      const paths = [
        '/api/testimony-submissions',
        `/api/testimony-submissions/${id}`,
        `/api/testimony-submissions?filters[documentId][$eq]=${id}`,
        '/api/testimony-submissions?populate=*',
        '/api/testimony-submissions?fields[0]=contactEmail&fields[1]=story',
        `/api/testimony-submissions?filters[accessTokenHash][$startsWith]=a`,
        '/api/testimony-submissions?status=draft',
        '/api/testimony-submissions/status',
        `/api/testimony-submissions/status/${id}`,
        `/api/testimony-submissions/status/${id}?populate=*`,
        `/api/testimony-submissions/withdraw/${receipt.accessToken}`,
        '/api/testimonies?populate=*',
        '/api/testimonies?populate[testimonySubmission]=*',
        '/api/testimony-submission',
      ];
      for (const path of paths) {
        const res = await raw(path);
        const text = await res.text();
        if (path.startsWith('/api/testimonies')) {
          expect([200, 400], path).toContain(res.status);
        } else {
          expect([400, 403, 404, 405], path).toContain(res.status);
          expect(JSON.parse(text).data ?? null, path).toBeNull();
        }
        expect(text, path).not.toContain('Una storia da non leggere');
        expect(text, path).not.toContain(CONTACT_EMAIL);
        expect(text, path).not.toContain(marker);
      }

      const headers = { 'content-type': 'application/json' };
      const payload = JSON.stringify({ data: { submissionStatus: 'approvata' } });
      for (const [method, path] of [['PUT', `/api/testimony-submissions/${id}`], ['DELETE', `/api/testimony-submissions/${id}`], ['PATCH', `/api/testimony-submissions/${id}`], ['PUT', '/api/testimony-submissions']] as const) {
        const res = await raw(path, { method, headers, body: method === 'DELETE' ? undefined : payload });
        expect([403, 404, 405], `${method} ${path}`).toContain(res.status);
      }
      expect((await row(id))?.submissionStatus).toBe('nuova');
    });
  });

  describe('status and withdrawal by token', () => {
    it('shows the state for the token, with no-store and no-referrer, and nothing else', async () => {
      const receipt = await submitValid({ title: 'Il contratto mai firmato' });
      const res = await raw(`/api/testimony-submissions/status/${receipt.accessToken}?populate=*&fields[0]=contactEmail`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const { data } = (await res.json()) as { data: SubmissionState };
      expect(Object.keys(data).sort()).toEqual(['canWithdraw', 'moderatedAt', 'status', 'submittedAt', 'testimonySlug', 'title', 'withdrawnAt']);
      expect(data).toMatchObject({ status: 'nuova', title: 'Il contratto mai firmato', moderatedAt: null, withdrawnAt: null, testimonySlug: null, canWithdraw: true });
      expect(new Date(data.submittedAt).toISOString()).toBe(data.submittedAt);
    });

    it.each([
      ['an unknown token', () => randomBytes(32).toString('base64url')],
      ['a malformed token', () => 'not-a-token'],
      ['a very long token', () => 'a'.repeat(5000)],
      ['the token\'s hash', () => sha256('x')],
    ])('answers 404 to %s, on status and withdraw', async (_what, token) => {
      for (const [method, action] of [['GET', 'status'], ['POST', 'withdraw']] as const) {
        const res = await raw(`/api/testimony-submissions/${action}/${encodeURIComponent(token())}`, { method });
        expect(res.status).toBe(404);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const body = (await res.json()) as ErrorBody;
        expect(body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      }
    });

    it('withdraws: unpublishes and deletes the linked testimony, erases personal data, idempotently', async () => {
      const receipt = await submitValid({ title: 'La disdetta che non arriva mai', story: story(`Chiamatemi al ${PHONE}. `) });
      const slug = `disdetta-mai-${randomBytes(3).toString('hex')}`;
      const testimony = await cms.strapi.documents(TESTIMONY).create({
        data: {
          title: 'La disdetta che non arriva mai',
          slug,
          role: 'cliente',
          sector: 'telefonia',
          channel: 'assistenza_telefonica',
          eventMonth: '2019-03',
          story: 'Una storia approvata e pubblicata, con i dati personali già tolti dalla redazione. '.repeat(2),
          displayName: 'Marta da Bari',
        },
        status: 'published',
      });
      const moderatedAt = new Date(Date.now() - 60_000).toISOString();
      await cms.strapi.documents(SUBMISSION).update({
        documentId: receipt.id,
        data: { testimony: testimony.documentId, submissionStatus: 'approvata', moderatedAt, moderatorNote: 'Ok, pubblicata.' },
      });

      const before = (await (await raw(`/api/testimony-submissions/status/${receipt.accessToken}`)).json()) as { data: SubmissionState };
      expect(before.data).toMatchObject({ status: 'approvata', testimonySlug: slug, moderatedAt, canWithdraw: true });
      expect((await raw(`/api/testimonies?filters[slug][$eq]=${slug}`).then((r) => r.json()) as { data: unknown[] }).data).toHaveLength(1);

      const res = await raw(`/api/testimony-submissions/withdraw/${receipt.accessToken}`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { data } = (await res.json()) as { data: SubmissionState };
      expect(data).toMatchObject({ status: 'ritirata', moderatedAt, testimonySlug: null, canWithdraw: false });
      expect(Date.parse(data.withdrawnAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

      // The testimony is off the site, draft and published versions alike.
      expect((await raw(`/api/testimonies?filters[slug][$eq]=${slug}`).then((r) => r.json()) as { data: unknown[] }).data).toHaveLength(0);
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: testimony.documentId } })).toBe(0);

      // Personal data erased; status, timestamps and the token hash (for the status page) kept.
      const stored = await row(receipt.id);
      expect(stored).toMatchObject({
        submissionStatus: 'ritirata',
        contactEmail: null,
        story: null,
        redactedStory: null,
        personalDataFindings: null,
        ipHash: null,
        moderatorNote: null,
        displayName: 'Ritirata',
        title: 'Testimonianza ritirata',
        accessTokenHash: sha256(receipt.accessToken),
      });
      expect(stored!.personalDataErasedAt).toBeTruthy();
      expect(JSON.stringify(stored)).not.toContain(PHONE);
      expect(JSON.stringify(stored)).not.toContain(CONTACT_EMAIL);

      // Idempotent.
      const again = await raw(`/api/testimony-submissions/withdraw/${receipt.accessToken}`, { method: 'POST' });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { data: SubmissionState }).data).toEqual(data);
      const status = await raw(`/api/testimony-submissions/status/${receipt.accessToken}`);
      expect(((await status.json()) as { data: SubmissionState }).data).toEqual(data);
      expect((await row(receipt.id))!.personalDataErasedAt).toEqual(stored!.personalDataErasedAt);
    });
  });

  describe('retention', () => {
    it('erases rejected submissions moderated 31 days ago, keeps those moderated 29 days ago', async () => {
      const now = new Date();
      const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
      interface Moderation {
        submissionStatus: SubmissionState['status'];
        rejectionReason?: 'condizioni_lavoro_operatori' | 'spam';
        moderatedAt?: string;
        withdrawnAt?: string;
      }
      const create = async (data: Moderation) => {
        const created = await cms.strapi.documents(SUBMISSION).create({
          data: {
            role: 'operatore',
            displayName: 'Luca',
            contactEmail: 'luca.privato@example.org',
            sector: 'luce',
            channel: 'telemarketing',
            eventMonth: '2019-05',
            title: 'Titolo con dati',
            story: story(`Il mio numero è ${PHONE}. `),
            redactedStory: story('Il mio numero è [telefono rimosso]. '),
            personalDataFindings: [{ kind: 'phone', start: 0, end: 12, match: PHONE }],
            consentToPublish: true,
            privacyAccepted: true,
            ipHash: 'f'.repeat(64),
            moderatorNote: 'Fuori tema.',
            accessTokenHash: sha256(randomBytes(32).toString('base64url')),
            submittedAt: daysAgo(40),
            ...data,
          },
        });
        return created.documentId;
      };
      const old = await create({ submissionStatus: 'rifiutata', rejectionReason: 'condizioni_lavoro_operatori', moderatedAt: daysAgo(31) });
      const recent = await create({ submissionStatus: 'rifiutata', rejectionReason: 'spam', moderatedAt: daysAgo(29) });
      const withdrawnLongAgo = await create({ submissionStatus: 'ritirata', withdrawnAt: daysAgo(31) });
      const pending = await create({ submissionStatus: 'nuova' });
      const approved = await create({ submissionStatus: 'approvata', moderatedAt: daysAgo(90) });

      expect(await service().eraseExpiredPersonalData(now)).toBe(2);

      for (const documentId of [old, withdrawnLongAgo]) {
        const stored = await row(documentId);
        expect(stored).toMatchObject({ contactEmail: null, story: null, redactedStory: null, personalDataFindings: null, ipHash: null, moderatorNote: null });
        expect(stored!.personalDataErasedAt).toBeTruthy();
        expect(JSON.stringify(stored)).not.toContain('luca.privato');
      }
      expect(await row(old)).toMatchObject({ submissionStatus: 'rifiutata', rejectionReason: 'condizioni_lavoro_operatori', displayName: 'Anonimo' });
      for (const documentId of [recent, pending, approved]) {
        expect(await row(documentId), documentId).toMatchObject({ contactEmail: 'luca.privato@example.org', personalDataErasedAt: null, displayName: 'Luca' });
        expect((await row(documentId))!.story).toContain(PHONE);
      }

      // Idempotent; two days later the other one goes too.
      expect(await service().eraseExpiredPersonalData(now)).toBe(0);
      expect(await service().eraseExpiredPersonalData(new Date(now.getTime() + 2 * DAY_MS))).toBe(1);
      expect(await row(recent)).toMatchObject({ contactEmail: null, story: null });
    });

    it('schedules the erasure daily at 03:30, Italian time', () => {
      const tasks = cms.strapi.config.get<Record<string, { options: { rule: string; tz: string } }>>('server.cron.tasks');
      expect(tasks.eraseExpiredSubmissionData?.options).toEqual({ rule: '0 30 3 * * *', tz: 'Europe/Rome' });
    });
  });

  describe('CORS', () => {
    it('lets no browser origin post a submission: readers send it to the site, whose server relays it', async () => {
      const preflight = (origin: string) =>
        raw('/api/testimony-submissions', {
          method: 'OPTIONS',
          headers: { 'origin': origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      for (const origin of ['http://localhost:3000', 'https://www.example.test', 'https://evil.example']) {
        const res = await preflight(origin);
        expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    });
  });

  describe('body parsing', () => {
    it('parseSubmissionBody refuses what is not a JSON { data: {...} }, with a _form error', () => {
      const codes = (body: unknown, isJson = true) => {
        try {
          parseSubmissionBody(body, { isJson });
          return [];
        } catch (error) {
          return ((error as { details: { errors: FieldError[] } }).details.errors).map((e) => e.code);
        }
      };
      expect(codes({ data: valid() }, false)).toEqual(['_form.invalid']);
      expect(codes([valid()])).toEqual(['_form.invalid']);
      expect(codes({ data: [valid()] })).toEqual(['_form.invalid']);
      expect(codes(null)).toEqual(['_form.invalid']);
      expect(codes({ data: valid(), extra: 1 })).toEqual(['_form.invalid']);
      expect(codes({ data: valid() })).toEqual([]);
    });
  });

  describe('notification e-mail', () => {
    it('escapes the reader\'s text in the HTML part and redacts the title too', () => {
      const mail = composeNewSubmissionEmail(
        {
          documentId: 'abc123',
          title: `<script>alert(1)</script> chiamate ${PHONE}`,
          role: 'operatore',
          sector: 'gas',
          channel: 'chat',
          companyBrand: 'A & B <Energia>',
          eventMonth: '2020-01',
          redactedStory: 'Testo <b>grassetto</b> con [telefono rimosso].',
          personalDataCount: 1,
        },
        { to: REDAZIONE, cmsUrl: 'http://localhost:1337/' },
      );
      expect(mail.subject).toBe('Nuova testimonianza da moderare: <script>alert(1)</script> chiamate [telefono rimosso]');
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>');
      expect(mail.html).toContain('&lt;script&gt;');
      expect(mail.html).toContain('A &amp; B &lt;Energia&gt;');
      expect(mail.text).toContain('http://localhost:1337/admin/content-manager/collection-types/api::testimony-submission.testimony-submission/abc123');
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(PHONE);
    });
  });

  describe('rate limit of the token routes', () => {
    it('answers 429 with Retry-After once a client looks up too many tokens', async () => {
      let limited: Response | undefined;
      for (let i = 0; i <= TOKEN_REQUESTS_PER_IP && !limited; i++) {
        const res = await raw(`/api/testimony-submissions/status/${randomBytes(32).toString('base64url')}`);
        if (res.status === 429) limited = res;
        else expect(res.status).toBe(404);
      }
      expect(limited, 'no 429 within the limit').toBeDefined();
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited!.json()) as ErrorBody).error).toMatchObject({ status: 429, name: 'RateLimitError' });
    });
  });

  it('never answered with a 5xx', () => {
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(40);
  });
});
