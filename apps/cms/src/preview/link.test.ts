import { describe, expect, it } from 'vitest';
import { verifyPreviewToken } from '@chiudete/types/preview';
import { PREVIEWABLE_TYPES, previewUrl, type PreviewPayload } from './link';
import { readPreviewSettings } from './config';
import { canReadDrafts, PREVIEW_TOKEN_NAME } from './token';

const secret = 'a-preview-secret-of-at-least-32-characters';
const link: PreviewPayload = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater', status: 'draft', exp: 1_900_000_000 };

describe('preview links', () => {
  it('are the site\'s /anteprima address with a token the site\'s check accepts (one implementation: @chiudete/types/preview), without the secret', () => {
    const url = new URL(previewUrl('https://chiudeteicallcenter.eu', secret, link));
    expect(`${url.origin}${url.pathname}`).toBe('https://chiudeteicallcenter.eu/anteprima');
    expect([...url.searchParams.keys()]).toEqual(['token']);
    expect(verifyPreviewToken(secret, url.searchParams.get('token'), 1_899_999_999)).toEqual({ ok: true, payload: link });
    expect(verifyPreviewToken(`${secret}x`, url.searchParams.get('token'), 0)).toEqual({ ok: false, reason: 'signature' });
    expect(url.toString()).not.toContain(secret);
  });

  it('name every previewable content type as the token schema knows it', () => {
    expect(Object.values(PREVIEWABLE_TYPES).sort()).toEqual(['answer', 'article', 'book-release', 'testimony', 'video']);
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
