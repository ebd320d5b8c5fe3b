import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionReceipt, SubmissionState } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { antiAbuseFields, antiAbuseTestEnv } from './helpers/anti-abuse';
import { TEST_ADMIN } from './helpers/admin';
import {
  MODERATION_ROUTES,
  REJECTION_REASONS,
  SUBMISSION_STATUS_LABELS,
  type ModerationResult,
  type PersonalDataReport,
} from '../src/moderation/contract';
import { CONTENT_MANAGER_READ_ONLY_FIELDS } from '../src/api/testimony-submission/moderation-guard';
import { deleteTestimoniesOfRefusedSubmissions } from '../src/api/testimony-submission/publication-guard';

const SUBMISSION = 'api::testimony-submission.testimony-submission';
const TESTIMONY = 'api::testimony.testimony';

const PHONE = '333 123 4567';
const EMAIL_IN_STORY = 'mario.rossi@example.com';
const CONTACT_EMAIL = 'marta.contatto@example.org';
const NOTE = 'Nota interna: verificato con la lettrice al telefono.';

const story = (extra = '') =>
  `Il 12 marzo ho chiamato il servizio clienti per una bolletta doppia. ${extra}`
  + 'L\'operatore mi ha detto che la bolletta era giusta, il secondo che andava pagata due volte, '
  + 'il terzo che dovevo scrivere una PEC. Nessuno ha letto la mia pratica e ogni chiamata ripartiva da zero.';

const form = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  role: 'cliente',
  displayName: 'Marta da Bari',
  contactEmail: CONTACT_EMAIL,
  sector: 'telefonia',
  companyBrand: 'Gestore Esempio',
  channel: 'assistenza_telefonica',
  eventMonth: '2019-03',
  title: 'Tre chiamate, tre risposte diverse',
  story: story(`Richiamatemi al ${PHONE} o scrivete a ${EMAIL_IN_STORY}. `),
  consentToPublish: true,
  privacyAccepted: true,
  ...overrides,
});

/** The fields a public Testimony may show: its schema's attributes and Strapi's own public ones. */
const PUBLIC_TESTIMONY_KEYS = [
  'id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale',
  'title', 'slug', 'role', 'sector', 'companyBrand', 'channel', 'eventMonth', 'receivedDate', 'story', 'displayName',
];

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { code?: string; remaining?: PersonalDataReport['remaining']; errors?: Array<{ path: string[]; message: string }> } };
}

interface TestimonyJson {
  documentId: string;
  slug: string;
  title: string;
  story: string;
  displayName: string;
  [key: string]: unknown;
}

