import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { expectNothingMoreFor } from './helpers/nothing-more';
import { DEMO_SLUGS } from '@chiudete/demo-content';
import type { RevalidationRequest } from '../src/site-revalidation';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const SECRET = 'revalidate-secret-for-the-integration-test';

interface Received {
  at: number;
  authorization: string | undefined;
  body: RevalidationRequest;
}

/**
 * Publishing, re-publishing, unpublishing and deleting in the real Strapi
 * (document service, as the admin does) calls the site's revalidation
 * endpoint: here a real local HTTP server that records what it receives.
 */
describe('site revalidation', () => {
  let cms: TestStrapi;
  let receiver: Server;
  let received: Received[];
  /** Status of the receiver's next answers (default 200). */
  let answers: number[];

  const articleData = (slug: string, extra: Record<string, unknown> = {}) => ({
    title: `Articolo ${slug}`,
    slug,
    excerpt: 'Un articolo di prova per la revalidazione del sito.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Testo di prova.' }] }],
    publicationDate: '2026-11-28',
    ...extra,
  });

  /** Waits for `count` requests in all (the sending runs in the background). */
  const waitForRequests = async (count: number, timeoutMs = 5_000): Promise<Received[]> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received.length, JSON.stringify(received.map((r) => r.body))).toBeGreaterThanOrEqual(count);
    return received;
  };

  const categoryIds = async (slugs: string[]) => {
    const rows = (await cms.strapi.documents(CATEGORY).findMany({ filters: { slug: { $in: slugs } }, fields: ['slug'] })) as Array<{ documentId: string }>;
    return rows.map((row) => row.documentId);
  };

  beforeAll(async () => {
    received = [];
    answers = [];
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => { raw += chunk.toString(); });
      req.on('end', () => {
        received.push({ at: Date.now(), authorization: req.headers.authorization, body: JSON.parse(raw) as RevalidationRequest });
        res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/revalidate`;
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', REVALIDATE_SECRET: SECRET, SITE_REVALIDATE_URL: receiverUrl });
    // Loading the demo content at boot is not news for the site; sending starts 1 s after the server listens.
    await expectNothingMoreFor(1_500, () => received.length, 0, 'revalidation requests for the demo content loaded at boot');
  });

  afterAll(async () => {
    await cms?.stop();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  beforeEach(() => {
    received = [];
    answers = [];
  });

  it('sends the first publish of an article with the bearer secret, its slug and the pages linked to it', async () => {
    const [category] = await categoryIds([DEMO_SLUGS.categories[0]!]);
    const draft = await cms.strapi.documents(ARTICLE).create({ data: articleData('revalidazione-uno', { categories: [category] }) as never });
    // Saving a draft changes nothing public.
    await expectNothingMoreFor(300, () => received.length, 0, 'revalidation requests after saving a draft');

    await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    const [request] = await waitForRequests(1);
    expect(request!.authorization).toBe(`Bearer ${SECRET}`);
    expect(request!.body).toEqual({
      type: 'article',
      action: 'published',
      documentId: draft.documentId,
      slug: 'revalidazione-uno',
      related: { category: [DEMO_SLUGS.categories[0]] },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('sends the old slug and the old links when a re-publish changes them', async () => {
    const [first, second] = await categoryIds(DEMO_SLUGS.categories.slice(0, 2));
    const doc = await cms.strapi.documents(ARTICLE).create({ data: articleData('revalidazione-vecchio', { categories: [first] }) as never });
    await cms.strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    await waitForRequests(1);
    received = [];

    await cms.strapi.documents(ARTICLE).update({ documentId: doc.documentId, data: { slug: 'revalidazione-nuovo', categories: [second] } as never });
    await expectNothingMoreFor(300, () => received.length, 0, 'revalidation requests after editing a draft');
    await cms.strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    const [request] = await waitForRequests(1);
    expect(request!.body).toMatchObject({
      type: 'article',
      action: 'published',
      slug: 'revalidazione-nuovo',
      previousSlug: 'revalidazione-vecchio',
      related: { category: [...DEMO_SLUGS.categories.slice(0, 2)].sort() },
    });
  });

  it('sends an unpublish with the slug and links the public version had', async () => {
    const [category] = await categoryIds([DEMO_SLUGS.categories[0]!]);
    const doc = await cms.strapi.documents(ARTICLE).create({ data: articleData('revalidazione-ritirato', { categories: [category] }) as never });
    await cms.strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    await waitForRequests(1);
    received = [];

    await cms.strapi.documents(ARTICLE).unpublish({ documentId: doc.documentId });
    const [request] = await waitForRequests(1);
    expect(request!.body).toMatchObject({
      type: 'article',
      action: 'unpublished',
      documentId: doc.documentId,
      slug: 'revalidazione-ritirato',
      related: { category: [DEMO_SLUGS.categories[0]] },
    });

    // Deleting a document that is only a draft changes nothing public: no call.
    // Deleting a published one is an unpublish, sent once (not once per version).
    received = [];
    await cms.strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    await waitForRequests(1);
    received = [];
    await cms.strapi.documents(ARTICLE).delete({ documentId: doc.documentId });
    const [deleted] = await waitForRequests(1);
    expect(deleted!.body).toMatchObject({ type: 'article', action: 'unpublished', documentId: doc.documentId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received, JSON.stringify(received.map((r) => r.body))).toHaveLength(1);

    received = [];
    const draftOnly = await cms.strapi.documents(ARTICLE).create({ data: articleData('revalidazione-solo-bozza') as never });
    await cms.strapi.documents(ARTICLE).delete({ documentId: draftOnly.documentId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toEqual([]);
  });

  it('sends changes to types without draft & publish (a category rename) with the articles that show it', async () => {
    const [documentId] = await categoryIds([DEMO_SLUGS.categories[0]!]);
    await cms.strapi.documents(CATEGORY).update({ documentId: documentId!, data: { name: 'Telemarketing aggressivo (rinominata)' } as never });
    const [request] = await waitForRequests(1);
    expect(request!.body).toMatchObject({ type: 'category', action: 'published', slug: DEMO_SLUGS.categories[0] });
    expect(request!.body.related.article?.length).toBeGreaterThan(0);
  });

  it('never blocks nor fails the editor: a failing site is retried in the background', async () => {
    answers = [503, 503, 503];
    const doc = await cms.strapi.documents(ARTICLE).create({ data: articleData('revalidazione-sito-giu') as never });
    const started = Date.now();
    await cms.strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    expect(Date.now() - started).toBeLessThan(1_000);
    const requests = await waitForRequests(3);
    expect(requests.map((r) => r.body.slug)).toEqual(['revalidazione-sito-giu', 'revalidazione-sito-giu', 'revalidazione-sito-giu']);
    // The retries wait 250 ms, then 1 s.
    expect(requests[2]!.at - requests[0]!.at).toBeGreaterThanOrEqual(1_200);
    await expectNothingMoreFor(300, () => received.length, 3, 'revalidation requests (the first and two retries)');
    const published = await cms.strapi.documents(ARTICLE).findOne({ documentId: doc.documentId, status: 'published' });
    expect(published).not.toBeNull();
  });
});
