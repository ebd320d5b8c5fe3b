import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient, type SearchResponse, type SearchSegment, type StrapiClient } from '@chiudete/types';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { ensureSearchIndex, searchIndexIdle } from '../../src/api/search/lib';
import { MATCH_START, MATCH_STOP } from '../../src/api/search/lib/highlight';

const ARTICLE = 'api::article.article';
const SUBMISSION = 'api::testimony-submission.testimony-submission';

interface ErrorBody {
  error: { status: number; name: string; message: string; details: { errors: Array<{ field: string; code: string; message: string }> } };
}

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const plain = (segments: SearchSegment[]) => segments.map((s) => s.text).join('');
const marks = (segments: SearchSegment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());

/**
 * Site search against a real Strapi with the demo content, on the given
 * database: Italian relevance (accents, plurals, typos), ranking, filters,
 * highlights, the index following publish/unpublish, what must never be
 * found, and the 400s.
 */
export function searchSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`site search on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;
    let api: StrapiClient;

    const search = (params: Parameters<StrapiClient['search']>[0]) => api.search(params);
    const slugs = (response: SearchResponse) => response.data.map((hit) => hit.slug);
    const raw = (query: string, init?: RequestInit) => fetch(`${cms.url}/api/search?${query}`, init);

    /** Retries `check` until it passes (or rethrows its last failure): index updates follow the editor's action asynchronously. */
    const eventually = async (check: () => Promise<void>, timeoutMs = 15_000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await check();
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };

    /** PostgreSQL keeps the counts of one-word searches per lexeme (search_lexemes): they must be what the entries hold, to the last one. */
    const expectExactLexemeCounts = async () => {
      const client = cms.strapi.db.dialect.client;
      if (client !== 'postgres' && client !== 'pg') return;
      const differences = await cms.strapi.db.connection.raw(`
        WITH actual AS (SELECT l AS lexeme, e.type, count(*)::int AS documents FROM search_entries e, unnest(tsvector_to_array(e.document)) l GROUP BY 1, 2)
        SELECT * FROM (SELECT * FROM actual EXCEPT SELECT lexeme, type, documents FROM search_lexemes) a
        UNION ALL SELECT * FROM (SELECT lexeme, type, documents FROM search_lexemes EXCEPT SELECT * FROM actual) b`) as { rows: unknown[] };
      expect(differences.rows).toEqual([]);
    };

    const createArticle = (title: string, body: string, status?: 'published') => cms.strapi.documents(ARTICLE).create({
      data: {
        title,
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
        excerpt: 'Un articolo scritto per le prove della ricerca.',
        body: paragraph(body) as never,
        publicationDate: '2026-11-20',
      },
      ...(status ? { status } : {}),
    });

    beforeAll(async () => {
      database = await createDatabase();
      cms = await startStrapi(database, { CRON_ENABLED: 'false' });
      api = createStrapiClient({ baseURL: cms.url });
      await searchIndexIdle(cms.strapi);
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    describe('Italian relevance on the demo content', () => {
      it('finds an accented word typed without its accent, first', async () => {
        const result = await search({ q: 'perche ogni operatore' });
        expect(slugs(result)[0]).toBe('perche-ogni-operatore-ti-dice-una-cosa-diversa');
        expect(result.meta.correctedQuery).toBeNull();
        expect(marks(result.data[0]!.titleSegments)).toEqual(['perché', 'ogni', 'operatore']);

        const amaro = await search({ q: 'piu amaro' });
        expect(slugs(amaro)[0]).toBe('per-avere-giustizia-devi-richiamare-lo-stesso-call-center');
        expect(marks(amaro.data[0]!.excerpt)).toEqual(expect.arrayContaining(['più', 'amaro']));
      });

      it('finds the singular from a plural, first', async () => {
        const polizze = await search({ q: 'polizze' });
        expect(slugs(polizze)[0]).toBe('la-polizza-gratuita-per-tre-mesi-che-non-lo-era');
        expect(marks(polizze.data[0]!.titleSegments)).toEqual(['polizza']);

        const registrazioni = await search({ q: 'registrazioni' });
        expect(slugs(registrazioni)[0]).toBe('la-registrazione-della-chiamata-chi-protegge-davvero');
        expect(registrazioni.meta.counts.all).toBeGreaterThanOrEqual(3);
      });

      it('corrects a typo to the nearest indexed word, says so, and finds the right entry first', async () => {
        const contatore = await search({ q: 'contatroe' });
        expect(contatore.meta.correctedQuery).toBe('contatore');
        expect(slugs(contatore)[0]).toBe('sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas');
        expect(marks(contatore.data[0]!.titleSegments)).toEqual(['contatore']);

        const registrazione = await search({ q: 'La registrazoine della chiamata' });
        expect(registrazione.meta.correctedQuery).toBe('La registrazione della chiamata');
        expect(slugs(registrazione)[0]).toBe('la-registrazione-della-chiamata-chi-protegge-davvero');
      });

      it('keeps the accents of the corrected word ("Forse cercavi perché…")', async () => {
        const result = await search({ q: 'prche ogni operatore' });
        expect(result.meta.correctedQuery).toBe('perché ogni operatore');
        expect(slugs(result)[0]).toBe('perche-ogni-operatore-ti-dice-una-cosa-diversa');
      });

      it('matches quoted phrases in order', async () => {
        const phrase = await search({ q: '"per amore e per denaro"' });
        expect(slugs(phrase)[0]).toBe('il-caso-legale-contenuto-nel-romanzo-per-amore-e-per-denaro');
        const reversed = await search({ q: '"denaro per amore"' });
        expect(slugs(reversed)).not.toContain('il-caso-legale-contenuto-nel-romanzo-per-amore-e-per-denaro');
      });

      it('needs every word; when no entry has them all, falls back to any of them', async () => {
        const all = await search({ q: 'lavatrice chat' });
        expect(all.meta.mode).toBe('all');
        expect(slugs(all)).toEqual(['la-chat-che-rispondeva-sempre-con-lo-stesso-messaggio']);

        const any = await search({ q: 'lavatrice polizza' });
        expect(any.meta.mode).toBe('any');
        expect(slugs(any).sort()).toEqual(['la-chat-che-rispondeva-sempre-con-lo-stesso-messaggio', 'la-polizza-gratuita-per-tre-mesi-che-non-lo-era']);
      });

      it('returns nothing, with a 200, for words no entry contains', async () => {
        const result = await search({ q: 'xqzwv kjhgf' });
        expect(result.data).toEqual([]);
        expect(result.meta.counts).toEqual({ all: 0, article: 0, testimony: 0, answer: 0 });
        expect(result.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 0, total: 0 });
      });
    });

    describe('results', () => {
      it('filters by type, counting every type for the tabs', async () => {
        const everything = await search({ q: 'bolletta' });
        const testimonies = await search({ q: 'bolletta', type: 'testimony' });
        expect(everything.meta.counts.testimony).toBeGreaterThan(0);
        expect(everything.meta.counts.article).toBeGreaterThan(0);
        expect(testimonies.meta.counts).toEqual(everything.meta.counts);
        expect(testimonies.meta.type).toBe('testimony');
        expect(testimonies.meta.pagination.total).toBe(everything.meta.counts.testimony);
        expect(testimonies.data.length).toBe(Math.min(10, everything.meta.counts.testimony));
        expect(new Set(testimonies.data.map((hit) => hit.type))).toEqual(new Set(['testimony']));
        expect(everything.meta.counts.all).toBe(everything.meta.counts.article + everything.meta.counts.testimony + everything.meta.counts.answer);
      });

      it('paginates without repeating or losing results', async () => {
        const all = await search({ q: 'operatore', pageSize: 50 });
        expect(all.meta.pagination.total).toBeGreaterThan(6);
        const pages = await Promise.all([1, 2, 3].map((page) => search({ q: 'operatore', page, pageSize: 3 })));
        expect(pages.flatMap(slugs)).toEqual(slugs(all).slice(0, 9));
        expect(pages[0]!.meta.pagination).toMatchObject({ page: 1, pageSize: 3, pageCount: Math.ceil(all.meta.pagination.total / 3) });
      });

      it('ranks a word in the title above the same word in the body', async () => {
        const inBody = await createArticle('Una storia di assistenza qualunque', 'Un ornitorinco al telefono, un ornitorinco in chat, un ornitorinco allo sportello.', 'published');
        const inTitle = await createArticle('L\'ornitorinco del servizio clienti', 'Una storia di assistenza come tante altre, senza animali.', 'published');
        await eventually(async () => {
          const result = await search({ q: 'ornitorinchi' });
          expect(result.data.map((hit) => hit.documentId)).toEqual([inTitle.documentId, inBody.documentId]);
          expect(result.data[0]!.score).toBeGreaterThan(result.data[1]!.score);
        });
      });

      it('returns highlights as plain segments, never HTML, with the text around the match', async () => {
        const result = await search({ q: 'raccomandata' });
        expect(result.data.length).toBeGreaterThan(1);
        for (const hit of result.data) {
          expect(plain(hit.titleSegments)).toBe(hit.title);
          expect(hit.excerpt.length).toBeGreaterThan(0);
          for (const segment of [...hit.titleSegments, ...hit.excerpt]) {
            expect(Object.keys(segment).sort()).toEqual(['match', 'text']);
            expect(segment.text).not.toContain(MATCH_START);
            expect(segment.text).not.toContain(MATCH_STOP);
          }
          expect(marks(hit.excerpt).every((word) => word.startsWith('raccomandat'))).toBe(true);
          expect(hit.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
          // The editorial date: the demo content's own 2019 timeline, never the moment it was seeded.
          expect(hit.date).toMatch(/^2019-\d{2}-\d{2}/);
        }
        expect(result.data.some((hit) => marks(hit.excerpt).length > 0)).toBe(true);
      });

      it('is public: anonymous readers and read-only partner tokens, with the read limits and HTTP caching', async () => {
        const anonymous = await raw('q=bolletta');
        expect(anonymous.status).toBe(200);
        expect(anonymous.headers.get('ratelimit-limit')).toBeTruthy();
        expect(anonymous.headers.get('etag')).toBeTruthy();
        expect(anonymous.headers.get('cache-control')).toMatch(/public/);
        const notModified = await raw('q=bolletta', { headers: { 'If-None-Match': anonymous.headers.get('etag')! } });
        expect(notModified.status).toBe(304);

        const tokens = cms.strapi.service('admin::api-token') as unknown as {
          create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
        };
        const { accessKey } = await tokens.create({ name: 'Partner search', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
        const partner = createStrapiClient({ baseURL: cms.url, token: accessKey });
        expect((await partner.search({ q: 'bolletta' })).meta.counts.all).toBe((await anonymous.json() as SearchResponse).meta.counts.all);
      });
    });

    describe('the index follows the content', () => {
      it('finds an article once published, and no more once unpublished or deleted', async () => {
        const article = await createArticle('Il centralino che suonava il mandolino', 'Una melodia di attesa infinita.', 'published');
        await eventually(async () => expect(slugs(await search({ q: 'mandolino' }))).toEqual(['il-centralino-che-suonava-il-mandolino']));

        await cms.strapi.documents(ARTICLE).unpublish({ documentId: article.documentId });
        await eventually(async () => expect((await search({ q: 'mandolino' })).data).toEqual([]));

        await cms.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
        await eventually(async () => expect(slugs(await search({ q: 'mandolino' }))).toHaveLength(1));

        await cms.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
        await eventually(async () => expect((await search({ q: 'mandolino' })).data).toEqual([]));
      });

      it('shows the published version: draft edits are found only once published', async () => {
        const article = await createArticle('La segreteria telefonica dimenticata', 'Nessuno ascoltava i messaggi.', 'published');
        await eventually(async () => expect(slugs(await search({ q: 'segreteria dimenticata' }))).toHaveLength(1));

        await cms.strapi.documents(ARTICLE).update({ documentId: article.documentId, data: { body: paragraph('Nessuno ascoltava i messaggi del pappagallo.') as never } });
        await searchIndexIdle(cms.strapi);
        expect((await search({ q: 'pappagallo' })).data).toEqual([]);

        await cms.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
        await eventually(async () => expect(slugs(await search({ q: 'pappagallo' }))).toEqual(['la-segreteria-telefonica-dimenticata']));
      });

      it('counts the matches of a one-word search exactly as entries come, change and go', async () => {
        // A word no entry contains any more may be corrected to another one: that is not a count of it.
        const counts = async (q: string) => {
          const { meta } = await search({ q });
          return meta.correctedQuery === null ? meta.counts : { all: 0, article: 0, testimony: 0, answer: 0 };
        };
        const first = await createArticle('Un armadillo al numero verde', 'Un armadillo risponde, un armadillo ascolta.', 'published');
        const second = await createArticle('La fila degli armadilli', 'Nessun armadillo ha mai richiamato.', 'published');
        await eventually(async () => expect(await counts('armadillo')).toMatchObject({ all: 2, article: 2, testimony: 0 }));
        // The plural is the same lexeme, a phrase and two words are counted by matching.
        expect((await counts('armadilli')).article).toBe(2);
        expect((await counts('"numero verde" armadillo')).article).toBe(1);

        await cms.strapi.documents(ARTICLE).update({ documentId: second.documentId, data: { title: 'La fila dei castori', body: paragraph('Nessun castoro ha mai richiamato.') as never } });
        await cms.strapi.documents(ARTICLE).publish({ documentId: second.documentId });
        await eventually(async () => expect((await counts('castoro')).article).toBe(1));
        expect((await counts('armadillo')).article).toBe(1);

        await cms.strapi.documents(ARTICLE).unpublish({ documentId: first.documentId });
        await cms.strapi.documents(ARTICLE).delete({ documentId: second.documentId });
        await eventually(async () => expect((await counts('castoro')).all).toBe(0));
        expect((await counts('armadillo')).all).toBe(0);

        await expectExactLexemeCounts();
      });

      it('never finds drafts', async () => {
        for (const q of ['fretta di chiudere', 'bozza non pubblicata', 'tempo medio di conversazione']) {
          expect(slugs(await search({ q }))).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
        }
        await createArticle('Il fax che nessuno leggeva', 'Una bozza sul fax dimenticato.');
        await searchIndexIdle(cms.strapi);
        expect((await search({ q: 'fax' })).data).toEqual([]);
      });

      it('never finds what only a testimony submission says (private until approved)', async () => {
        await cms.strapi.documents(SUBMISSION).create({
          data: {
            submissionStatus: 'nuova',
            role: 'cliente',
            displayName: 'Zebedeo Quarantotto',
            contactEmail: 'zebedeo@example.org',
            sector: 'luce',
            channel: 'telemarketing',
            eventMonth: '2026-10',
            title: 'Il venditore di zanzariere al telefono',
            story: 'Mi ha chiamato un venditore di zanzariere elettriche per sei volte in un giorno. '.repeat(4),
            redactedStory: 'Mi ha chiamato un venditore di zanzariere elettriche per sei volte in un giorno. '.repeat(4),
            consentToPublish: true,
            privacyAccepted: true,
            submittedAt: new Date().toISOString(),
          },
        });
        await searchIndexIdle(cms.strapi);
        for (const q of ['zanzariere', 'Zebedeo', 'Quarantotto', 'zebedeo@example.org']) {
          expect((await search({ q })).meta.counts.all).toBe(0);
        }
      });

      it('rebuilds at boot when the index lost entries', async () => {
        await cms.strapi.db.connection.raw('DELETE FROM search_entries WHERE type = ?', ['answer']);
        await expectExactLexemeCounts();
        await ensureSearchIndex(cms.strapi);
        const result = await search({ q: 'raccomandata', type: 'answer' });
        expect(slugs(result)).toContain('disdetta-serve-la-raccomandata');
        await expectExactLexemeCounts();
      });
    });

    describe('bad requests: 400 with a clear message, never a 500', () => {
      const badRequest = async (query: string, field: string, pattern: RegExp) => {
        const res = await raw(query);
        const body = await res.json() as ErrorBody;
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(body.error.name).toBe('ValidationError');
        expect(body.error.message).toMatch(pattern);
        expect(body.error.details.errors.map((e) => e.field)).toContain(field);
        for (const error of body.error.details.errors) expect(error.message.length).toBeGreaterThan(10);
      };

      it('refuses a missing, too short, too long or repeated query', async () => {
        await badRequest('', 'q', /"q" must be the text to search for/);
        await badRequest('q=%20a%20', 'q', /2 to 100 characters/);
        await badRequest(`q=${'a'.repeat(101)}`, 'q', /2 to 100 characters/);
        await badRequest('q=uno&q=due', 'q', /given once/);
        await badRequest('q[$ne]=x', 'q', /"q"/);
      });

      it('refuses an unknown type, bad pagination and unknown parameters', async () => {
        await badRequest('q=bolletta&type=video', 'type', /article, testimony, answer/);
        await badRequest('q=bolletta&page=0', 'page', /"page" must be an integer/);
        await badRequest('q=bolletta&page=abc', 'page', /"page"/);
        await badRequest('q=bolletta&pageSize=51', 'pageSize', /from 1 to 50/);
        await badRequest('q=bolletta&pageSize=2.5', 'pageSize', /"pageSize"/);
        await badRequest('q=bolletta&populate=*', 'populate', /Unknown parameter "populate"/);
        await badRequest('q=bolletta&status=draft', 'status', /Unknown parameter "status"/);
      });

      it('answers queries of punctuation, SQL or FTS syntax as plain text', async () => {
        for (const q of ['"" OR 1=1 --', 'NEAR(a b)', 'title:*', '\'; DROP TABLE search_entries; --', '?!', '"unclosed', '-- ** ^^']) {
          const res = await raw(`q=${encodeURIComponent(q)}`);
          expect(res.status, q).toBe(200);
        }
        expect((await search({ q: 'bolletta' })).meta.counts.all).toBeGreaterThan(0);
      });
    });
  });
}
