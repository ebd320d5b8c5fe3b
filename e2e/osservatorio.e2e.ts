import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SECTORS, SECTOR_LABELS, createStrapiClient, osservatorioCompanySlug } from '@chiudete/types';
import { adminLogin } from './admin';
import { launchChromium } from './browser';
import { freePort } from './stack';

const skipReason = inject('skipReason');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TESTIMONIES = '/content-manager/collection-types/api::testimony.testimony';
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true } as const;
/** A count as the pages write it (`1.024`). */
const figure = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * The Osservatorio on the site (issue #15): the page read with JavaScript
 * off (charts as images with a name, their summaries and data tables, the
 * figures the CMS computed), axe, the filters as plain links, the company
 * threshold (a company under it is never named, and its page is a 404),
 * and the partners' widget framed by a page of another origin, which
 * leaves no cookie in the browser.
 */
describe.skipIf(Boolean(skipReason))('the Osservatorio', () => {
  const cmsUrl = inject('cmsUrl');
  const webUrl = inject('webUrl');
  const api = createStrapiClient({ baseURL: cmsUrl });
  const stamp = Date.now().toString(36);
  /** Named: as many testimonies as the threshold, spelled two ways. */
  const named = `Gestore Soglia ${stamp}`;
  /** Never named: one testimony fewer than the threshold. */
  const rare = `Azienda Rara ${stamp}`;
  const created: string[] = [];
  let threshold: number;
  let jwt: string;
  let browser: Browser;
  let noScript: BrowserContext;
  let page: Page;

  const cm = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const res = await fetch(`${cmsUrl}${TESTIMONIES}${path}`, {
      method,
      headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`[${method}] "${TESTIMONIES}${path}": ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  /** A published testimony naming `companyBrand`, this month (so that «Ultimi 12 mesi» counts it). */
  const publishTestimony = async (companyBrand: string, index: number) => {
    const slug = `osservatorio-${stamp}-${index}`;
    const draft = await cm<{ data: { documentId: string } }>('', 'POST', {
      title: `Prova dell'Osservatorio ${stamp} numero ${index}`,
      slug,
      role: index % 2 === 0 ? 'cliente' : 'operatore',
      sector: 'telefonia',
      channel: 'assistenza_telefonica',
      companyBrand,
      eventMonth: new Date().toISOString().slice(0, 7),
      story: 'Una testimonianza di prova dell\'Osservatorio: conta nei numeri finché il test non la cancella.',
      displayName: 'Prova E2E',
    });
    created.push(draft.data.documentId);
    await cm(`/${draft.data.documentId}/actions/publish`, 'POST', {});
  };

  /** Polls the CMS until `check` holds (the API cache follows a publish within 5 s). */
  const untilFigures = async (check: (figures: Awaited<ReturnType<typeof api.osservatorio.get>>['data']) => boolean) => {
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      if (check((await api.osservatorio.get({})).data)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The Osservatorio did not count the new testimonies within 10 s');
  };

  beforeAll(async () => {
    jwt = await adminLogin(cmsUrl);
    threshold = (await api.osservatorio.get({})).data.companyThreshold;
    for (let index = 0; index < threshold; index++) await publishTestimony(index % 2 === 0 ? named : named.toUpperCase(), index);
    for (let index = 0; index < threshold - 1; index++) await publishTestimony(rare, threshold + index);
    await untilFigures((figures) => figures.companies.some((company) => company.slug === osservatorioCompanySlug(named)));
    browser = await launchChromium();
    noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    page = await noScript.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const documentId of created) await cm(`/${documentId}`, 'DELETE').catch(() => undefined);
  });

  it('shows every chart as a named image, with its summary and its data table, without JavaScript', async () => {
    const figures = (await api.osservatorio.get({})).data;
    const response = await page.goto(`${webUrl}/osservatorio`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Osservatorio');
    const main = page.getByRole('main');
    const charts = main.locator('figure');
    expect(await charts.count()).toBe(5);
    for (const chart of await charts.all()) {
      const image = chart.locator('svg[role="img"]');
      expect(await image.getAttribute('aria-label')).toMatch(/^Testimonianze|^Aziende/);
      expect(await image.isVisible()).toBe(true);
      const summary = chart.locator('figcaption');
      expect(await summary.textContent()).toMatch(/\d/);
      expect(await image.getAttribute('aria-describedby')).toBe(await summary.getAttribute('id'));
      await chart.getByText('Vedi i dati in tabella').click();
      expect(await chart.getByRole('table').isVisible()).toBe(true);
    }
    expect(await main.textContent()).toContain(figure(figures.total));
    const sectorTable = main.getByRole('table', { name: 'Testimonianze per settore' });
    for (const { key, count } of figures.bySector) {
      const row = sectorTable.getByRole('row', { name: new RegExp(`^${SECTOR_LABELS[key]} `) });
      expect(await row.getByRole('cell').first().textContent(), key).toBe(figure(count));
    }
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBeLessThanOrEqual(1);
  });

  it('filters by sector and by period with plain links, the current choice marked', async () => {
    await page.goto(`${webUrl}/osservatorio`);
    const filters = page.getByRole('navigation', { name: 'Filtra i dati dell\'Osservatorio' });
    expect(await filters.getByRole('link', { name: 'Tutti i settori' }).getAttribute('aria-current')).toBe('page');
    await Promise.all([page.waitForURL(/\?settore=telefonia$/), filters.getByRole('link', { name: SECTOR_LABELS.telefonia }).click()]);
    expect(await filters.getByRole('link', { name: SECTOR_LABELS.telefonia }).getAttribute('aria-current')).toBe('page');
    expect(await filters.getByRole('link', { name: 'Tutti i settori' }).getAttribute('aria-current')).toBeNull();
    const sector = (await api.osservatorio.get({ sector: 'telefonia' })).data;
    expect(await page.locator('.osservatorio-figures__total strong').textContent()).toBe(figure(sector.total));
    // The sector chart is left out when one sector is shown.
    expect(await page.getByRole('img', { name: 'Testimonianze per settore' }).count()).toBe(0);

    await Promise.all([page.waitForURL(/\?settore=telefonia&periodo=12-mesi$/), filters.getByRole('link', { name: 'Ultimi 12 mesi' }).click()]);
    expect(await filters.getByRole('link', { name: 'Ultimi 12 mesi' }).getAttribute('aria-current')).toBe('page');
    const now = new Date();
    const to = now.toISOString().slice(0, 7);
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
    const recent = (await api.osservatorio.get({ sector: 'telefonia', from, to })).data;
    expect(await page.locator('.osservatorio-figures__total strong').textContent()).toBe(figure(recent.total));
    const csv = await page.getByRole('link', { name: 'Scarica i dati in CSV' }).getAttribute('href');
    expect(csv).toBe(`${cmsUrl}/api/osservatorio/download.csv?sector=telefonia&from=${from}&to=${to}`);
  });

  it('names a company from the threshold on, never one under it, whose page is a 404', async () => {
    await page.goto(`${webUrl}/osservatorio`);
    const main = await page.getByRole('main').textContent() ?? '';
    expect(main).toContain(named);
    expect(main.toLowerCase()).not.toContain(rare.toLowerCase());
    // Nor any other company the CMS does not name: every company of the published testimonies under the threshold.
    const published = (await api.testimonies.list({ pageSize: 100, fields: ['companyBrand'] })).data;
    const counts = new Map<string, number>();
    for (const { companyBrand } of published) {
      const slug = companyBrand ? osservatorioCompanySlug(companyBrand) : null;
      if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    }
    const hrefs = await page.getByRole('main').locator('a[href^="/osservatorio/aziende/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) expect(counts.get(href!.split('/').pop()!) ?? 0).toBeGreaterThanOrEqual(threshold);

    // The sitemap lists the named company's page, never the other's.
    const pages = await (await fetch(`${webUrl}/sitemap/pagine.xml`)).text();
    expect(pages).toContain(`<loc>${webUrl}/osservatorio/aziende/${osservatorioCompanySlug(named)}</loc>`);
    expect(pages).not.toContain(`/osservatorio/aziende/${osservatorioCompanySlug(rare)}</loc>`);

    const rarePage = await page.goto(`${webUrl}/osservatorio/aziende/${osservatorioCompanySlug(rare)}`);
    expect(rarePage?.status()).toBe(404);
    expect(await page.content()).not.toContain(rare);

    const namedPage = await page.goto(`${webUrl}/osservatorio/aziende/${osservatorioCompanySlug(named)}`);
    expect(namedPage?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(named);
    expect(await page.locator('.osservatorio-figures__total strong').textContent()).toBe(figure(threshold));
    expect(await page.getByRole('main').getByRole('link', { name: new RegExp(`Prova dell'Osservatorio ${stamp}`) }).count()).toBeGreaterThan(0);
    // «Cerca tutte le sue testimonianze»: the site's search, among testimonies, for the company's name (which it indexes).
    await page.getByRole('link', { name: 'Cerca tutte le sue testimonianze' }).click();
    await page.waitForURL((url) => url.pathname === '/cerca');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: named, tipo: 'testimonianze' });
    expect(await page.getByRole('main').getByRole('link', { name: new RegExp(`Prova dell'Osservatorio ${stamp}`) }).count()).toBeGreaterThan(0);
  });

  it('has a page per sector with its latest testimonies; an unknown sector is a 404', async () => {
    for (const sector of SECTORS.slice(0, 2)) {
      const response = await page.goto(`${webUrl}/osservatorio/settori/${sector}`);
      expect(response?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SECTOR_LABELS[sector]);
    }
    await page.goto(`${webUrl}/osservatorio/settori/telefonia`);
    // Its latest testimonies are the under-threshold company's: their cards do not name it either.
    expect((await page.getByRole('main').textContent() ?? '').toLowerCase()).not.toContain(rare.toLowerCase());
    expect(await page.getByRole('region', { name: 'Le ultime testimonianze' }).getByRole('link', { name: new RegExp(`Prova dell'Osservatorio ${stamp}`) }).count()).toBeGreaterThan(0);
    expect((await page.goto(`${webUrl}/osservatorio/settori/acqua`))?.status()).toBe(404);
  });

  it('passes axe-core (WCAG A/AA and best practices) on the page, a sector\'s and a company\'s', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the site's CSP rightly refuses.
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    try {
      for (const path of ['/osservatorio', '/osservatorio/settori/telefonia', `/osservatorio/aziende/${osservatorioCompanySlug(named)}`]) {
        const axePage = await context.newPage();
        await axePage.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
        // The tables too: opened.
        for (const summary of await axePage.locator('details > summary').all()) await summary.click();
        await axePage.addScriptTag({ content: axeSource });
        const violations = await axePage.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, path).toEqual([]);
        await axePage.close();
      }
    } finally {
      await context.close();
    }
  }, 90_000);

  describe('the widget, framed by a partner\'s page of another origin', () => {
    let partner: Server;
    let partnerUrl: string;

    beforeAll(async () => {
      const port = await freePort();
      partnerUrl = `http://localhost:${port}`;
      partner = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html lang="it"><head><title>Un partner</title></head><body><h1>Il sito di un partner</h1>
<iframe src="${webUrl}/widget/osservatorio?settore=telefonia" title="Osservatorio: telefonia" width="100%" height="420" loading="lazy"></iframe>
<iframe src="${webUrl}/widget/testimonianze?settore=telefonia" title="Ultime testimonianze" width="100%" height="420" loading="lazy"></iframe>
</body></html>`);
      });
      await new Promise<void>((resolve) => partner.listen(port, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await new Promise((resolve) => partner?.close(resolve));
    });

    it('may be framed by anyone, while every other page may not', async () => {
      const widget = await fetch(`${webUrl}/widget/osservatorio?settore=telefonia`);
      expect(widget.status).toBe(200);
      expect(widget.headers.get('x-frame-options')).toBeNull();
      expect(widget.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
      expect(widget.headers.get('set-cookie')).toBeNull();
      expect(Buffer.byteLength(await widget.text())).toBeLessThan(8_000);
      const other = await fetch(`${webUrl}/osservatorio`);
      expect(other.headers.get('x-frame-options')).toBe('DENY');
      expect(other.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    });

    it('shows the figures and the latest testimonies in the partner\'s page, links back in a new tab, and leaves no cookie', async () => {
      const context = await browser.newContext(PHONE);
      try {
        const partnerPage = await context.newPage();
        await partnerPage.goto(partnerUrl, { waitUntil: 'networkidle' });
        const figures = (await api.osservatorio.get({ sector: 'telefonia' })).data;
        const osservatorio = partnerPage.frameLocator('iframe[title="Osservatorio: telefonia"]');
        await osservatorio.getByRole('heading', { name: `Osservatorio: ${SECTOR_LABELS.telefonia}` }).waitFor();
        expect(await osservatorio.locator('.total b').textContent()).toBe(figure(figures.total));
        expect(await osservatorio.getByText('Dati: Chiudete i Call Center — CC BY 4.0').count()).toBe(1);

        const latest = partnerPage.frameLocator('iframe[title="Ultime testimonianze"]');
        // The stories are not open data: their widget credits the site, with no CC BY.
        await latest.getByText('Testimonianze pubblicate da Chiudete i Call Center').waitFor();
        expect(await latest.getByText(/CC BY/).count()).toBe(0);
        const newest = (await api.testimonies.list({ pageSize: 3, sort: ['publishedAt:desc', 'id:desc'], filters: { sector: { $eq: 'telefonia' } } })).data;
        for (const testimony of newest) {
          const link = latest.getByRole('link', { name: testimony.title });
          expect(await link.getAttribute('href')).toBe(`${webUrl}/testimonianze/${testimony.slug}`);
          expect(await link.getAttribute('target')).toBe('_blank');
          expect(await link.getAttribute('rel')).toBe('noopener');
        }
        expect(await context.cookies()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
