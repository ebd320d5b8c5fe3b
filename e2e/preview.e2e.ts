import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signPreviewToken, verifyPreviewToken, type PreviewPayload } from '@chiudete/types/preview';
import { DRAFT_ARTICLE } from '@chiudete/demo-content';
import { E2E_ADMIN, E2E_SITE_SECRETS, previewSiteUrl, root } from './stack';
import { adminLogin, signInToAdmin } from './admin';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');
const ARTICLE = 'api::article.article';

interface CmDocument { documentId: string; slug: string; title: string; status: string; publishedAt: string | null }

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The values of the local env files, if a developer's machine has them (they were there when the site was built). */
function localSecrets(): string[] {
  const names = /^(PREVIEW_SECRET|PREVIEW_API_TOKEN|REVALIDATE_SECRET|NUXT_PREVIEW_SECRET|NUXT_PREVIEW_TOKEN|NUXT_REVALIDATE_SECRET)=(.+)$/;
  return ['apps/cms/.env', 'apps/web/.env'].flatMap((file) => {
    try {
      return readFileSync(path.join(root, file), 'utf8').split('\n').flatMap((line) => names.exec(line.trim())?.[2] ?? []);
    } catch {
      return [];
    }
  });
}

/** A token signed like the CMS signs it (@chiudete/types/preview), for any payload: genuine, expired or of another document. */
const tokenFor = (payload: PreviewPayload) => signPreviewToken(E2E_SITE_SECRETS.previewSecret, payload);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Strapi's Preview, against the built CMS and site: the admin asks the CMS
 * for the preview URL of a draft (the same admin API call as the Content
 * Manager's «Anteprima» button), the browser opens it, and the real site page
 * shows the draft, marked as a preview, never cached nor indexed. The
 * preview's signed token travels in the address (no cookie); the CMS links
 * to the site as `localhost`, another site than the admin's 127.0.0.1.
 */
describe.skipIf(Boolean(skipReason))('previewing a draft', () => {
  const cmsUrl = inject('cmsUrl');
  const webUrl = inject('webUrl');
  /** The site as the CMS's preview links name it. */
  const siteUrl = previewSiteUrl(webUrl);
  let jwt: string;
  let draft: CmDocument;
  let published: CmDocument;
  let browser: Browser;
  let context: BrowserContext;

  const previewUrl = async (documentId: string, status: 'draft' | 'published'): Promise<string> => {
    const res = await fetch(`${cmsUrl}/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=${status}`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { url: string } }).data.url;
  };

  beforeAll(async () => {
    jwt = await adminLogin(cmsUrl);
    const res = await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}?page=1&pageSize=100`, { headers: { authorization: `Bearer ${jwt}` } });
    const { results } = (await res.json()) as { results: CmDocument[] };
    draft = results.find((doc) => doc.publishedAt === null && doc.status === 'draft')!;
    published = results.find((doc) => doc.status === 'published')!;
    expect(draft, 'the demo content has a draft article').toBeTruthy();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'it-IT' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is not public: the draft\'s page is a 404 for readers', async () => {
    expect((await fetch(`${webUrl}/articoli/${draft.slug}`)).status).toBe(404);
  });

  it('opens the real page with the draft, a banner, noindex and no-store, then exits', async () => {
    const url = await previewUrl(draft.documentId, 'draft');
    expect(url.startsWith(`${siteUrl}/anteprima?token=`)).toBe(true);

    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/articoli/${draft.slug}`);
    // The token travels on, in the page's own address.
    expect(new URL(page.url()).searchParams.get('anteprima')).toBe(new URL(url).searchParams.get('token'));
    const headers = response!.headers();
    expect(headers['cache-control']).toMatch(/no-store/);
    expect(headers['x-robots-tag']).toMatch(/noindex/);
    expect(headers['x-cache']).toBe('BYPASS');

    await page.getByRole('heading', { level: 1, name: draft.title }).waitFor();
    const banner = page.getByRole('complementary', { name: 'Anteprima' });
    expect(await banner.textContent()).toContain('Anteprima: questa versione non è pubblicata');
    const robots = await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
    expect(robots.some((content) => content?.includes('noindex'))).toBe(true);

    // No cookie at all: nothing a third-party context could drop. No Referer either (the address holds the token).
    expect(await context.cookies([siteUrl, webUrl])).toEqual([]);
    expect(headers['referrer-policy']).toBe('no-referrer');

    // Nothing secret in the page, its payload or its runtime config.
    const html = await page.content();
    for (const value of Object.values(E2E_SITE_SECRETS)) expect(html).not.toContain(value);
    const config = await page.evaluate(() => JSON.stringify((window as unknown as { __NUXT__?: { config?: unknown } }).__NUXT__?.config ?? {}));
    expect(config).not.toMatch(/previewSecret|previewToken|revalidateSecret/);

    await banner.getByRole('link', { name: 'Esci dall\'anteprima' }).click();
    await page.waitForURL(`**/articoli/${draft.slug}`);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    expect(await page.getByText('Anteprima: questa versione non è pubblicata').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('shows the draft of a published article, while readers keep the published version', async () => {
    const update = await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}/${published.documentId}`, {
      method: 'PUT',
      headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `${published.title} (bozza in lavorazione)` }),
    });
    expect(update.status).toBe(200);
    try {
      const page = await context.newPage();
      await page.goto(await previewUrl(published.documentId, 'draft'));
      await page.getByRole('heading', { level: 1, name: `${published.title} (bozza in lavorazione)` }).waitFor();
      await page.close();
      const reader = await (await fetch(`${webUrl}/articoli/${published.slug}`)).text();
      expect(reader).toContain(published.title);
      expect(reader).not.toContain('(bozza in lavorazione)');

      // The «Pubblicato» tab of the admin: the live page, no draft, and the admin may frame it.
      const live = await context.newPage();
      const response = await live.goto(await previewUrl(published.documentId, 'published'));
      expect(response?.status()).toBe(200);
      expect(response!.headers()['content-security-policy']).toMatch(new RegExp(`frame-ancestors ${new URL(cmsUrl).origin}(;|$)`));
      await live.getByRole('heading', { level: 1, name: published.title, exact: true }).waitFor();
      expect(await live.getByText('Anteprima: questa versione non è pubblicata').count()).toBe(0);
      await live.close();
    } finally {
      await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}/${published.documentId}/actions/discard`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: '{}',
      });
    }
  });

  it('shows the linked document\'s draft only: another draft stays unseen, on its page and in the linked one', async () => {
    const otherDraftTitle = `${published.title} (bozza di un altro documento)`;
    const update = await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}/${published.documentId}`, {
      method: 'PUT',
      headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: otherDraftTitle }),
    });
    expect(update.status).toBe(200);
    const scoped = await browser.newContext({ locale: 'it-IT' });
    try {
      const page = await scoped.newPage();
      const response = await page.goto(await previewUrl(draft.documentId, 'draft'));
      await page.getByRole('heading', { level: 1, name: draft.title }).waitFor();
      expect(await page.content()).not.toContain(otherDraftTitle);
      // The admin's preview pane, and only it, may frame a preview: its origin (127.0.0.1), not the site's host.
      expect(response!.headers()['content-security-policy']).toMatch(new RegExp(`frame-ancestors ${new URL(cmsUrl).origin}(;|$)`));
      expect(response!.headers()['x-frame-options']).toBeUndefined();

      // The token lasts minutes, not an hour.
      const check = verifyPreviewToken(E2E_SITE_SECRETS.previewSecret, new URL(page.url()).searchParams.get('anteprima'), nowSeconds());
      expect(check.ok).toBe(true);
      const exp = check.ok ? check.payload.exp : 0;
      expect(exp - nowSeconds()).toBeLessThanOrEqual(30 * 60 + 5);
      expect(exp - nowSeconds()).toBeGreaterThan(60);

      // Another article's page, with the same token: as readers see it, without the banner, never cached.
      const token = new URL(page.url()).searchParams.get('anteprima')!;
      const other = await page.goto(`${siteUrl}/articoli/${published.slug}?anteprima=${token}`);
      expect(other?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: published.title, exact: true }).waitFor();
      expect(await page.content()).not.toContain(otherDraftTitle);
      expect(await page.getByText('Anteprima: questa versione non è pubblicata').count()).toBe(0);
      expect(other!.headers()['cache-control']).toMatch(/no-store/);

      // Lists and the home page read published content only.
      for (const path of ['/', '/articoli']) {
        await page.goto(`${siteUrl}${path}?anteprima=${token}`);
        expect(await page.content(), path).not.toContain(otherDraftTitle);
        expect(await page.content(), path).not.toContain(draft.title);
      }
    } finally {
      await scoped.close();
      await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}/${published.documentId}/actions/discard`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: '{}',
      });
    }
  });

  it('ends when its token expires: a genuine but expired token shows no draft, only the Italian refusal', async () => {
    const payload = (exp: number): PreviewPayload => ({ type: 'article', documentId: draft.documentId, slug: draft.slug, status: 'draft', exp });
    const live = await fetch(`${siteUrl}/articoli/${draft.slug}?anteprima=${tokenFor(payload(nowSeconds() + 60))}`);
    expect(live.status).toBe(200);
    expect(await live.text()).toContain(draft.title);
    const expired = await fetch(`${siteUrl}/articoli/${draft.slug}?anteprima=${tokenFor(payload(nowSeconds() - 1))}`);
    expect(expired.status).toBe(401);
    const body = await expired.text();
    expect(body).not.toContain(draft.title);
    expect(body).toContain('Anteprima scaduta');
    expect(expired.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('sends «Esci dall\'anteprima» back to a page of this site only', async () => {
    const exit = async (ritorno: string) => {
      const res = await fetch(`${webUrl}/anteprima/esci?ritorno=${ritorno}`, { redirect: 'manual' });
      expect(res.status, ritorno).toBe(303);
      return res.headers.get('location');
    };
    expect(await exit(encodeURIComponent(`/articoli/${published.slug}`))).toBe(`/articoli/${published.slug}`);
    for (const attack of [
      '/%09/evil.example/x',
      '/%09%5Cevil.example',
      '//evil.example',
      '/%5Cevil.example',
      '/%5C%5Cevil.example',
      '%2F%2Fevil.example',
      '/%0A/evil.example',
      '/%0D%0A/evil.example',
      'https://evil.example',
      'https:%2F%2Fevil.example',
      '/a/..//evil.example',
      'javascript:alert(1)',
    ]) {
      expect(await exit(attack), attack).toBe('/');
    }
  });

  it('refuses a link without a valid signature, an altered or expired one: 401, an Italian page, no content', async () => {
    const url = new URL(await previewUrl(draft.documentId, 'draft'));
    const [encoded, signature] = url.searchParams.get('token')!.split('.') as [string, string];
    const link = (token: string) => {
      const target = new URL('/anteprima', siteUrl);
      target.searchParams.set('token', token);
      return target;
    };
    const reencoded = (changes: Partial<PreviewPayload>) =>
      Buffer.from(JSON.stringify({ ...(JSON.parse(Buffer.from(encoded, 'base64url').toString()) as PreviewPayload), ...changes })).toString('base64url');
    const exp = nowSeconds() - 3600;

    for (const [name, target, title] of [
      ['forged', link(`${encoded}.${'x'.repeat(43)}`), 'Anteprima non autorizzata'],
      ['altered', link(`${reencoded({ slug: published.slug })}.${signature}`), 'Anteprima non autorizzata'],
      // Signed like the CMS signs, an hour ago: genuine but expired.
      ['expired', link(tokenFor({ type: 'article', documentId: draft.documentId, slug: draft.slug, status: 'draft', exp })), 'Anteprima scaduta'],
      ['lengthened', link(`${reencoded({ exp: nowSeconds() + 86_400 })}.${signature}`), 'Anteprima non autorizzata'],
      ['without token', new URL(`/anteprima?slug=${draft.slug}`, siteUrl), 'Anteprima non autorizzata'],
      ['forged, on the page', new URL(`/articoli/${draft.slug}?anteprima=${encoded}.${'x'.repeat(43)}`, siteUrl), 'Anteprima non autorizzata'],
      ['repeated, on the page', new URL(`/articoli/${draft.slug}?anteprima=${url.searchParams.get('token')}&anteprima=x`, siteUrl), 'Anteprima non autorizzata'],
    ] as const) {
      const res = await fetch(target, { redirect: 'manual' });
      expect(res.status, name).toBe(401);
      expect(res.headers.get('set-cookie'), name).toBeNull();
      expect(res.headers.get('x-robots-tag'), name).toMatch(/noindex/);
      expect(res.headers.get('cache-control'), name).toMatch(/no-store/);
      const body = await res.text();
      expect(body, name).toContain(title);
      expect(body, name).toContain('lang="it"');
      expect(body, name).not.toContain(draft.title);
      // It tells the admin's pane why (/anteprima-segnale.js, the signal of @chiudete/types).
      expect(body, name).toContain('src="/anteprima-segnale.js" data-stato="rifiutata"');
    }
  });

  it('ignores a preview cookie (the preview of old): no drafts', async () => {
    const res = await fetch(`${webUrl}/articoli/${draft.slug}`, { headers: { cookie: `cc_anteprima=1999999999.${'A'.repeat(43)}` } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(draft.title);
  });

  it('forwards no browser query to the CMS: there is no /_cms proxy', async () => {
    for (const path of ['/_cms/api/articles?status=draft', `/_cms/api/articles/${draft.documentId}?status=draft`]) {
      const res = await fetch(`${webUrl}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(draft.title);
    }
  });

  it('keeps the secrets and the token out of the browser bundle', () => {
    const publicDir = path.join(root, 'apps/web/.output/public');
    const secrets = [...Object.values(E2E_SITE_SECRETS), ...localSecrets()];
    const files = filesUnder(publicDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of secrets) expect(text.includes(secret), `${path.relative(root, file)} contains a secret`).toBe(false);
      expect(text, path.relative(root, file)).not.toMatch(/previewSecret|previewToken|revalidateSecret/);
    }
  });
});

/**
 * The Preview panel of the admin, in Chromium, with the admin and the site on
 * different sites: the admin opened at http://127.0.0.1:<port>, the site
 * configured in the CMS as http://localhost:<port> (SITE_URL). The draft is
 * seen inside the frame; when the preview cannot be seen there (an expired
 * link, a site that refuses to be framed), the admin says so in Italian and
 * offers «Apri in una nuova scheda», which opens a fresh link.
 */
describe.skipIf(Boolean(skipReason))('the admin\'s Preview panel, across hosts', () => {
  const cmsUrl = inject('cmsUrl');
  const webUrl = inject('webUrl');
  const siteUrl = previewSiteUrl(webUrl);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let draftId: string;

  const previewPage = () => `${cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${draftId}/preview?status=draft`;
  const frameElement = () => page.locator('iframe[data-testid="preview-iframe"]');
  const fallback = (title: string) => page.getByRole('alert').filter({ hasText: title });

  beforeAll(async () => {
    const jwt = await adminLogin(cmsUrl);
    const res = await fetch(`${cmsUrl}/content-manager/collection-types/${ARTICLE}?page=1&pageSize=100`, { headers: { authorization: `Bearer ${jwt}` } });
    const { results } = (await res.json()) as { results: CmDocument[] };
    draftId = results.find((doc) => doc.slug === DRAFT_ARTICLE.slug)!.documentId;
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await signInToAdmin(page, cmsUrl, E2E_ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the draft inside the frame, from the edit view\'s Preview panel', { timeout: 60_000 }, async () => {
    expect(new URL(cmsUrl).hostname).toBe('127.0.0.1');
    expect(new URL(siteUrl).hostname).toBe('localhost');
    await page.goto(`${cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${draftId}`);
    const panel = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: /^(Preview|Anteprima)$/ }) });
    const open = { name: /^(Open preview|Apri l'anteprima|Apri anteprima|Anteprima)$/ };
    await panel.getByRole('link', open).or(panel.getByRole('button', open)).first().click();
    await page.waitForURL(/\/preview(\?|$)/);

    expect(new URL((await frameElement().getAttribute('src'))!).origin).toBe(new URL(siteUrl).origin);
    const frame = frameElement().contentFrame();
    await frame.getByRole('heading', { level: 1, name: DRAFT_ARTICLE.title }).waitFor({ timeout: 20_000 });
    await frame.getByText('Bozza, da completare prima della pubblicazione.').waitFor();
    await frame.getByText('Anteprima: questa versione non è pubblicata').waitFor();
    // The page told the admin it loaded: no fallback message, however long one waits.
    await page.waitForTimeout(3_000);
    expect(await page.getByRole('alert').filter({ hasText: 'Apri in una nuova scheda' }).count()).toBe(0);
  });

  it('says in Italian that an expired link has expired, and «Apri in una nuova scheda» opens a fresh one', { timeout: 60_000 }, async () => {
    const expired = new URL('/anteprima', siteUrl);
    expired.searchParams.set('token', tokenFor({ type: 'article', documentId: draftId, slug: DRAFT_ARTICLE.slug, status: 'draft', exp: nowSeconds() - 60 }));
    // The Preview page's own request for the link answers with an expired one (as after 20 minutes in the pane).
    await page.route('**/content-manager/preview/url/**', (route) => route.fulfill({ json: { data: { url: expired.toString() } } }), { times: 1 });
    await page.goto(previewPage());

    const alert = fallback('Anteprima scaduta');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('vale 20 minuti');
    // The site's own page in the frame says it too, and shows no content.
    await frameElement().contentFrame().getByRole('heading', { level: 1, name: 'Anteprima scaduta' }).waitFor();
    expect(await frameElement().contentFrame().locator('body').textContent()).not.toContain(DRAFT_ARTICLE.title);

    const newTab = alert.getByRole('link', { name: 'Apri in una nuova scheda' });
    await expect.poll(() => newTab.getAttribute('href')).not.toBe(expired.toString());
    expect(await newTab.getAttribute('target')).toBe('_blank');
    expect(await newTab.getAttribute('rel')).toContain('noopener');
    const [tab] = await Promise.all([context.waitForEvent('page'), newTab.click()]);
    await tab.getByRole('heading', { level: 1, name: DRAFT_ARTICLE.title }).waitFor({ timeout: 20_000 });
    await tab.close();
  });

  it('says so when the site refuses to be framed (its frame-ancestors names another admin), with «Apri in una nuova scheda»', { timeout: 60_000 }, async () => {
    // The site's real answers, with the admin of another deployment as their one frame ancestor.
    await page.route(`${siteUrl}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace(/frame-ancestors [^;]+/, 'frame-ancestors https://admin.altro-sito.example');
      await route.fulfill({ response, headers });
    });
    try {
      await page.goto(previewPage());
      const alert = fallback('L\'anteprima non si vede in questo riquadro');
      await alert.waitFor({ timeout: 30_000 });
      const newTab = alert.getByRole('link', { name: 'Apri in una nuova scheda' });
      expect(new URL((await newTab.getAttribute('href'))!).origin).toBe(new URL(siteUrl).origin);
      const [tab] = await Promise.all([context.waitForEvent('page'), newTab.click()]);
      await tab.getByRole('heading', { level: 1, name: DRAFT_ARTICLE.title }).waitFor({ timeout: 20_000 });
      await tab.close();
    } finally {
      await page.unroute(`${siteUrl}/**`);
    }
  });
});
