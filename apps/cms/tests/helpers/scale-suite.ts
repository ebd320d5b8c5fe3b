import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Core, UID } from '@strapi/strapi';
import { SEARCH_MAX_RESULTS, createStrapiClient, osservatorioCompanySlug, type OsservatorioResponse, type SearchResponse, type StrapiClient } from '@chiudete/types';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { captureStatements, explain, indexNames, rows, type Statement } from './sql';
import { generateArticle, generateTestimony, loadScaleContent, type ScaleSeedOptions } from '../../scripts/scale-seed';
import { documentIdFor } from '../../scripts/scale-seed/random';
import { ensureSearchIndex, indexPublishedBatch, searchIndexIdle } from '../../src/api/search/lib';
import { DEEP_OFFSET } from '../../src/deep-pages';
import { fold, stem, tokenize } from '../../src/api/search/lib/analysis';
import { toIndexDocument } from '../../src/api/search/lib/documents';
import { invalidateOsservatorio } from '../../src/osservatorio';

const TESTIMONY = 'api::testimony.testimony';
const ARTICLE = 'api::article.article';
const ANSWER = 'api::answer.answer';
/** The generated corpus: enough for a word to match more than SEARCH_MAX_RESULTS entries, and for deep pages. */
const SEED = 7;
const TESTIMONIES = 1500;
const ARTICLES = 150;

interface JoinTable {
  name: string;
}
interface Meta {
  tableName: string;
  attributes: Record<string, { joinTable?: JoinTable }>;
}
const metaOf = (strapi: Core.Strapi, uid: UID.ContentType) => strapi.db.metadata.get(uid) as unknown as Meta;
const tableOf = (strapi: Core.Strapi, uid: UID.ContentType) => metaOf(strapi, uid).tableName;
const linkTableOf = (strapi: Core.Strapi, attribute: 'author' | 'categories') => metaOf(strapi, ARTICLE).attributes[attribute]!.joinTable!.name;

/**
 * The CMS at scale against a real Strapi on the given database: the bulk
 * generator (counts, determinism, idempotence, search index), the indexes
 * of the public lists (present, used by the queries Strapi sends, kept
 * across restarts), no N+1 in populated lists, search on a generated corpus
 * (typo correction, relevance, bounded counts) and its background rebuild.
 * Results, never timings (those are measured by bench/scale.ts).
 */
