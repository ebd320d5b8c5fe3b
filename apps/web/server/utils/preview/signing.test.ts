import { describe, expect, it } from 'vitest';
import { signPreviewLink, signPreviewSession, verifyPreviewLink, verifyPreviewSession, type PreviewLink } from './signing';
import { bearerToken, secretsMatch } from './secret';

const secret = 'a-preview-secret-of-at-least-32-characters';
const link: PreviewLink = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater', status: 'draft', exp: 1_900_000_000 };
const query = (l: PreviewLink, sig = signPreviewLink(secret, l)) => ({ type: l.type, id: l.documentId, slug: l.slug, status: l.status, exp: String(l.exp), sig });

describe('preview links', () => {
  it('accepts a link signed by the CMS before its expiry', () => {
    expect(verifyPreviewLink(secret, query(link), 1_899_999_999)).toEqual({ ok: true, link });
  });

  it('matches the CMS signature byte for byte (apps/cms/src/preview/link.test.ts uses the same vector)', () => {
    expect(signPreviewLink(secret, link)).toBe('LBsZDnMrJkxBW1zZb8n68XiYB-VVAjURbV7mzQbjpPU');
  });

  it('refuses forged, altered, expired and malformed links', () => {
    expect(verifyPreviewLink(secret, query(link, 'x'.repeat(43)), 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewLink(secret, { ...query(link), slug: 'altro-articolo' }, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewLink(secret, { ...query(link), status: 'published' }, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewLink(`${secret}!`, query(link), 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewLink(secret, query(link), 1_900_000_001)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewLink(secret, {}, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyPreviewLink(secret, { ...query(link), type: 'category' }, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyPreviewLink(secret, { ...query(link), slug: '../x' }, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyPreviewLink(secret, { ...query(link), sig: undefined }, 0)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('preview sessions', () => {
  it('round-trips, and expires', () => {
    const cookie = signPreviewSession(secret, { expiresAt: 1_900_000_000 });
    expect(verifyPreviewSession(secret, cookie, 1_899_000_000)).toEqual({ expiresAt: 1_900_000_000 });
    expect(verifyPreviewSession(secret, cookie, 1_900_000_001)).toBeNull();
  });

  it('refuses forged cookies, a link signature, and a missing secret', () => {
    const cookie = signPreviewSession(secret, { expiresAt: 1_900_000_000 });
    expect(verifyPreviewSession(secret, cookie.replace('1900000000', '1990000000'), 0)).toBeNull();
    expect(verifyPreviewSession(`${secret}!`, cookie, 0)).toBeNull();
    expect(verifyPreviewSession(secret, `1900000000.${signPreviewLink(secret, link)}`, 0)).toBeNull();
    expect(verifyPreviewSession('', cookie, 0)).toBeNull();
    expect(verifyPreviewSession(secret, undefined, 0)).toBeNull();
    expect(verifyPreviewSession(secret, 'garbage', 0)).toBeNull();
  });
});

describe('secrets', () => {
  it('compares in constant time, and never matches an empty expected secret', () => {
    expect(secretsMatch('s3cret', 's3cret')).toBe(true);
    expect(secretsMatch('s3cret', 's3cret ')).toBe(false);
    expect(secretsMatch('', '')).toBe(false);
    expect(secretsMatch('anything', '')).toBe(false);
    expect(secretsMatch(undefined, 's3cret')).toBe(false);
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
