import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactMessageSchema, newsletterSubscriptionSchema, testimonySubmissionSchema } from '@chiudete/types/forms';
import { antiAbuseTestEnv } from './helpers/anti-abuse';
import { PRIVATE_KEYS } from './helpers/partner-attacks';
import { appDir, startTestStrapi, type TestStrapi } from './helpers/strapi';
import { readContract, type Operation } from './helpers/fuzz/contract';
import { antiAbuseProofs, FuzzStats, problemsOf, send, type Observation, type Oracle, type Target } from './helpers/fuzz/oracle';
import { describeRequest, RequestGenerator, type FuzzContext, type FuzzRequest } from './helpers/fuzz/requests';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { TEST_ADMIN } from './helpers/admin';
import type { SubmissionService } from '../src/api/testimony-submission/services/submission';
import type { ModerationService } from '../src/api/testimony-submission/services/moderation';
import type { ContactMessageService } from '../src/api/contact-message/services/contact-message';

/**
 * Fuzzing the public API from its contract (apps/cms/openapi/content-api.json):
 * for every operation anonymous readers and a read-only partner token may
 * call, fast-check generates valid, boundary and hostile requests (see
 * tests/helpers/fuzz/) and sends them over HTTP to a real Strapi on a temp
 * SQLite file. Every answer must be: never a 5xx, never a stack trace,
 * every 4xx in Strapi's envelope `{ data: null, error: { status, name,
 * message } }`, and no 2xx may show a private attribute, a marked private
 * value (submitters' and admins' e-mails, moderation notes, contact
 * messages, scheduled dates, tokens) or a draft. The forms' limits are off,
 * so that the limiter hides no validation path; no body the form schema
 * refuses may be stored. Nothing may pollute a prototype of this process
 * (Strapi runs in it).
 *
 * Replay: FUZZ_SEED=<seed> (printed at start and by fast-check on failure);
 * FUZZ_SCALE=<factor> multiplies the runs; FUZZ_SHRINK=1 shrinks a failure
 * to its smallest batch; FUZZ_TRACE=<file> appends every request to a file
 * before it is sent (to find one that never gets an answer).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Shrinking a failure to its smallest request takes many more requests: only with FUZZ_SHRINK=1. */
const SHRINK = process.env.FUZZ_SHRINK === '1';
/** Requests sent at once per fast-check run. */
const BATCH = 4;

const DRAFT_MARKER = `fuzzbozza${SEED}`;
const PRIVATE_MARKER = `fuzzprivato${SEED}`;
const SCHEDULED_PUBLISH = '2099-03-17T11:22:33.444Z';
const SCHEDULED_UNPUBLISH = '2098-04-18T12:23:34.555Z';

/** fast-check runs per operation (each run sends BATCH requests): together well over 5,000 requests. */
function runsFor(operation: Operation): number {
  const runs = operation.template.endsWith('{documentId}')
    ? 40
    : operation.parameters.some((p) => p.name === 'filters')
      ? 95
      : ({ getGlobal: 50, search: 80, getSitemapIndex: 15, getSitemapPage: 35, getOpenApiDocument: 10, getFormToken: 20, getAltchaChallenge: 10, getSubmissionStatus: 25, withdrawSubmission: 25, submitTestimony: 60, sendContactMessage: 60 } as Record<string, number>)[operation.id] ?? 20;
  return Math.max(1, Math.round(runs * SCALE));
}
const OFF_CONTRACT_RUNS = Math.max(1, Math.round(60 * SCALE));

const STORY = 'Ho chiamato il servizio clienti per la stessa bolletta tre volte, e ogni volta mi hanno dato una risposta diversa. '.repeat(3);

/** The forms' own schemas: what the CMS may store (anti-abuse fields are removed before). */
const FORM_SCHEMAS: Record<string, { safeParse(input: unknown): { success: boolean } }> = {
  submitTestimony: testimonySubmissionSchema,
  sendContactMessage: contactMessageSchema,
  // A 202 stores a row only for a new address: no row count for it below.
  subscribeNewsletter: newsletterSubscriptionSchema,
};
const FORM_UIDS = { submitTestimony: 'api::testimony-submission.testimony-submission', sendContactMessage: 'api::contact-message.contact-message' } as const;