export function scaleSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`at scale on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;
    let api: StrapiClient;

    /** Read limits high enough never to refuse, no cron, rebuilds at full speed unless a test slows them. */
    const ENV = { CRON_ENABLED: 'false', RATE_LIMIT_READS_ANONYMOUS: '1000000', SEARCH_REBUILD_PAUSE_MS: '0' };
    const start = async (env: Record<string, string> = {}) => {
      cms = await startStrapi(database, { ...ENV, ...env });
      api = createStrapiClient({ baseURL: cms.url });
    };
    /** Restarts Strapi on the same database; waits for its index check unless `background` (to watch a rebuild under way). */
    const restart = async (env: Record<string, string> = {}, { background = false } = {}) => {
      await cms.stop();
      await start(env);
      if (!background) await searchIndexIdle(cms.strapi);
    };
    const load = (options: Pick<ScaleSeedOptions, 'testimonies' | 'articles' | 'seed'>) =>
      loadScaleContent(cms.strapi, { ...options, batchSize: 200, indexBatch: (trx, documents) => indexPublishedBatch(cms.strapi, trx, documents) });
    const get = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${cms.url}${path}`);
      expect(res.status, `${path}: ${res.status}`).toBe(200);
      return res.json() as Promise<T>;
    };
    const search = (query: string) => get<SearchResponse>(`/api/search?${query}`);
    const count = async (sql: string, bindings: unknown[] = []) => Number((await rows<{ n: number | string }>(cms.strapi, sql, bindings))[0]!.n);
    const indexedCounts = async () => Object.fromEntries((await rows<{ type: string; n: number | string }>(cms.strapi, 'SELECT type, count(*) AS n FROM search_entries GROUP BY type')).map((row) => [row.type, Number(row.n)]));
    const publishedCount = (uid: UID.ContentType) => count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, uid)} WHERE published_at IS NOT NULL`);
    const searchIsCurrent = async () => {
      const indexed = await indexedCounts();
      return indexed.testimony === await publishedCount(TESTIMONY) && indexed.article === await publishedCount(ARTICLE) && indexed.answer === await publishedCount(ANSWER);
    };

    beforeAll(async () => {
      database = await createDatabase();
      await start();
      await searchIndexIdle(cms.strapi);
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    describe('the generator (pnpm seed:scale)', () => {
      /** Rows of everything the generator writes, in a stable order, hashed. */
      async function checksum(): Promise<string> {
        const hash = createHash('sha256');
        const tables: Array<[string, string]> = [
          [tableOf(cms.strapi, TESTIMONY), 'id'],
          [tableOf(cms.strapi, ARTICLE), 'id'],
          [linkTableOf(cms.strapi, 'author'), 'id'],
          [linkTableOf(cms.strapi, 'categories'), 'id'],
          ['search_entries', 'id'],
          ['search_vocabulary', 'word, display'],
        ];
        for (const [table, order] of tables) {
          const found = await rows<Record<string, unknown>>(cms.strapi, `SELECT * FROM ${table} ORDER BY ${order}`);
          hash.update(`${table}:${found.length}\n${JSON.stringify(found)}\n`);
        }
        return hash.digest('hex');
      }

      const counts = async () => ({
        testimonyRows: await count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, TESTIMONY)}`),
        testimonies: await publishedCount(TESTIMONY),
        articleRows: await count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, ARTICLE)}`),
        articles: await publishedCount(ARTICLE),
        authorLinks: await count(`SELECT count(*) AS n FROM ${linkTableOf(cms.strapi, 'author')}`),
        categoryLinks: await count(`SELECT count(*) AS n FROM ${linkTableOf(cms.strapi, 'categories')}`),
      });

      it('loads exactly the counts it claims: a draft and a published row per document, their links, their search entries', async () => {
        const before = await counts();
        const indexedBefore = await indexedCounts();
        const result = await load({ testimonies: TESTIMONIES, articles: ARTICLES, seed: SEED });
        expect(result.testimonies).toEqual({ inserted: TESTIMONIES, existing: 0 });
        expect(result.articles).toEqual({ inserted: ARTICLES, existing: 0 });

        const authors = await count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, 'api::author.author')}`);
        const categories = await count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, 'api::category.category')}`);
        const categoryLinks = Array.from({ length: ARTICLES }, (_, i) => generateArticle(SEED, i, authors, categories).categories.length).reduce((a, b) => a + b, 0);
        const after = await counts();
        expect(after.testimonyRows - before.testimonyRows).toBe(2 * TESTIMONIES);
        expect(after.testimonies - before.testimonies).toBe(TESTIMONIES);
        expect(after.articleRows - before.articleRows).toBe(2 * ARTICLES);
        expect(after.articles - before.articles).toBe(ARTICLES);
        // One author and its categories for the draft row and for the published row of each article.
        expect(after.authorLinks - before.authorLinks).toBe(2 * ARTICLES);
        expect(after.categoryLinks - before.categoryLinks).toBe(2 * categoryLinks);

        const ids = Array.from({ length: 300 }, (_, i) => documentIdFor(SEED, 'testimony', i));
        const versions = await rows<{ n: number | string; published: number | string }>(cms.strapi,
          `SELECT count(*) AS n, count(published_at) AS published FROM ${tableOf(cms.strapi, TESTIMONY)} WHERE document_id IN (${ids.map(() => '?').join(', ')}) GROUP BY document_id`, ids);
        expect(versions).toHaveLength(ids.length);
        for (const version of versions) expect([Number(version.n), Number(version.published)]).toEqual([2, 1]);

        const indexed = await indexedCounts();
        expect(indexed.testimony! - (indexedBefore.testimony ?? 0)).toBe(TESTIMONIES);
        expect(indexed.article! - (indexedBefore.article ?? 0)).toBe(ARTICLES);
        expect(await searchIsCurrent()).toBe(true);
      });

      it('writes what the generator draws, read back through the public API as Strapi stores it', async () => {
        for (const index of [0, 1, TESTIMONIES - 1]) {
          const expected = generateTestimony(SEED, index);
          const found = await api.testimonies.getBySlug(expected.slug);
          expect(found).toMatchObject({
            documentId: expected.documentId, title: expected.title, role: expected.role, sector: expected.sector, channel: expected.channel,
            companyBrand: expected.companyBrand, eventMonth: expected.eventMonth, story: expected.story, displayName: expected.displayName,
            publishedAt: expected.publishedAt.toISOString(),
          });
        }
        const authors = await api.authors.listAll();
        const categories = (await api.categories.listAll()).sort((a, b) => a.slug.localeCompare(b.slug));
        const drawn = generateArticle(SEED, 3, authors.length, categories.length);
        const article = await api.articles.getBySlug(drawn.slug);
        expect(article?.title).toBe(drawn.title);
        expect(article?.body).toEqual(drawn.body);
        expect(article?.author?.name).toBe(authors[drawn.author]!.name);
        expect(article?.categories?.map((category) => category.slug)).toEqual(drawn.categories.map((i) => categories[i]!.slug));
      });

      it('changes nothing when run again with the same seed (counts and a checksum of the data identical)', async () => {
        const before = await checksum();
        const result = await load({ testimonies: TESTIMONIES, articles: ARTICLES, seed: SEED });
        expect(result.testimonies).toEqual({ inserted: 0, existing: TESTIMONIES });
        expect(result.articles).toEqual({ inserted: 0, existing: ARTICLES });
        expect(await checksum()).toBe(before);
      });

      it('adds a different set with another seed', async () => {
        const before = await counts();
        const result = await load({ testimonies: 120, articles: 12, seed: SEED + 1 });
        expect(result.testimonies).toEqual({ inserted: 120, existing: 0 });
        expect(result.articles).toEqual({ inserted: 12, existing: 0 });
        const after = await counts();
        expect(after.testimonies - before.testimonies).toBe(120);
        expect(after.articles - before.articles).toBe(12);
        const slugs = await rows<{ slug: string }>(cms.strapi, `SELECT slug FROM ${tableOf(cms.strapi, TESTIMONY)} WHERE published_at IS NOT NULL`);
        expect(new Set(slugs.map((row) => row.slug)).size).toBe(slugs.length);
        expect(await searchIsCurrent()).toBe(true);
      });
    });

    describe('indexes of the public lists', () => {
      const DECLARED: UID.ContentType[] = [TESTIMONY, ARTICLE, ANSWER, 'api::video.video', 'api::author.author', 'api::category.category', 'api::book-release.book-release'];
      const declared = (uid: UID.ContentType) => ((cms.strapi.contentTypes[uid] as unknown as { indexes?: Array<{ name: string }> }).indexes ?? []).map((index) => index.name);

      const assertIndexesExist = async () => {
        for (const uid of DECLARED) {
          expect(declared(uid).length, uid).toBeGreaterThan(0);
          const present = await indexNames(cms.strapi, tableOf(cms.strapi, uid));
          for (const index of declared(uid)) expect(present, `${uid}: ${index}`).toContain(index);
        }
      };

      /** The statements a request sends to a table (not the permission lookups). */
      const statementsOf = async (path: string, table: string): Promise<Statement[]> => {
        const all = await captureStatements(cms.strapi, () => get(path));
        return all.filter((statement) => new RegExp(`["\`]${table}["\`]`).test(statement.sql) && /^select/i.test(statement.sql.trim()));
      };

      it('exist, as each type\'s schema.json declares them', assertIndexesExist);

      it('serve the list, its count and its deep pages as Strapi queries them (sector + role, newest first)', async () => {
        const table = tableOf(cms.strapi, TESTIMONY);
        const index = 'testimonies_sector_role_published_idx';
        const filter = 'filters[sector][$eq]=luce&filters[role][$eq]=cliente&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[pageSize]=10';
        const matching = await count(`SELECT count(*) AS n FROM ${table} WHERE published_at IS NOT NULL AND sector = ? AND role = ?`, ['luce', 'cliente']);
        const deepPage = Math.floor(DEEP_OFFSET / 10) + 1;
        expect(matching).toBeGreaterThan(deepPage * 10);

        const first = await statementsOf(`/api/testimonies?${filter}`, table);
        const [list, listCount] = [first.find((s) => /order by/i.test(s.sql))!, first.find((s) => /count\(/i.test(s.sql))!];
        expect(await explain(cms.strapi, list)).toContain(index);
        expect(await explain(cms.strapi, listCount)).toContain(index);

        const deep = await statementsOf(`/api/testimonies?${filter}&pagination[page]=${deepPage}`, table);
        // Deep pages in two steps (src/deep-pages): the page's ids from the index alone, then those rows.
        const ids = deep.find((s) => /offset/i.test(s.sql) && /select\s+["`]t0["`]\.["`]id["`]\s+from/i.test(s.sql))!;
        expect(ids, deep.map((s) => s.sql).join('\n')).toBeDefined();
        expect(await explain(cms.strapi, ids)).toContain(index);
        const page = await get<{ data: Array<{ id: number }> }>(`/api/testimonies?${filter}&pagination[page]=${deepPage}`);
        const expected = await rows<{ id: number }>(cms.strapi, `SELECT id FROM ${table} WHERE published_at IS NOT NULL AND sector = ? AND role = ? ORDER BY published_at DESC, id DESC LIMIT 10 OFFSET ?`, ['luce', 'cliente', (deepPage - 1) * 10]);
        expect(page.data.map((entry) => Number(entry.id))).toEqual(expected.map((row) => Number(row.id)));
      });

      it('serve the other public reads: articles by date, slug lookups, the sitemap', async () => {
        const articles = tableOf(cms.strapi, ARTICLE);
        const deep = await statementsOf(`/api/articles?sort[0]=publicationDate:desc&sort[1]=id:desc&pagination[pageSize]=9&pagination[page]=15`, articles);
        expect(await explain(cms.strapi, deep.find((s) => /offset/i.test(s.sql))!)).toContain('articles_publication_date_idx');

        const slug = generateTestimony(SEED, 5).slug;
        const bySlug = await statementsOf(`/api/testimonies?filters[slug][$eq]=${slug}`, tableOf(cms.strapi, TESTIMONY));
        expect(await explain(cms.strapi, bySlug.find((s) => /order by/i.test(s.sql))!, { sorts: true })).toContain('testimonies_slug_idx');

        const sitemap = await statementsOf('/api/sitemap/testimony?page=2&pageSize=100', tableOf(cms.strapi, TESTIMONY));
        expect(await explain(cms.strapi, sitemap.find((s) => /order by/i.test(s.sql))!)).toContain('testimonies_slug_idx');
      });

      it('survive a restart (Strapi\'s schema sync keeps them)', async () => {
        await restart();
        await assertIndexesExist();
      });
    });

    describe('populated lists', () => {
      it.each([
        ['/api/articles', 10, 100],
        ['/api/testimonies', 10, 100],
        ['/api/answers', 1, 5],
      ])('%s: as many SQL statements for %i entries as for %i (no N+1)', async (path, small, large) => {
        const statements = async (pageSize: number) => {
          let size = 0;
          const sent = await captureStatements(cms.strapi, async () => {
            size = (await get<{ data: unknown[] }>(`${path}?pagination[pageSize]=${pageSize}`)).data.length;
          });
          expect(size).toBe(pageSize);
          return sent.length;
        };
        const few = await statements(small);
        expect(await statements(large)).toBe(few);
      });
    });

    describe('the Osservatorio on a generated corpus', () => {
      it('counts what SQL counts, every filter from one scan', async () => {
        const table = tableOf(cms.strapi, TESTIMONY);
        invalidateOsservatorio(cms.strapi);
        let all: OsservatorioResponse | undefined;
        let telephony: OsservatorioResponse | undefined;
        const statements = await captureStatements(cms.strapi, async () => {
          // Until the figures are current (no-cache: answered from out-of-date ones while the scan runs).
          for (;;) {
            const fresh = await fetch(`${cms.url}/api/osservatorio?sector=altro`);
            if (!/no-cache/.test(fresh.headers.get('cache-control') ?? '')) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          [all, telephony] = await Promise.all([get<OsservatorioResponse>('/api/osservatorio'), get<OsservatorioResponse>('/api/osservatorio?sector=telefonia&from=2022-01&to=2024-12')]);
        });
        expect(statements.filter((statement) => statement.sql.includes(table))).toHaveLength(1);

        expect(all!.data.total).toBe(await count(`SELECT count(*) AS n FROM ${table} WHERE published_at IS NOT NULL`));
        expect(all!.data.total).toBeGreaterThan(TESTIMONIES);
        const bySector = await rows<{ sector: string; n: number | string }>(cms.strapi, `SELECT sector, count(*) AS n FROM ${table} WHERE published_at IS NOT NULL GROUP BY sector`);
        for (const { sector, n } of bySector) expect(all!.data.bySector.find((row) => row.key === sector)?.count, sector).toBe(Number(n));
        expect(telephony!.data.total).toBe(await count(`SELECT count(*) AS n FROM ${table} WHERE published_at IS NOT NULL AND sector = 'telefonia' AND event_month BETWEEN '2022-01' AND '2024-12'`));

        const brands = await rows<{ brand: string | null; n: number | string }>(cms.strapi, `SELECT company_brand AS brand, count(*) AS n FROM ${table} WHERE published_at IS NOT NULL GROUP BY company_brand`);
        const bySlug = new Map<string, number>();
        for (const { brand, n } of brands) {
          const slug = brand ? osservatorioCompanySlug(brand) : null;
          if (slug) bySlug.set(slug, (bySlug.get(slug) ?? 0) + Number(n));
        }
        const named = [...bySlug].filter(([, n]) => n >= all!.data.companyThreshold);
        expect(Object.fromEntries(all!.data.companies.map((company) => [company.slug, company.count]))).toEqual(Object.fromEntries(named));
      });
    });

    describe('search on a generated corpus', () => {
      const matchedWords = (response: SearchResponse) => response.data.map((hit) => [...hit.titleSegments, ...hit.excerpt].filter((s) => s.match).map((s) => s.text.toLowerCase()));

      it('corrects a typo against the whole vocabulary, and finds the corrected word', async () => {
        const result = await search('q=opertore&type=testimony');
        expect(result.meta.correctedQuery).toBe('operatore');
        expect(result.data).toHaveLength(10);
        for (const words of matchedWords(result)) expect(words.some((word) => word.startsWith('operat'))).toBe(true);

        const brand = await search('q=Pettiroso');
        expect(brand.meta.correctedQuery).toBe('Pettirosso');
        expect(brand.data.length).toBeGreaterThan(0);
      });

      it('counts a rare word exactly, on every entry that has it', async () => {
        const result = await search('q=pettirosso&type=testimony&pageSize=50');
        const expected = await count(`SELECT count(*) AS n FROM ${tableOf(cms.strapi, TESTIMONY)} WHERE published_at IS NOT NULL AND company_brand = ?`, ['Gas del Pettirosso']);
        expect(expected).toBeGreaterThan(0);
        expect(expected).toBeLessThan(SEARCH_MAX_RESULTS);
        expect(result.meta.countsCapped).toBe(false);
        expect(result.meta.counts.testimony).toBe(expected);
        expect(result.meta.pagination.total).toBe(expected);
      });

      it('ranks a word in the title above the same word in the body', async () => {
        const result = await search('q=raccomandata&type=article');
        expect(result.meta.counts.article).toBeGreaterThan(result.data.length);
        expect(result.data[0]!.titleSegments.some((segment) => segment.match)).toBe(true);
        const scores = result.data.map((hit) => hit.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it('bounds a very common word: counts capped, the newest matches ranked, each once, page after page', async () => {
        const first = await search('q=operatore&type=testimony&pageSize=50');
        expect(first.meta.countsCapped).toBe(true);
        expect(first.meta.counts.testimony).toBe(SEARCH_MAX_RESULTS);
        expect(first.meta.pagination).toEqual({ page: 1, pageSize: 50, pageCount: SEARCH_MAX_RESULTS / 50, total: SEARCH_MAX_RESULTS });
        const pages = [first];
        for (let page = 2; page <= SEARCH_MAX_RESULTS / 50; page++) pages.push(await search(`q=operatore&type=testimony&pageSize=50&page=${page}`));
        const ids = pages.flatMap((page) => page.data.map((hit) => hit.documentId));
        expect(ids).toHaveLength(SEARCH_MAX_RESULTS);
        expect(new Set(ids).size).toBe(SEARCH_MAX_RESULTS);
        expect((await search(`q=operatore&type=testimony&pageSize=50&page=${SEARCH_MAX_RESULTS / 50 + 1}`)).data).toEqual([]);
        // The candidates are the newest matches: the newest testimony with the word is among them, the oldest is not.
        // Matches as the index sees them: the words of the indexed text, by stem (operatore, operatori…).
        const wanted = stem(fold('operatore'));
        const withWord = Array.from({ length: TESTIMONIES }, (_, i) => generateTestimony(SEED, i))
          .filter((testimony) => {
            const indexed = toIndexDocument('testimony', { ...testimony, publishedAt: testimony.publishedAt.toISOString() })!;
            return tokenize(`${indexed.title} ${indexed.body}`).some((token) => stem(token.folded) === wanted);
          })
          .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
        expect(withWord.length).toBeGreaterThan(SEARCH_MAX_RESULTS);
        expect(ids).toContain(withWord.at(-1)!.documentId);
        expect(ids).not.toContain(withWord[0]!.documentId);
      });
    });

    describe('background rebuild of the search index', () => {
      const loseEntries = async () => {
        await cms.strapi.db.connection.raw(`DELETE FROM search_entries WHERE type = 'testimony' AND id IN (SELECT id FROM search_entries WHERE type = 'testimony' ORDER BY id LIMIT 400)`);
        expect(await searchIsCurrent()).toBe(false);
      };
      const progressRecord = async () => (await rows<{ value: string }>(cms.strapi, `SELECT value FROM search_meta WHERE key = 'rebuild'`))[0]?.value ?? null;

      /** Polls until `check` returns true (or fails after `ms`). */
      const until = async (check: () => Promise<boolean>, ms = 20_000) => {
        const deadline = Date.now() + ms;
        while (!(await check())) {
          if (Date.now() > deadline) throw new Error('timed out');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };

      it('does not hold the boot: the CMS answers (searches included) while the index converges', async () => {
        await loseEntries();
        // Slowed down so that the rebuild is still under way once Strapi has started.
        await restart({ SEARCH_REBUILD_PAUSE_MS: '150' }, { background: true });
        let sawIndexing = false;
        await until(async () => {
          const result = await search('q=operatore');
          expect(result.data.length).toBeGreaterThan(0);
          sawIndexing ||= result.meta.indexing === true;
          return sawIndexing;
        });
        expect(await progressRecord()).not.toBeNull();
        // Repairing a stale index keeps its vocabulary: corrections go on meanwhile.
        const corrected = await search('q=opertore');
        expect(corrected.meta.correctedQuery).toBe('operatore');
        expect(corrected.data.length).toBeGreaterThan(0);

        await searchIndexIdle(cms.strapi);
        expect(await progressRecord()).toBeNull();
        expect(await searchIsCurrent()).toBe(true);
        expect((await search('q=operatore')).meta.indexing).toBe(false);
      });

      it('resumes where it stopped when the process stops midway', async () => {
        await loseEntries();
        await restart({ SEARCH_REBUILD_PAUSE_MS: '150' }, { background: true });
        await until(async () => (await progressRecord()) !== null);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await cms.stop();
        // The progress survives the stop, in the database.
        expect(await database.query<{ value: string }>(`SELECT value FROM search_meta WHERE key = 'rebuild'`)).toHaveLength(1);
        await start({ SEARCH_REBUILD_PAUSE_MS: '0' });
        await searchIndexIdle(cms.strapi);
        expect(await progressRecord()).toBeNull();
        expect(await searchIsCurrent()).toBe(true);
      });

      it.runIf(name === 'PostgreSQL')('lets one instance rebuild at a time (PostgreSQL advisory lock)', async () => {
        await loseEntries();
        const other = new pg.Client({ connectionString: database.env.DATABASE_URL });
        await other.connect();
        try {
          await other.query(`SELECT pg_advisory_lock(hashtext('chiudete:search-rebuild'))`);
          await ensureSearchIndex(cms.strapi);
          expect(await searchIsCurrent()).toBe(false);
          expect(await progressRecord()).toBeNull();
          await other.query(`SELECT pg_advisory_unlock(hashtext('chiudete:search-rebuild'))`);
          await ensureSearchIndex(cms.strapi);
          expect(await searchIsCurrent()).toBe(true);
        } finally {
          await other.end();
        }
      });
    });
  });
}
