import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { previewLinkPayload, previewUrl, signPreviewLink, type PreviewLink } from './link';
import { readPreviewSettings } from './config';
import { canReadDrafts, PREVIEW_TOKEN_NAME } from './token';

const secret = 'a-preview-secret-of-at-least-32-characters';
const link: PreviewLink = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater', status: 'draft', exp: 1_900_000_000 };

describe('preview links', () => {
  it('signs the coordinates and expiry with HMAC-SHA256, separated from other uses of the secret', () => {
    expect(previewLinkPayload(link)).toBe('chiudete-preview-link:v1\narticle\nabc123\nil-mio-primo-hater\ndraft\n1900000000');
    expect(signPreviewLink(secret, link)).toBe(createHmac('sha256', secret).update(previewLinkPayload(link)).digest('base64url'));
    // The same vector as the site's check (apps/web/server/utils/preview/signing.test.ts).
    expect(signPreviewLink(secret, link)).toBe('LBsZDnMrJkxBW1zZb8n68XiYB-VVAjURbV7mzQbjpPU');
    expect(signPreviewLink(secret, { ...link, status: 'published' })).not.toBe(signPreviewLink(secret, link));
    expect(signPreviewLink(`${secret}x`, link)).not.toBe(signPreviewLink(secret, link));
  });

  it('builds the /anteprima address of the site, without the secret', () => {
    const url = new URL(previewUrl('https://chiudeteicallcenter.eu', secret, link));
    expect(`${url.origin}${url.pathname}`).toBe('https://chiudeteicallcenter.eu/anteprima');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: 'article',
      id: 'abc123',
      slug: 'il-mio-primo-hater',
      status: 'draft',
      exp: '1900000000',
      sig: signPreviewLink(secret, link),
    });
    expect(url.toString()).not.toContain(secret);
  });
});

describe('preview settings', () => {
  const env = (values: Record<string, string>) => ((name: string, fallback?: string) => values[name] ?? fallback) as never;

  it('is off without PREVIEW_SECRET, and refuses a short one or a SITE_URL that is not an origin', () => {
    expect(readPreviewSettings(env({}))).toBeNull();
    expect(readPreviewSettings(env({ PREVIEW_SECRET: secret }))).toEqual({ siteUrl: 'http://localhost:3000', secret });
    expect(readPreviewSettings(env({ PREVIEW_SECRET: secret, SITE_URL: 'https://example.org/some/path' }))).toEqual({ siteUrl: 'https://example.org', secret });
    expect(() => readPreviewSettings(env({ PREVIEW_SECRET: 'short' }))).toThrow(/at least 32 characters/);
    expect(() => readPreviewSettings(env({ PREVIEW_SECRET: secret, SITE_URL: 'example.org' }))).toThrow(/SITE_URL/);
  });
});

describe('who may read drafts', () => {
  const token = (type: string, name = 'Partner') => ({ strategy: { name: 'content-api-token' }, credentials: { type, name } });

  it('allows full-access tokens and the read-only preview token, nobody else', () => {
    expect(canReadDrafts(token('full-access'))).toBe(true);
    expect(canReadDrafts({ strategy: { name: 'api-token' }, credentials: { type: 'full-access' } })).toBe(true);
    expect(canReadDrafts(token('read-only', PREVIEW_TOKEN_NAME))).toBe(true);
    expect(canReadDrafts(token('read-only'))).toBe(false);
    expect(canReadDrafts(token('custom', PREVIEW_TOKEN_NAME))).toBe(false);
    expect(canReadDrafts({ strategy: { name: 'users-permissions' }, credentials: { type: 'full-access', name: PREVIEW_TOKEN_NAME } })).toBe(false);
    expect(canReadDrafts(undefined)).toBe(false);
  });
});