/** Whether a 202 may answer this body: JSON `{ data }` the form's schema accepts, with valid anti-abuse proofs. */
function acceptable(request: FuzzRequest, observation: Observation): boolean {
  const schema = FORM_SCHEMAS[request.operation];
  const original = request.body?.text ?? Buffer.from(request.body?.bytes ?? []).toString('latin1');
  if (!schema || !observation.body || !/json/i.test(request.body?.contentType ?? '')) return false;
  if (!original.includes('"formToken":"<<FORM_TOKEN>>"') || !original.includes('"altcha":"<<ALTCHA>>"')) return false;
  let parsed: unknown;
  try {
    // Bytes bodies were filled as Latin-1; the CMS reads UTF-8.
    parsed = JSON.parse(request.body?.bytes ? Buffer.from(observation.body, 'latin1').toString('utf8') : observation.body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).join() !== 'data') return false;
  const data = (parsed as { data: unknown }).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const { website, formToken: _token, altcha: _altcha, ...fields } = data as Record<string, unknown>;
  if (website !== undefined && website !== null && website !== '') return false;
  return schema.safeParse(fields).success;
}

/** Own keys of what a prototype pollution would change. */
const PROTOTYPES: ReadonlyArray<[string, object]> = [['Object.prototype', Object.prototype], ['Array.prototype', Array.prototype], ['Function.prototype', Function.prototype], ['String.prototype', String.prototype], ['Object', Object]];
const ownKeys = () => PROTOTYPES.map(([, target]) => new Set(Reflect.ownKeys(target)));

/** Keys added to a prototype since `baseline`, removed again so that the rest of the run is not affected. */
function pollution(baseline: Array<Set<string | symbol>>): string[] {
  const found: string[] = [];
  PROTOTYPES.forEach(([name, target], i) => {
    for (const key of Reflect.ownKeys(target)) {
      if (baseline[i]!.has(key)) continue;
      found.push(`${name}.${String(key)}`);
      Reflect.deleteProperty(target, key);
    }
  });
  return found;
}

interface Documents {
  create(params: { data: Record<string, unknown>; status?: 'draft' | 'published' }): Promise<{ documentId: string }>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<unknown>;
  publish(params: { documentId: string }): Promise<unknown>;
}

