import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  CHANNELS, OSSERVATORIO_LICENSE, ROLES, SECTORS, createStrapiClient, osservatorioCompanySlug,
  type OsservatorioAggregates, type OsservatorioResponse, type StrapiClient,
} from '@chiudete/types';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { loadScaleContent } from '../../scripts/scale-seed';
import { indexPublishedBatch, searchIndexIdle } from '../../src/api/search/lib';
import { invalidateOsservatorio } from '../../src/osservatorio';
import { captureStatements } from './sql';

const TESTIMONY = 'api::testimony.testimony';
/** Low enough to test with a handful of testimonies. */
const THRESHOLD = 3;
/** How soon a change must show in the figures (issue #15). */
const CHANGE_DEADLINE_MS = 5_000;

interface PublishedTestimony {
  sector: string;
  channel: string;
  role: string;
  eventMonth: string;
  companyBrand?: string | null;
}

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details: { errors?: Array<{ field: string; code: string; message: string }> } };
}

/** The month after `YYYY-MM` (written again here: the expectation does not borrow the code under test). */
const followingMonth = (month: string) => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
};

/** What the figures must be, counted one testimony at a time from the document service's published versions. */
function expectedFigures(testimonies: readonly PublishedTestimony[], threshold: number) {
  const tally = (keys: readonly string[], pick: (t: PublishedTestimony) => string) =>
    keys.map((key) => ({ key, count: testimonies.filter((t) => pick(t) === key).length }));
  const months = [...new Set(testimonies.map((t) => t.eventMonth))].sort();
  const byMonth: Array<{ month: string; count: number; cliente: number; operatore: number }> = [];
  for (let month = months[0]; month !== undefined && month <= months[months.length - 1]!; month = followingMonth(month)) {
    const inMonth = testimonies.filter((t) => t.eventMonth === month);
    byMonth.push({ month, count: inMonth.length, cliente: inMonth.filter((t) => t.role === 'cliente').length, operatore: inMonth.filter((t) => t.role === 'operatore').length });
  }
  const companies = new Map<string, number>();
  for (const t of testimonies) {
    const slug = t.companyBrand ? osservatorioCompanySlug(t.companyBrand) : null;
    if (slug) companies.set(slug, (companies.get(slug) ?? 0) + 1);
  }
  const named = [...companies].filter(([, count]) => count >= threshold);
  return {
    total: testimonies.length,
    bySector: tally(SECTORS, (t) => t.sector),
    byChannel: tally(CHANNELS, (t) => t.channel),
    byRole: tally(ROLES, (t) => t.role),
    byMonth,
    companies: Object.fromEntries(named),
    otherCompanies: testimonies.length - named.reduce((sum, [, count]) => sum + count, 0),
  };
}

/** Reads back what was written, with a strict RFC 4180 parser of its own (csv-parse): CRLF rows, quotes, one layout. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false, bom: false }) as string[][];
}

/**
 * The Osservatorio (`GET /api/osservatorio` and its downloads) against a
 * real Strapi with the demo content, a few hundred generated testimonies
 * and companies made for the threshold: figures equal to counts made
 * independently, drafts never counted, the threshold, changes shown within
 * 5 s, 400s, 404s, public access, HTTP caching.
 */
