import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { signPreviewSession } from '../apps/web/server/utils/preview/signing';
import { adminLogin } from './admin';
import { launchChromium } from './browser';
import { E2E_SITE_SECRETS, root } from './stack';

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

/**
 * Strapi's Preview, against the built CMS and site: the admin asks the CMS
 * for the preview URL of a draft (the same admin API call as the Content
 * Manager's «Anteprima» button), the browser opens it, and the real site page
 * shows the draft, marked as a preview, never cached nor indexed.
 */
describe.skipIf(Boolean(skipReason))('previewing a draft', () => {
  const cmsUrl = inject('cmsUrl');
  const webUrl = inject('webUrl');
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
    expect(url.startsWith(`${webUrl}/anteprima?`)).toBe(true);

    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/articoli/${draft.slug}`);
    const headers = response!.headers();
    expect(headers['cache-control']).toMatch(/no-store/);
    expect(headers['x-robots-tag']).toMatch(/noindex/);
    expect(headers['x-cache']).toBe('BYPASS');

    await page.getByRole('heading', { level: 1, name: draft.title }).waitFor();
    const banner = page.getByRole('complementary', { name: 'Anteprima' });
    expect(await banner.textContent()).toContain('Anteprima: questa versione non è pubblicata');
    const robots = await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
    expect(robots.some((content) => content?.includes('noindex'))).toBe(true);

    // The session cookie is httpOnly: scripts never see it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('cc_anteprima');
    const cookie = (await context.cookies(webUrl)).find((c) => c.name === 'cc_anteprima');
    expect(cookie?.httpOnly).toBe(true);

    // Nothing secret in the page, its payload or its runtime config.
    const html = await page.content();
    for (const value of Object.values(E2E_SITE_SECRETS)) expect(html).not.toContain(value);
    const config = await page.evaluate(() => JSON.stringify((window as unknown as { __NUXT__?: { config?: unknown } }).__NUXT__?.config ?? {}));
    expect(config).not.toMatch(/previewSecret|previewToken|revalidateSecret/);

    await banner.getByRole('link', { name: 'Esci dall\'anteprima' }).click();
    await page.waitForURL(`**/articoli/${draft.slug}`);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    expect(await page.getByText('Anteprima: questa versione non è pubblicata').count()).toBe(0);
    expect((await context.cookies(webUrl)).find((c) => c.name === 'cc_anteprima')).toBeUndefined();
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
      expect(response!.headers()['content-security-policy']).toContain(`frame-ancestors 'self' ${new URL(cmsUrl).origin}`);
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
      // The admin's preview pane, and only it, may frame a preview.
      expect(response!.headers()['content-security-policy']).toContain(`frame-ancestors 'self' ${new URL(cmsUrl).origin}`);
      expect(response!.headers()['x-frame-options']).toBeUndefined();

      // The session lasts minutes, not an hour.
      const cookie = (await scoped.cookies(webUrl)).find((c) => c.name === 'cc_anteprima')!;
      expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(30 * 60 + 5);
      expect(cookie.expires - Date.now() / 1000).toBeGreaterThan(60);

      // Another article's page, with the same session: as readers see it, without the banner.
      const other = await page.goto(`${webUrl}/articoli/${published.slug}`);
      expect(other?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: published.title, exact: true }).waitFor();
      expect(await page.content()).not.toContain(otherDraftTitle);
      expect(await page.getByText('Anteprima: questa versione non è pubblicata').count()).toBe(0);
      expect(other!.headers()['cache-control']).toMatch(/no-store/);

      // Lists and the home page read published content only.
      for (const path of ['/', '/articoli']) {
        await page.goto(`${webUrl}${path}`);
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

  it('ends the session when it expires: a genuine but expired session shows no draft', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cookieFor = (expiresAt: number) =>
      `cc_anteprima=${signPreviewSession(E2E_SITE_SECRETS.previewSecret, { type: 'article', documentId: draft.documentId, slug: draft.slug, status: 'draft', expiresAt })}`;
    const live = await fetch(`${webUrl}/articoli/${draft.slug}`, { headers: { cookie: cookieFor(now + 60) } });
    expect(live.status).toBe(200);
    expect(await live.text()).toContain(draft.title);
    const expired = await fetch(`${webUrl}/articoli/${draft.slug}`, { headers: { cookie: cookieFor(now - 1) } });
    expect(expired.status).toBe(404);
    expect(await expired.text()).not.toContain(draft.title);
    expect(expired.headers.get('set-cookie')).toMatch(/cc_anteprima=;/);
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
    const forged = new URL(url);
    forged.searchParams.set('sig', 'x'.repeat(43));
    const altered = new URL(url);
    altered.searchParams.set('slug', published.slug);
    // Signed like the CMS signs (apps/cms/src/preview/link.ts), an hour ago: genuine but expired.
    const expired = new URL(url);
    const exp = String(Math.floor(Date.now() / 1000) - 3600);
    expired.searchParams.set('exp', exp);
    const payload = ['chiudete-preview-link:v1', 'article', draft.documentId, draft.slug, 'draft', exp].join('\n');
    expired.searchParams.set('sig', createHmac('sha256', E2E_SITE_SECRETS.previewSecret).update(payload).digest('base64url'));
    const tampered = new URL(url);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 86_400));
    const bare = new URL('/anteprima', webUrl);
    bare.searchParams.set('slug', draft.slug);

    for (const [name, target, title] of [
      ['forged', forged, 'Anteprima non autorizzata'],
      ['altered', altered, 'Anteprima non autorizzata'],
      ['expired', expired, 'Anteprima scaduta'],
      ['lengthened', tampered, 'Anteprima non autorizzata'],
      ['without secret', bare, 'Anteprima non autorizzata'],
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
    }
  });

  it('ignores a forged preview cookie: no drafts', async () => {
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