describe('fuzzing the public API from its contract', () => {
  const contract = readContract();
  let cms: TestStrapi;
  let generator: RequestGenerator;
  let target: Target;
  let oracle: Oracle;
  let baseline: Array<Set<string | symbol>>;
  const stats = new FuzzStats();
  const accepted: Record<string, number> = { submitTestimony: 0, sendContactMessage: 0 };
  const rowsBefore: Record<string, number> = {};
  let started = 0;
  let articleId = '';

  const count = (uid: (typeof FORM_UIDS)[keyof typeof FORM_UIDS]) => cms.strapi.db.query(uid).count({});

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', {
      ...antiAbuseTestEnv,
      // No limiter in the way of the validation paths: every limit off.
      RATE_LIMIT_SUBMISSIONS_PER_IP: '0',
      RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
      RATE_LIMIT_CHALLENGES_PER_IP: '0',
      RATE_LIMIT_READS_ANONYMOUS: '0',
      RATE_LIMIT_READS_TOKEN: '0',
      RATE_LIMIT_TOKEN_REQUESTS_PER_IP: '0',
      CRON_ENABLED: 'false',
    });
    const { strapi } = cms;

    const tokens = strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
    const { accessKey: partnerToken } = await tokens.create({ name: 'Partner del fuzzing', description: '', type: 'read-only', kind: 'content-api', lifespan: null });

    // An admin whose name and e-mail carry the private marker: the author of the drafts and of an approved testimony.
    const [role] = (await strapi.db.query('admin::role').findMany({ orderBy: { id: 'asc' } })) as Array<{ id: number }>;
    const users = strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<{ id: number }> };
    const admin = await users.create({ email: `${PRIVATE_MARKER}.admin@example.org`, firstname: PRIVATE_MARKER, lastname: PRIVATE_MARKER, password: 'Fuzz-Redazione-2026!', isActive: true, registrationToken: null, roles: [role!.id] });

    // A draft article, linked to a published author and category (the ways back to it through relations), scheduled.
    const documents = (uid: string) => strapi.documents(uid as 'api::article.article') as unknown as Documents;
    const [author] = (await strapi.documents('api::author.author').findMany({ status: 'published', limit: 1 })) as Array<{ documentId: string }>;
    const [category] = (await strapi.documents('api::category.category').findMany({ status: 'published', limit: 1 })) as Array<{ documentId: string }>;
    const [answer] = (await strapi.documents('api::answer.answer').findMany({ status: 'published', limit: 1 })) as Array<{ documentId: string }>;
    const draft = await documents('api::article.article').create({
      status: 'draft',
      data: {
        title: `Bozza ${DRAFT_MARKER}`,
        slug: `bozza-${DRAFT_MARKER}`,
        excerpt: `Estratto della bozza ${DRAFT_MARKER}, mai pubblicata.`,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `Testo della bozza ${DRAFT_MARKER}.` }] }],
        publicationDate: '2026-12-01',
        author: { connect: [author!.documentId] },
        categories: { connect: [category!.documentId] },
        answers: { connect: [answer!.documentId] },
        scheduledPublishAt: SCHEDULED_PUBLISH,
        createdBy: admin.id,
        updatedBy: admin.id,
      },
    });
    // A published testimony, scheduled to go offline, whose draft version then changes.
    const testimonies = documents('api::testimony.testimony');
    const [published] = (await strapi.documents('api::testimony.testimony').findMany({ status: 'published', limit: 1 })) as Array<{ documentId: string }>;
    await testimonies.update({ documentId: published!.documentId, data: { scheduledUnpublishAt: SCHEDULED_UNPUBLISH, updatedBy: admin.id } });
    await testimonies.publish({ documentId: published!.documentId });
    await testimonies.update({ documentId: published!.documentId, data: { title: `Storia modificata in bozza ${DRAFT_MARKER}` } });

    // Submissions with a private e-mail and note: one read by its status link, one withdrawn, one approved by the marked admin.
    const submissions = strapi.service('api::testimony-submission.submission') as SubmissionService;
    const submission = (title: string) => submissions.submit({
      data: {
        role: 'cliente', displayName: 'Lettore del fuzzing', contactEmail: `${PRIVATE_MARKER}@example.org`, sector: 'telefonia',
        companyBrand: 'Gestore Esempio', outsourcer: `Outsourcer ${PRIVATE_MARKER}`, channel: 'assistenza_telefonica', eventMonth: '2019-03',
        title, story: STORY, consentToPublish: true, privacyAccepted: true,
      },
    }, { isJson: true, ipHash: 'fuzz' });
    const forStatus = await submission('Storia letta dal link privato');
    const forWithdraw = await submission('Storia da ritirare col link privato');
    const approved = await submission('Storia approvata durante il fuzzing');
    for (const { id } of [forStatus, forWithdraw, approved]) {
      await strapi.db.query('api::testimony-submission.testimony-submission').update({ where: { documentId: id }, data: { moderatorNote: `Nota ${PRIVATE_MARKER}` } });
    }
    await (strapi.service('api::testimony-submission.moderation') as ModerationService).approve(approved.id, {}, { id: admin.id });

    const messages = strapi.service('api::contact-message.contact-message') as ContactMessageService;
    const message = await messages.receive({
      data: { name: PRIVATE_MARKER, email: `${PRIVATE_MARKER}@example.org`, topic: 'libro', message: `Messaggio privato ${PRIVATE_MARKER} per la redazione.`, privacyAccepted: true },
    }, { isJson: true, ipHash: 'fuzz' });
    await strapi.db.query('api::contact-message.contact-message').update({ where: { documentId: message.id }, data: { internalNote: `Nota ${PRIVATE_MARKER}` } });

    // The published entries' ids, as a partner lists them.
    const ids: Record<string, string[]> = {};
    for (const operation of contract.operations.filter((o) => o.parameters.some((p) => p.name === 'filters'))) {
      const res = await fetch(`${cms.url}${contract.prefix}${operation.template}?pagination[pageSize]=100&fields[0]=createdAt`, { headers: { authorization: `Bearer ${partnerToken}` } });
      ids[operation.template] = ((await res.json()) as { data: Array<{ documentId: string }> }).data.map((entry) => entry.documentId);
    }
    articleId = ids['/articles']![0]!;
    const demoDraft = await strapi.documents('api::article.article').findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' });

    const context: FuzzContext = {
      contract,
      huntWords: [DRAFT_MARKER, PRIVATE_MARKER, DEMO_DRAFT_ARTICLE_SLUG, `bozza-${DRAFT_MARKER}`, 'Storia modificata in bozza'],
      ids,
      draftIds: [draft.documentId, demoDraft!.documentId],
      partnerToken,
      submissionTokens: { status: forStatus.accessToken, withdraw: forWithdraw.accessToken },
    };
    generator = new RequestGenerator(context);
    target = { origin: cms.url, prefix: contract.prefix, proofs: antiAbuseProofs() };
    oracle = {
      secrets: [DRAFT_MARKER, PRIVATE_MARKER, DEMO_DRAFT_ARTICLE_SLUG, draft.documentId, demoDraft!.documentId, SCHEDULED_PUBLISH.slice(0, 19), SCHEDULED_UNPUBLISH.slice(0, 19), partnerToken, TEST_ADMIN.email],
      // The partner tests' private keys, and a media file's internals (`related`: every entry using it, drafts included).
      privateKeys: new RegExp(`${PRIVATE_KEYS.source}|"(related|folder)":`),
      privateKeysAllowed: (request, observation) => request.operation === 'getOpenApiDocument' || observation.text.startsWith('{"openapi":'),
      serverPaths: [appDir, cms.database.env.DATABASE_FILENAME!, cms.database.env.PUBLIC_DIR!],
    };
    for (const [operation, uid] of Object.entries(FORM_UIDS)) rowsBefore[operation] = await count(uid);
    baseline = ownKeys();
    started = Date.now();
    console.log(`[fuzz] seed ${SEED} (replay with FUZZ_SEED=${SEED}), scale ${SCALE}, ${BATCH} requests per run`);
  });

  afterAll(async () => {
    if (stats.total > 0) console.log(`[fuzz] ${((Date.now() - started) / 1000).toFixed(1)} s\n${stats.report()}`);
    await cms?.stop();
  });

  /** Sends a batch at once, records it, and throws with every problem found (fast-check then shrinks the batch). */
  async function exchange(batch: FuzzRequest[]): Promise<void> {
    if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${batch.map(describeRequest).join('\n')}\n`);
    const observations = await Promise.all(batch.map((request) => send(request, target)));
    const problems: string[] = [];
    batch.forEach((request, i) => {
      const observation = observations[i]!;
      stats.add(request, observation.status);
      const found = problemsOf(request, observation, oracle);
      if (observation.status === 202 && request.operation in accepted) {
        accepted[request.operation] = (accepted[request.operation] ?? 0) + 1;
        if (!acceptable(request, observation)) found.push('stored a body the form refuses');
      }
      if (found.length > 0) {
        problems.push(`${request.method} ${observation.url.slice(cms.url.length, cms.url.length + 400)} (${request.operation}, ${request.mode}) → ${observation.status}: ${found.join('; ')}\n    sent: ${(observation.body ?? '').slice(0, 300)}\n    got: ${observation.text.slice(0, 400)}`);
      }
    });
    const polluted = pollution(baseline);
    if (polluted.length > 0) problems.push(`prototype pollution by this batch: ${polluted.join(', ')}`);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }

  const operations = contract.operations;

  it('covers every operation of the contract', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((o) => o.id)).toEqual(expect.arrayContaining(['listArticles', 'getArticle', 'getGlobal', 'search', 'submitTestimony', 'sendContactMessage', 'getSubmissionStatus', 'withdrawSubmission']));
  });

  // Found by this suite: Strapi caches parsed queries by the raw query string in a plain object (src/middlewares/safe-query.ts).
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('a query string that is only "%s" answers without a 5xx and pollutes nothing', async (query) => {
    for (const path of ['/articles', `/articles/${articleId}`, '/authors', '/global', '/search', '/sitemap', '/sitemap/article', '/form-tokens/testimony']) {
      const res = await fetch(`${cms.url}${contract.prefix}${path}?${query}`);
      const text = await res.text();
      expect(res.status, `${path}?${query}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(pollution(baseline), `${path}?${query}`).toEqual([]);
    }
  });

  // Found by this suite: a media file's `related` (every entry using it, draft versions included) was populatable.
  it('serves no entry through a media file\'s relations', async () => {
    for (const query of ['populate[cover][populate]=*', 'populate[cover][populate][related]=true', 'populate[cover][populate]=related']) {
      const res = await fetch(`${cms.url}${contract.prefix}/articles/${articleId}?${query}`);
      const text = await res.text();
      expect(res.status, `${query}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text, query).not.toMatch(/"related":|"publishedAt":null/);
    }
  });

  it.each(operations.map((operation, i) => [operation.id, operation, i] as const))('%s', async (_id, operation, i) => {
    await fc.assert(
      fc.asyncProperty(fc.array(generator.forOperation(operation), { minLength: BATCH, maxLength: BATCH }), exchange),
      { seed: SEED + i, numRuns: runsFor(operation), endOnFailure: !SHRINK },
    );
  }, 180_000);

  it('off-contract: other methods and spellings of every path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generator.offContract(), { minLength: BATCH, maxLength: BATCH }), exchange),
      { seed: SEED + operations.length, numRuns: OFF_CONTRACT_RUNS, endOnFailure: !SHRINK },
    );
  }, 180_000);

  it('sent at least 5,000 requests, and stored a submission only for the 202s of bodies the form accepts', async () => {
    expect(stats.total).toBeGreaterThanOrEqual(5_000 * Math.min(SCALE, 1));
    for (const operation of operations) expect(stats.count(operation.id), operation.id).toBeGreaterThan(0);
    for (const [operation, uid] of Object.entries(FORM_UIDS)) {
      expect(await count(uid) - rowsBefore[operation]!, `${operation}: rows created`).toBe(accepted[operation]);
    }
    console.log(`[fuzz] accepted form bodies: ${Object.entries(accepted).map(([o, n]) => `${o} ${n}`).join(', ')}`);
  });
});