describe('testimony moderation (admin API)', () => {
  let cms: TestStrapi;
  let adminToken: string;
  let adminId: number;

  const raw = (path: string, init?: RequestInit) => fetch(`${cms.url}${path}`, init);

  const login = async (email: string, password: string): Promise<string> => {
    const res = await raw('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status, `login of ${email}`).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  /** A call to the admin API, as the Super Admin unless another token is given (null: no token at all). */
  const admin = (path: string, { method = 'POST', body, token = adminToken }: { method?: string; body?: unknown; token?: string | null } = {}) =>
    raw(path, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const ok = async <T>(res: Response): Promise<T> => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(200);
    return (JSON.parse(text) as { data: T }).data;
  };

  const refused = async (res: Response, status = 400): Promise<ErrorBody['error']> => {
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(status);
    return (JSON.parse(text) as ErrorBody).error;
  };

  /** A submission through the public endpoint, as the site sends it. */
  const submit = async (overrides: Record<string, unknown> = {}): Promise<SubmissionReceipt> => {
    const res = await raw('/api/testimony-submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { ...form(overrides), ...(await antiAbuseFields(cms.url)) } }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { data: SubmissionReceipt }).data;
  };

  /** A submission written directly, where the public endpoint is beside the point. */
  const createSubmission = async (data: Record<string, unknown> = {}): Promise<string> => {
    const created = await cms.strapi.documents(SUBMISSION).create({
      data: {
        submissionStatus: 'nuova',
        role: 'operatore',
        displayName: 'Un operatore di Napoli',
        sector: 'luce',
        channel: 'telemarketing',
        eventMonth: '2018-11',
        title: 'Lo script che ci obbligavano a leggere',
        story: story(),
        redactedStory: story(),
        consentToPublish: true,
        privacyAccepted: true,
        submittedAt: new Date().toISOString(),
        ...data,
      },
    });
    return created.documentId;
  };

  const submission = (documentId: string) =>
    cms.strapi.db.query(SUBMISSION).findOne({ where: { documentId }, populate: ['testimony'] }) as Promise<Record<string, unknown> & {
      submissionStatus: string;
      testimony: { documentId: string } | null;
    }>;

  const testimonyCount = () => cms.strapi.db.query(TESTIMONY).count({});

  /** The public API, without any credentials, as a reader or a partner. */
  const publicTestimonies = async (slug: string): Promise<{ text: string; data: TestimonyJson[] }> => {
    const res = await raw(`/api/testimonies?filters[slug][$eq]=${encodeURIComponent(slug)}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, data: (JSON.parse(text) as { data: TestimonyJson[] }).data };
  };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { ...antiAbuseTestEnv, CRON_ENABLED: 'false' });
    adminToken = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    const user = (await cms.strapi.db.query('admin::user').findOne({ where: { email: TEST_ADMIN.email } })) as { id: number };
    adminId = user.id;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  describe('access', () => {
    let documentId: string;
    beforeAll(async () => {
      documentId = await createSubmission();
    });

    const routes = () => [
      ['POST', MODERATION_ROUTES.approve(documentId)],
      ['POST', MODERATION_ROUTES.reject(documentId)],
      ['POST', MODERATION_ROUTES.inReview(documentId)],
      ['GET', MODERATION_ROUTES.personalData(documentId)],
    ] as const;

    it('knows the same statuses and rejection reasons as the schema', () => {
      const { attributes } = cms.strapi.contentTypes[SUBMISSION] as unknown as { attributes: Record<string, { enum?: string[] }> };
      expect(attributes.rejectionReason?.enum).toEqual([...REJECTION_REASONS]);
      expect(attributes.submissionStatus?.enum).toEqual(Object.keys(SUBMISSION_STATUS_LABELS));
    });

    it('mounts the routes on the admin API under /admin, never on the content API', async () => {
      expect(MODERATION_ROUTES.approve('abc')).toBe('/admin/testimony-submissions/abc/approve');
      for (const [method, path] of routes()) {
        const res = await admin(path.replace(/^\/admin/, '/api'), { method, body: method === 'POST' ? { reason: 'spam' } : undefined, token: null });
        expect([404, 405], `${method} ${path} on /api`).toContain(res.status);
      }
      expect((await submission(documentId)).submissionStatus).toBe('nuova');
    });

    it('answers 401 without credentials and with a content API token, of any kind', async () => {
      const tokens = cms.strapi.service('admin::api-token') as unknown as {
        create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
      };
      const fullAccess = await tokens.create({ name: 'Partner (tutto)', description: '', type: 'full-access', kind: 'content-api', lifespan: null });
      const readOnly = await tokens.create({ name: 'Partner (lettura)', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
      for (const token of [null, fullAccess.accessKey, readOnly.accessKey, 'not-a-token']) {
        for (const [method, path] of routes()) {
          const res = await admin(path, { method, body: method === 'POST' ? { reason: 'spam' } : undefined, token });
          expect(res.status, `${method} ${path} with ${token === null ? 'no token' : 'a content API token'}`).toBe(401);
        }
      }
      expect((await submission(documentId)).submissionStatus).toBe('nuova');
    });

    it('answers 403 to an admin whose role has no permission on submissions', async () => {
      const roles = cms.strapi.service('admin::role') as unknown as { create(attributes: Record<string, unknown>): Promise<{ id: number }> };
      const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      const role = await roles.create({ name: 'Nessun permesso', description: 'Un ruolo senza alcun permesso' });
      const password = 'Ospite2019!';
      await users.create({ email: 'ospite@example.org', firstname: 'Ospite', password, isActive: true, registrationToken: null, roles: [role.id] });
      const token = await login('ospite@example.org', password);

      for (const [method, path] of routes()) {
        const res = await admin(path, { method, body: method === 'POST' ? { reason: 'spam' } : undefined, token });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
      expect((await submission(documentId)).submissionStatus).toBe('nuova');
    });

    it('lets a reader role see the report but not the raw story it may not read, and not decide', async () => {
      const roles = cms.strapi.service('admin::role') as unknown as {
        create(attributes: Record<string, unknown>): Promise<{ id: number }>;
        assignPermissions(roleId: number, permissions: Array<Record<string, unknown>>): Promise<unknown>;
      };
      const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      const role = await roles.create({ name: 'Solo lettura', description: 'Legge le testimonianze ricevute, senza il racconto originale' });
      await roles.assignPermissions(role.id, [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: SUBMISSION,
          properties: { fields: ['title', 'submissionStatus', 'redactedStory'] },
          conditions: [],
        },
      ]);
      const password = 'Lettore2019!';
      await users.create({ email: 'lettore@example.org', firstname: 'Lettore', password, isActive: true, registrationToken: null, roles: [role.id] });
      const token = await login('lettore@example.org', password);

      const report = await ok<PersonalDataReport>(await admin(MODERATION_ROUTES.personalData(documentId), { method: 'GET', token }));
      expect(report.raw).toBeNull();
      expect(report.redacted?.segments.map((s) => s.text).join('')).toBe(story());
      expect((await admin(MODERATION_ROUTES.approve(documentId), { body: {}, token })).status).toBe(403);
      expect((await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'spam' }, token })).status).toBe(403);
      expect((await submission(documentId)).submissionStatus).toBe('nuova');
    });
  });

  describe('approve', () => {
    it('publishes exactly one Testimony with only the public fields, and links it', async () => {
      const receipt = await submit();
      await cms.strapi.documents(SUBMISSION).update({ documentId: receipt.id, data: { moderatorNote: NOTE } });
      const stored = await submission(receipt.id);
      const before = await testimonyCount();

      const inReview = await ok<ModerationResult>(await admin(MODERATION_ROUTES.inReview(receipt.id)));
      expect(inReview).toMatchObject({ status: 'in_revisione', testimony: null });
      const title = 'Tre chiamate e tre risposte diverse sulla stessa bolletta';
      const result = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(receipt.id), { body: { title, displayName: 'Marta, Bari' } }));

      expect(result.status).toBe('approvata');
      expect(Date.parse(result.moderatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(result.testimony).toMatchObject({ slug: 'tre-chiamate-e-tre-risposte-diverse-sulla-stessa-bolletta', published: true });
      // One document: its draft and its published version.
      expect(await testimonyCount()).toBe(before + 2);
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: result.testimony!.documentId } })).toBe(2);

      const { text, data } = await publicTestimonies(result.testimony!.slug);
      expect(data).toHaveLength(1);
      const published = data[0]!;
      expect(published).toMatchObject({
        documentId: result.testimony!.documentId,
        title,
        displayName: 'Marta, Bari',
        role: 'cliente',
        sector: 'telefonia',
        companyBrand: 'Gestore Esempio',
        channel: 'assistenza_telefonica',
        eventMonth: '2019-03',
        story: stored.redactedStory,
        // The editorial date the site shows: the day the story was received, in Italy (issue #16).
        receivedDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(String(stored.submittedAt))),
      });
      expect(published.story).toContain('[telefono rimosso]');
      expect(published.story).toContain('[e-mail rimossa]');
      for (const key of Object.keys(published)) expect(PUBLIC_TESTIMONY_KEYS, key).toContain(key);
      for (const secret of [CONTACT_EMAIL, PHONE, '3331234567', EMAIL_IN_STORY, NOTE, String(stored.ipHash), String(stored.story)]) {
        expect(text).not.toContain(secret);
      }

      const linked = await submission(receipt.id);
      expect(linked).toMatchObject({ submissionStatus: 'approvata', testimony: { documentId: result.testimony!.documentId } });
      const created = (await cms.strapi.db.query(TESTIMONY).findOne({
        where: { documentId: result.testimony!.documentId, publishedAt: { $null: true } },
        populate: ['createdBy'],
      })) as { createdBy: { id: number } | null };
      expect(created.createdBy?.id).toBe(adminId);

      // The reader's status page shows where it is online.
      const state = (await (await raw(`/api/testimony-submissions/status/${receipt.accessToken}`)).json()) as { data: SubmissionState };
      expect(state.data).toMatchObject({ status: 'approvata', testimonySlug: result.testimony!.slug });

      // Approving twice changes nothing.
      const again = await refused(await admin(MODERATION_ROUTES.approve(receipt.id), { body: {} }));
      expect(again.details?.code).toBe('invalid_status');
      expect(again.message).toMatch(/«Approvata»/);
      expect(await testimonyCount()).toBe(before + 2);
    });

    it('publishes the text the editor passes, keeps it as the redacted story, and gives a second testimony its own slug', async () => {
      const documentId = await createSubmission({ title: 'Tre chiamate e tre risposte diverse sulla stessa bolletta' });
      const text = `${story()} Alla fine ho risolto scrivendo al garante.`;
      const result = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(documentId), { body: { redactedStory: `  ${text}\n` } }));
      expect(result.testimony?.slug).toBe('tre-chiamate-e-tre-risposte-diverse-sulla-stessa-bolletta-1');
      const { data } = await publicTestimonies(result.testimony!.slug);
      expect(data[0]?.story).toBe(text);
      expect(data[0]).toMatchObject({ role: 'operatore', sector: 'luce', channel: 'telemarketing', displayName: 'Un operatore di Napoli' });
      expect(data[0]?.companyBrand ?? null).toBeNull();
      expect((await submission(documentId)).redactedStory).toBe(text);
    });

    it('refuses, in Italian, while personal data is left in any text that would be published', async () => {
      const receipt = await submit({ title: 'Il contratto luce che non avevo chiesto' });
      const stored = await submission(receipt.id);
      const before = await testimonyCount();

      const inStory = await refused(await admin(MODERATION_ROUTES.approve(receipt.id), {
        body: { redactedStory: `${String(stored.redactedStory)} Il mio cellulare è 347 765 4321.` },
      }));
      expect(inStory.details?.code).toBe('personal_data_found');
      expect(inStory.message).toMatch(/^Non si può pubblicare: nel testo ci sono ancora dati personali/);
      expect(inStory.message).toContain('Racconto da pubblicare: telefono «347 765 4321»');
      expect(inStory.details?.remaining).toEqual([
        { field: 'redactedStory', findings: [expect.objectContaining({ kind: 'phone', match: '347 765 4321' })] },
      ]);

      const inTitle = await refused(await admin(MODERATION_ROUTES.approve(receipt.id), { body: { title: 'Scrivetemi a marta.rossi@example.org' } }));
      expect(inTitle.details?.code).toBe('personal_data_found');
      expect(inTitle.message).toContain('Titolo: e-mail «marta.rossi@example.org»');

      // The raw story, with its personal data, is never accepted as the public text.
      const rawStory = await refused(await admin(MODERATION_ROUTES.approve(receipt.id), { body: { redactedStory: String(stored.story) } }));
      expect(rawStory.details?.code).toBe('personal_data_found');

      // Saved in the edit view (the normal redactedStory field), then approved: refused too.
      await cms.strapi.documents(SUBMISSION).update({ documentId: receipt.id, data: { redactedStory: String(stored.story) } });
      expect((await refused(await admin(MODERATION_ROUTES.approve(receipt.id), { body: {} }))).details?.code).toBe('personal_data_found');

      expect(await testimonyCount()).toBe(before);
      expect(await submission(receipt.id)).toMatchObject({ submissionStatus: 'nuova', testimony: null, moderatedAt: null });
    });

    it('refuses without the reader\'s consent, texts the public type would not accept, and unknown fields', async () => {
      const withoutConsent = await createSubmission({ consentToPublish: false });
      const consent = await refused(await admin(MODERATION_ROUTES.approve(withoutConsent), { body: {} }));
      expect(consent.details?.code).toBe('consent_missing');
      expect(consent.message).toMatch(/consenso alla pubblicazione/);

      const documentId = await createSubmission();
      const short = await refused(await admin(MODERATION_ROUTES.approve(documentId), { body: { redactedStory: 'Troppo breve.', title: 'Ciao' } }));
      expect(short.details?.code).toBe('invalid_text');
      expect(short.message).toMatch(/il titolo deve avere da 5 a 140 caratteri \(ne ha 4\).*il racconto deve avere da 50 a 8000 caratteri/);

      const unknown = await refused(await admin(MODERATION_ROUTES.approve(documentId), { body: { contactEmail: 'x@example.org' } }));
      expect(unknown.name).toBe('ValidationError');
      expect(unknown.message).toMatch(/Campo sconosciuto: contactEmail/);
      const wrongType = await refused(await admin(MODERATION_ROUTES.approve(documentId), { body: { title: 42 } }));
      expect(wrongType.message).toMatch(/Titolo: dev'essere un testo/);

      const missing = await refused(await admin(MODERATION_ROUTES.approve('doesnotexist000000000000'), { body: {} }), 404);
      expect(missing.message).toMatch(/Nessuna testimonianza ricevuta/);
      expect(await submission(documentId)).toMatchObject({ submissionStatus: 'nuova', testimony: null });
    });
    it('publishes a Testimony again if a rejected submission is brought back to review and approved', async () => {
      const documentId = await createSubmission({ title: 'La penale di recesso che nessuno aveva citato' });
      const first = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(documentId), { body: {} }));
      await ok<ModerationResult>(await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'altro' } }));
      // Only a hand-made repair of the data can bring it back to review (the routes never do).
      await cms.strapi.db.query(SUBMISSION).update({ where: { documentId }, data: { submissionStatus: 'in_revisione' } });
      const before = await testimonyCount();
      const again = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(documentId), { body: { title: 'La penale di recesso mai citata' } }));
      expect(again.testimony).toMatchObject({ published: true });
      expect(again.testimony!.documentId).not.toBe(first.testimony!.documentId); // the rejection deleted the first one
      expect(await testimonyCount()).toBe(before + 2); // a draft and its published version
      expect((await publicTestimonies(again.testimony!.slug)).data[0]?.title).toBe('La penale di recesso mai citata');
    });
  });

  describe('reject', () => {
    it('stores the coded reason, the note and the date, and publishes nothing', async () => {
      const receipt = await submit({ role: 'operatore', title: 'I nostri turni in call center sono massacranti' });
      const before = await testimonyCount();
      const result = await ok<ModerationResult>(await admin(MODERATION_ROUTES.reject(receipt.id), {
        body: { reason: 'condizioni_lavoro_operatori', note: '  Fuori tema: parla dei turni.  ' },
      }));
      expect(result).toMatchObject({ status: 'rifiutata', testimony: null });
      expect(await submission(receipt.id)).toMatchObject({
        submissionStatus: 'rifiutata',
        rejectionReason: 'condizioni_lavoro_operatori',
        moderatorNote: 'Fuori tema: parla dei turni.',
        testimony: null,
      });
      expect(Date.parse(String((await submission(receipt.id)).moderatedAt))).toBeGreaterThan(Date.now() - 60_000);
      expect(await testimonyCount()).toBe(before);
      const { data } = await publicTestimonies('i-nostri-turni-in-call-center-sono-massacranti');
      expect(data).toEqual([]);

      // Decided: neither approvable nor rejectable again.
      expect((await refused(await admin(MODERATION_ROUTES.approve(receipt.id), { body: {} }))).details?.code).toBe('invalid_status');
      expect((await refused(await admin(MODERATION_ROUTES.reject(receipt.id), { body: { reason: 'spam' } }))).details?.code).toBe('invalid_status');
      expect(await testimonyCount()).toBe(before);
    });

    it('accepts only the coded reasons of the editorial policy, and keeps a note already written', async () => {
      const documentId = await createSubmission({ moderatorNote: NOTE });
      for (const body of [{}, { reason: 'noioso' }, { reason: 'spam', note: 5 }, { reason: 'spam', extra: true }]) {
        const error = await refused(await admin(MODERATION_ROUTES.reject(documentId), { body }));
        expect(error.name, JSON.stringify(body)).toBe('ValidationError');
      }
      const invalid = await refused(await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'noioso' } }));
      expect(invalid.message).toContain(`scegli uno fra ${REJECTION_REASONS.join(', ')}`);
      expect((await submission(documentId)).submissionStatus).toBe('nuova');

      await ok<ModerationResult>(await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'spam' } }));
      expect(await submission(documentId)).toMatchObject({ submissionStatus: 'rifiutata', rejectionReason: 'spam', moderatorNote: NOTE });
    });

    it('takes an approved testimony off the site and deletes it: no draft is left to publish again', async () => {
      const documentId = await createSubmission({ title: 'Il rimborso promesso e mai arrivato' });
      const approved = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(documentId), { body: {} }));
      expect((await publicTestimonies(approved.testimony!.slug)).data).toHaveLength(1);

      const rejected = await ok<ModerationResult>(await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'insulti_diffamazione' } }));
      expect(rejected).toMatchObject({ status: 'rifiutata', testimony: null });
      expect((await publicTestimonies(approved.testimony!.slug)).data).toEqual([]);
      expect((await raw(`/api/testimonies/${approved.testimony!.documentId}`)).status).toBe(404);
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: approved.testimony!.documentId } })).toBe(0);
      expect((await submission(documentId)).testimony).toBeNull();
      // Nothing in the Content Manager's Testimonianza either.
      const res = await admin(`/content-manager/collection-types/${TESTIMONY}/${approved.testimony!.documentId}`, { method: 'GET' });
      expect(res.status).toBe(404);
    });
  });

  describe('in review', () => {
    it('moves only a new submission to in_revisione, and is harmless when repeated', async () => {
      const documentId = await createSubmission();
      expect(await ok<ModerationResult>(await admin(MODERATION_ROUTES.inReview(documentId)))).toMatchObject({ status: 'in_revisione', moderatedAt: null });
      expect(await ok<ModerationResult>(await admin(MODERATION_ROUTES.inReview(documentId)))).toMatchObject({ status: 'in_revisione' });
      await ok<ModerationResult>(await admin(MODERATION_ROUTES.reject(documentId), { body: { reason: 'altro' } }));
      expect(await ok<ModerationResult>(await admin(MODERATION_ROUTES.inReview(documentId)))).toMatchObject({ status: 'rifiutata' });
    });
  });

  describe('personal data report', () => {
    it('highlights what was found in the raw story and what is left in the public texts', async () => {
      const receipt = await submit({ title: 'Il codice cliente dettato tre volte' });
      const stored = await submission(receipt.id);
      const res = await admin(MODERATION_ROUTES.personalData(receipt.id), { method: 'GET' });
      expect(res.headers.get('cache-control')).toBe('no-store');
      const report = await ok<PersonalDataReport>(res);

      expect(report.status).toBe('nuova');
      expect(report.raw?.segments.map((s) => s.text).join('')).toBe(stored.story);
      const marked = report.raw!.segments.filter((s) => s.finding);
      expect(marked.map((s) => [s.finding!.kind, s.text])).toEqual([['phone', PHONE], ['email', EMAIL_IN_STORY]]);
      expect(report.raw!.findings.map((f) => f.kind)).toEqual(['phone', 'email']);
      expect(report.redacted?.segments.map((s) => s.text).join('')).toBe(stored.redactedStory);
      expect(report.redacted?.findings).toEqual([]);
      expect(report.remaining).toEqual([]);

      await cms.strapi.documents(SUBMISSION).update({ documentId: receipt.id, data: { redactedStory: `${String(stored.redactedStory)} IBAN IT60X0542811101000000123456.` } });
      const after = await ok<PersonalDataReport>(await admin(MODERATION_ROUTES.personalData(receipt.id), { method: 'GET' }));
      expect(after.remaining).toEqual([{ field: 'redactedStory', findings: [expect.objectContaining({ kind: 'iban' })] }]);
      expect(after.redacted?.segments.filter((s) => s.finding).map((s) => s.finding!.kind)).toEqual(['iban']);
    });
  });

  describe('withdrawal after approval', () => {
    it('takes the testimony off the site when the reader withdraws with the private link', async () => {
      const receipt = await submit({ title: 'La disdetta che nessuno registrava' });
      const approved = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(receipt.id), { body: {} }));
      const slug = approved.testimony!.slug;
      expect((await publicTestimonies(slug)).data).toHaveLength(1);

      const res = await raw(`/api/testimony-submissions/withdraw/${receipt.accessToken}`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: SubmissionState }).data).toMatchObject({ status: 'ritirata', testimonySlug: null });
      expect((await publicTestimonies(slug)).data).toEqual([]);
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: approved.testimony!.documentId } })).toBe(0);
      // Withdrawn: no decision applies any more.
      expect((await refused(await admin(MODERATION_ROUTES.reject(receipt.id), { body: { reason: 'spam' } }))).details?.code).toBe('invalid_status');
    });
  });

  describe('a refused testimony cannot be published again', () => {
    const CM_TESTIMONIES = `/content-manager/collection-types/${TESTIMONY}`;

    /**
     * What a rejection left before it deleted the Testimony (and what a
     * hand-made change to the data could leave): an approved, published
     * testimony, then its submission refused and the Testimony unpublished,
     * kept as a draft still linked to the submission.
     */
    const leftoverDraft = async (status: 'rifiutata' | 'ritirata', title: string): Promise<{ submissionId: string; testimony: NonNullable<ModerationResult['testimony']> }> => {
      const submissionId = await createSubmission({ title });
      const approved = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(submissionId), { body: {} }));
      await cms.strapi.documents(TESTIMONY).unpublish({ documentId: approved.testimony!.documentId });
      await cms.strapi.db.query(SUBMISSION).update({ where: { documentId: submissionId }, data: { submissionStatus: status } });
      expect((await publicTestimonies(approved.testimony!.slug)).data).toEqual([]);
      return { submissionId, testimony: approved.testimony! };
    };

    it('refuses the Content Manager\'s "Pubblica" (single and bulk, with changes or without) in Italian while the submission is not approved', async () => {
      for (const status of ['rifiutata', 'ritirata'] as const) {
        const { testimony } = await leftoverDraft(status, `Il contratto attivato a mia insaputa (${status})`);
        const label = SUBMISSION_STATUS_LABELS[status];

        const single = await refused(await admin(`${CM_TESTIMONIES}/${testimony.documentId}/actions/publish`, { body: {} }));
        expect(single.message).toContain(`la testimonianza ricevuta da cui nasce è «${label}»`);
        expect(single.message).toContain('«Approva e pubblica»');
        expect(single.details?.code).toBe('submission_not_approved');

        const edited = await refused(await admin(`${CM_TESTIMONIES}/${testimony.documentId}/actions/publish`, { body: { title: 'Un titolo cambiato prima di pubblicare' } }));
        expect(edited.details?.code).toBe('submission_not_approved');

        const bulk = await refused(await admin(`${CM_TESTIMONIES}/actions/bulkPublish`, { body: { documentIds: [testimony.documentId] } }));
        expect(bulk.message).toContain(`«${label}»`);

        expect((await publicTestimonies(testimony.slug)).data).toEqual([]);
        expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: testimony.documentId, publishedAt: { $notNull: true } } })).toBe(0);
      }
    });

    it('still lets the redazione publish its own testimonies, and approval publish again', async () => {
      // A Testimony written in the Content Manager, no submission behind it: "Pubblica" works.
      const created = await admin(`${CM_TESTIMONIES}/actions/publish`, {
        body: {
          title: 'La raccomandata che il call center non riceveva mai',
          slug: 'la-raccomandata-che-il-call-center-non-riceveva-mai',
          role: 'cliente',
          sector: 'gas',
          channel: 'assistenza_telefonica',
          eventMonth: '2019-05',
          story: story(),
          displayName: 'Luisa, Verona',
        },
      });
      expect(created.status, await created.clone().text()).toBe(200);
      expect((await publicTestimonies('la-raccomandata-che-il-call-center-non-riceveva-mai')).data).toHaveLength(1);

      const documentId = await createSubmission({ title: 'La bolletta stimata per tre anni di fila' });
      const approved = await ok<ModerationResult>(await admin(MODERATION_ROUTES.approve(documentId), { body: {} }));
      expect((await publicTestimonies(approved.testimony!.slug)).data).toHaveLength(1);
      // Approved: the Testimony's own "Pubblica" (e.g. after a correction) is allowed.
      const republished = await admin(`${CM_TESTIMONIES}/${approved.testimony!.documentId}/actions/publish`, { body: { title: 'La bolletta stimata per tre anni' } });
      expect(republished.status, await republished.clone().text()).toBe(200);
      expect((await publicTestimonies(approved.testimony!.slug)).data[0]?.title).toBe('La bolletta stimata per tre anni');
    });

    it('deletes at boot what earlier rejections left behind', async () => {
      const { submissionId, testimony } = await leftoverDraft('rifiutata', 'La portabilità del numero durata sei mesi');
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: testimony.documentId } })).toBe(1);
      expect(await deleteTestimoniesOfRefusedSubmissions(cms.strapi)).toBeGreaterThanOrEqual(1);
      expect(await cms.strapi.db.query(TESTIMONY).count({ where: { documentId: testimony.documentId } })).toBe(0);
      expect((await submission(submissionId)).testimony).toBeNull();
      expect(await deleteTestimoniesOfRefusedSubmissions(cms.strapi)).toBe(0);
    });
  });

  describe('Content Manager', () => {
    it('cannot change the moderation state by saving the form: only the moderation routes can', async () => {
      expect(CONTENT_MANAGER_READ_ONLY_FIELDS).toEqual(expect.arrayContaining(['submissionStatus', 'rejectionReason', 'moderatedAt', 'testimony', 'story', 'consentToPublish']));
      expect(CONTENT_MANAGER_READ_ONLY_FIELDS).not.toContain('redactedStory');
      const documentId = await createSubmission();
      const res = await admin(`/content-manager/collection-types/${SUBMISSION}/${documentId}`, {
        method: 'PUT',
        body: { submissionStatus: 'approvata', rejectionReason: 'spam', consentToPublish: false, redactedStory: `${story()} Corretto.`, moderatorNote: 'Da rileggere' },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await submission(documentId)).toMatchObject({
        submissionStatus: 'nuova',
        rejectionReason: null,
        consentToPublish: true,
        redactedStory: `${story()} Corretto.`,
        moderatorNote: 'Da rileggere',
      });
    });
  });
});