export function osservatorioSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`Osservatorio on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;
    let api: StrapiClient;
    /** Published testimonies of the companies made for the threshold, by company. */
    const made: Record<'under' | 'at', string[]> = { under: [], at: [] };

    const raw = (query = '', init?: RequestInit, path = '/osservatorio') => fetch(`${cms.url}/api${path}${query ? `?${query}` : ''}`, init);
    const figures = async (query = ''): Promise<OsservatorioAggregates> => {
      const res = await raw(query);
      expect(res.status, await res.clone().text()).toBe(200);
      return ((await res.json()) as OsservatorioResponse).data;
    };
    const published = async (): Promise<PublishedTestimony[]> => {
      const all: PublishedTestimony[] = [];
      for (let start = 0; ; start += 500) {
        const page = await cms.strapi.documents(TESTIMONY).findMany({ status: 'published', fields: ['sector', 'channel', 'role', 'eventMonth', 'companyBrand'], start, limit: 500 }) as unknown as PublishedTestimony[];
        all.push(...page);
        if (page.length < 500) return all;
      }
    };
    const create = async (brand: string | null, fields: Partial<PublishedTestimony> = {}, status: 'published' | 'draft' = 'published') => {
      const stamp = Math.random().toString(36).slice(2, 10);
      const document = await cms.strapi.documents(TESTIMONY).create({
        data: {
          title: `Osservatorio, prova ${stamp}`, slug: `osservatorio-prova-${stamp}`, role: 'cliente', sector: 'telefonia', channel: 'chat', eventMonth: '2026-03',
          story: 'Una storia scritta per provare i conteggi dell’Osservatorio, abbastanza lunga da essere valida.', displayName: 'Cliente, Bologna',
          ...(brand === null ? {} : { companyBrand: brand }), ...fields,
        } as never,
        ...(status === 'published' ? { status: 'published' as const } : {}),
      });
      return document.documentId;
    };
    /** Polls until `check` passes, at most `CHANGE_DEADLINE_MS`; returns how long it took. */
    const withinDeadline = async (check: () => Promise<void>): Promise<number> => {
      const started = Date.now();
      for (;;) {
        try {
          await check();
          return Date.now() - started;
        } catch (error) {
          if (Date.now() - started > CHANGE_DEADLINE_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const expectFigures = (data: OsservatorioAggregates, testimonies: PublishedTestimony[]) => {
      const expected = expectedFigures(testimonies, THRESHOLD);
      expect(data.total).toBe(expected.total);
      expect(data.bySector).toEqual(expected.bySector);
      expect(data.byChannel).toEqual(expected.byChannel);
      expect(data.byRole).toEqual(expected.byRole);
      expect(data.byMonth).toEqual(expected.byMonth);
      expect(Object.fromEntries(data.companies.map((company) => [company.slug, company.count]))).toEqual(expected.companies);
      expect(data.otherCompanies).toBe(expected.otherCompanies);
    };

    beforeAll(async () => {
      database = await createDatabase();
      cms = await startStrapi(database, { CRON_ENABLED: 'false', RATE_LIMIT_READS_ANONYMOUS: '1000000', OSSERVATORIO_COMPANY_THRESHOLD: String(THRESHOLD) });
      api = createStrapiClient({ baseURL: cms.url });
      await searchIndexIdle(cms.strapi);
      await loadScaleContent(cms.strapi, { testimonies: 300, articles: 5, seed: 15, indexBatch: (trx, documents) => indexPublishedBatch(cms.strapi, trx, documents) });
      // One company under the threshold (two testimonies, two spellings), one exactly at it (three, the most frequent spelling named).
      made.under.push(await create('Pettirossi Srl'), await create(' pettirossi srl', { sector: 'luce', role: 'operatore' }));
      made.at.push(await create('Ciuffolotto Telecomunicazioni'), await create('Ciuffolotto Telecomunicazioni', { eventMonth: '2026-04' }), await create('CIUFFOLOTTO telecomunicazioni', { channel: 'email' }));
      // Never counted: a draft, and a testimony published then unpublished.
      await create('Ciuffolotto Telecomunicazioni', {}, 'draft');
      const unpublished = await create('Pettirossi Srl');
      await cms.strapi.documents(TESTIMONY).unpublish({ documentId: unpublished });
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    it('counts exactly the published testimonies, as counted one by one from the document service', async () => {
      const testimonies = await published();
      expect(testimonies.length).toBeGreaterThan(300);
      const data = await figures();
      expectFigures(data, testimonies);
      expect(data.filters).toEqual({ sector: null, from: null, to: null, company: null });
      expect(data.companyThreshold).toBe(THRESHOLD);
      expect(data.license).toEqual(OSSERVATORIO_LICENSE);
      expect(Date.parse(data.generatedAt)).not.toBeNaN();
    });

    it('counts a sector and a period the same way', async () => {
      const testimonies = await published();
      const months = [...new Set(testimonies.map((t) => t.eventMonth))].sort();
      const from = months[Math.floor(months.length / 4)]!;
      const to = months[Math.floor((months.length * 3) / 4)]!;
      const data = await figures(`sector=telefonia&from=${from}&to=${to}`);
      expectFigures(data, testimonies.filter((t) => t.sector === 'telefonia' && t.eventMonth >= from && t.eventMonth <= to));
      expect(data.filters).toEqual({ sector: 'telefonia', from, to, company: null });
    });

    it('names a company with exactly the threshold, by its most frequent spelling, and answers for it by slug', async () => {
      const data = await figures();
      expect(data.companies).toContainEqual({ slug: 'ciuffolotto-telecomunicazioni', name: 'Ciuffolotto Telecomunicazioni', count: THRESHOLD });
      const company = await figures('company=ciuffolotto-telecomunicazioni');
      expect(company.total).toBe(THRESHOLD);
      expect(company.filters.company).toEqual({ slug: 'ciuffolotto-telecomunicazioni', name: 'Ciuffolotto Telecomunicazioni', count: THRESHOLD });
      expect(company.byMonth.map((month) => [month.month, month.count])).toEqual([['2026-03', 2], ['2026-04', 1]]);
      // The threshold holds in the filtered set: April alone has one of them.
      expect((await figures('from=2026-04&to=2026-04')).companies.map((c) => c.slug)).not.toContain('ciuffolotto-telecomunicazioni');
      expect((await raw('company=ciuffolotto-telecomunicazioni&from=2026-04&to=2026-04')).status).toBe(404);
    });

    it('never names a company under the threshold: not in the JSON, not in the downloads; its slug is a 404 like an unknown one', async () => {
      for (const path of ['/osservatorio', '/osservatorio/download.json', '/osservatorio/download.csv']) {
        const res = await raw('', undefined, path);
        expect(res.status).toBe(200);
        expect((await res.text()).toLowerCase()).not.toContain('pettirossi');
      }
      for (const company of ['pettirossi-srl', 'nessuna-azienda-con-questo-nome']) {
        const res = await raw(`company=${company}`);
        expect(res.status).toBe(404);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.name).toBe('NotFoundError');
        expect(body.error.message).toContain(company);
        expect(JSON.stringify(body)).not.toMatch(/\b2\b.*testimon/);
        expect((await raw(`company=${company}`, undefined, '/osservatorio/download.csv')).status).toBe(404);
      }
      const error = await api.osservatorio.get({ company: 'pettirossi-srl' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 404 });
    });

    it('shows no private field and nothing but the contract', async () => {
      const body = (await (await raw()).json()) as OsservatorioResponse;
      const keys = new Set<string>();
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) { keys.add(key); walk(inner); }
      };
      walk(body);
      expect([...keys].sort()).toEqual([
        'attribution', 'byChannel', 'byMonth', 'byRole', 'bySector', 'cliente', 'company', 'companies', 'companyThreshold', 'count', 'data', 'filters',
        'from', 'generatedAt', 'key', 'license', 'month', 'name', 'operatore', 'otherCompanies', 'sector', 'slug', 'to', 'total', 'url',
      ].sort());
      const text = JSON.stringify(body);
      expect(text).not.toContain('Cliente, Bologna');
      expect(text).not.toContain('Osservatorio, prova');
    });

    it('shows a publish, an unpublish, an update and a deletion within 5 s', async () => {
      const count = async () => (await figures('sector=gas')).total;
      const before = await count();
      const documentId = await create('Verdone Energia', { sector: 'gas' });
      const shown = await withinDeadline(async () => expect(await count()).toBe(before + 1));
      await cms.strapi.documents(TESTIMONY).unpublish({ documentId });
      const hidden = await withinDeadline(async () => expect(await count()).toBe(before));
      await cms.strapi.documents(TESTIMONY).publish({ documentId });
      await withinDeadline(async () => expect(await count()).toBe(before + 1));
      await cms.strapi.documents(TESTIMONY).update({ documentId, data: { sector: 'luce' } as never, status: 'published' });
      const updated = await withinDeadline(async () => expect(await count()).toBe(before));
      await cms.strapi.documents(TESTIMONY).publish({ documentId });
      await cms.strapi.documents(TESTIMONY).update({ documentId, data: { sector: 'gas' } as never });
      // A draft edit changes nothing public.
      expect(await count()).toBe(before);
      await cms.strapi.documents(TESTIMONY).publish({ documentId });
      await withinDeadline(async () => expect(await count()).toBe(before + 1));
      await cms.strapi.documents(TESTIMONY).delete({ documentId });
      const deleted = await withinDeadline(async () => expect(await count()).toBe(before));
      expect(Math.max(shown, hidden, updated, deleted)).toBeLessThan(CHANGE_DEADLINE_MS);

      // A company falls under the threshold as soon as one of its testimonies goes offline.
      await cms.strapi.documents(TESTIMONY).unpublish({ documentId: made.at[0]! });
      await withinDeadline(async () => {
        expect((await figures()).companies.map((c) => c.slug)).not.toContain('ciuffolotto-telecomunicazioni');
        expect((await raw('company=ciuffolotto-telecomunicazioni')).status).toBe(404);
      });
      await cms.strapi.documents(TESTIMONY).publish({ documentId: made.at[0]! });
      await withinDeadline(async () => expect((await raw('company=ciuffolotto-telecomunicazioni')).status).toBe(200));
      expectFigures(await figures(), await published());
    });

    it('computes every filter from one scan, shared by concurrent readers (no stampede), answering from the old figures meanwhile', async () => {
      invalidateOsservatorio(cms.strapi);
      const queries = SECTORS.flatMap((sector) => [`sector=${sector}&from=2020-01`, `sector=${sector}&to=2024-12`, `sector=${sector}&from=2021-06&to=2023-06`]);
      let answers: Response[] = [];
      const statements = await captureStatements(cms.strapi, async () => {
        answers = await Promise.all(queries.map((query) => raw(query)));
        // Until the new scan is kept: answers out of date say no-cache.
        await withinDeadline(async () => expect((await raw('sector=gas&from=2019-02')).headers.get('cache-control')).not.toMatch(/no-cache/));
      });
      expect(answers.every((res) => res.status === 200)).toBe(true);
      expect(answers.some((res) => /no-cache/.test(res.headers.get('cache-control') ?? ''))).toBe(true);
      const scans = statements.filter((statement) => /group by/i.test(statement.sql) && /testimonies/i.test(statement.sql));
      expect(scans).toHaveLength(1);
      expect(scans[0]!.sql).toMatch(/published_at.+is not null/i);
      // An answer from out-of-date figures was not kept by the response cache.
      const outOfDate = queries[answers.findIndex((res) => /no-cache/.test(res.headers.get('cache-control') ?? ''))]!;
      expect((await raw(outOfDate)).headers.get('cache-status')).not.toMatch(/hit/);
    });

    it.each([
      ['a malformed month', 'from=2025-13', 'from', 'from.invalid'],
      ['a month without its zero', 'to=2025-3', 'to', 'to.invalid'],
      ['a period that ends before it starts', 'from=2025-06&to=2025-01', 'to', 'to.before_from'],
      ['an unknown sector', 'sector=acqua', 'sector', 'sector.invalid'],
      ['a sector given twice', 'sector=luce&sector=gas', 'sector', 'sector.invalid'],
      ['a malformed company', 'company=Tim%20SpA', 'company', 'company.invalid'],
      ['an unknown parameter', 'sector=luce&page=2', 'page', 'unknown_field'],
      ['a filter in Strapi\'s syntax', 'filters[sector][$eq]=luce', 'filters', 'unknown_field'],
    ])('refuses %s with a 400 that names the parameter', async (_what, query, field, code) => {
      for (const path of ['/osservatorio', '/osservatorio/download.csv']) {
        const res = await raw(query, undefined, path);
        expect(res.status).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.name).toBe('ValidationError');
        expect(body.error.message).toMatch(/^Invalid Osservatorio request: /);
        expect(body.error.details.errors).toContainEqual(expect.objectContaining({ field, code }));
      }
    });

    it('answers other methods with a 405 and an unknown download with a 404', async () => {
      expect((await raw('', { method: 'POST' })).status).toBe(405);
      expect((await raw('', undefined, '/osservatorio/download.xlsx')).status).toBe(404);
    });

    it('offers the figures as CSV: RFC 4180, the licence first, the same counts as the JSON', async () => {
      const query = 'sector=telefonia';
      const res = await raw(query, undefined, '/osservatorio/download.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="osservatorio-telefonia.csv"');
      expect(res.headers.get('link')).toBe(`<${OSSERVATORIO_LICENSE.url}>; rel="license"`);
      const text = await res.text();
      expect(text.split('\r\n').slice(0, 2)).toEqual(['dimension,key,label,count', `license,${OSSERVATORIO_LICENSE.url},CC BY 4.0 — ${OSSERVATORIO_LICENSE.attribution},`]);
      const rows = parseCsv(text);
      const data = await figures(query);
      const value = (dimension: string, key = '') => Number(rows.find((row) => row[0] === dimension && row[1] === key)?.[3]);
      expect(value('total')).toBe(data.total);
      for (const { key, count } of data.bySector) expect(value('sector', key)).toBe(count);
      for (const { key, count } of data.byChannel) expect(value('channel', key)).toBe(count);
      for (const { key, count } of data.byRole) expect(value('role', key)).toBe(count);
      for (const month of data.byMonth) {
        expect([value('month', month.month), value('month_cliente', month.month), value('month_operatore', month.month)]).toEqual([month.count, month.cliente, month.operatore]);
      }
      expect(rows.filter((row) => row[0] === 'company').map((row) => [row[1], row[2], Number(row[3])])).toEqual(data.companies.map((c) => [c.slug, c.name, c.count]));
      expect(value('other_companies')).toBe(data.otherCompanies);

      const notModified = await raw(query, { headers: { 'If-None-Match': res.headers.get('etag')! } }, '/osservatorio/download.csv');
      expect(notModified.status).toBe(304);
    });

    it('offers the figures as a JSON file with the licence', async () => {
      const res = await raw('from=2026-01', undefined, '/osservatorio/download.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="osservatorio-da-2026-01.json"');
      const body = (await res.json()) as OsservatorioResponse;
      expect(body.data.license).toEqual(OSSERVATORIO_LICENSE);
      expect(body.data.total).toBe((await figures('from=2026-01')).total);
    });

    it('is public: anonymous readers and read-only partner tokens, with the read limits, the API cache and HTTP caching', async () => {
      const first = await raw('sector=luce');
      const second = await raw('sector=luce');
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBeTruthy();
      expect(first.headers.get('cache-control')).toMatch(/public/);
      expect(first.headers.get('link')).toContain('rel="license"');
      expect(second.headers.get('cache-status')).toMatch(/hit/);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect((await raw('sector=luce', { headers: { 'If-None-Match': first.headers.get('etag')! } })).status).toBe(304);

      const tokens = cms.strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
      const { accessKey } = await tokens.create({ name: 'Partner osservatorio', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
      const partner = createStrapiClient({ baseURL: cms.url, token: accessKey, cache: true });
      expect((await partner.osservatorio.get({ sector: 'luce' })).data.total).toBe(((await first.json()) as OsservatorioResponse).data.total);
      // Creating the token purged the response cache: the figures are scanned again (answering no-cache meanwhile).
      await withinDeadline(async () => {
        const csv = await raw('', { headers: { Authorization: `Bearer ${accessKey}` } }, '/osservatorio/download.csv');
        expect(csv.status).toBe(200);
        expect(csv.headers.get('cache-control')).toMatch(/private/);
      });
    });
  });
}
