import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PREVIEW_SESSION_SECONDS, signPreviewLink, signPreviewSession, verifyPreviewLink, verifyPreviewSession, type PreviewLink, type PreviewSession } from './signing';
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
  const session: PreviewSession = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater', status: 'draft', expiresAt: 1_900_000_000 };

  it('carries the one document and version it was opened for, and expires', () => {
    const cookie = signPreviewSession(secret, session);
    expect(verifyPreviewSession(secret, cookie, 1_899_000_000)).toEqual(session);
    const live = { ...session, status: 'published' as const };
    expect(verifyPreviewSession(secret, signPreviewSession(secret, live), 0)).toEqual(live);
    expect(verifyPreviewSession(secret, cookie, 1_900_000_000)).toEqual(session);
    expect(verifyPreviewSession(secret, cookie, 1_900_000_001)).toBeNull();
  });

  it('lasts minutes, not an hour', () => {
    expect(PREVIEW_SESSION_SECONDS).toBeGreaterThanOrEqual(10 * 60);
    expect(PREVIEW_SESSION_SECONDS).toBeLessThanOrEqual(30 * 60);
  });

  it('refuses a cookie whose document or expiry was changed', () => {
    const [encoded, signature] = signPreviewSession(secret, session).split('.') as [string, string];
    const reencode = (fields: unknown[]) => Buffer.from(JSON.stringify(fields)).toString('base64url');
    expect(JSON.parse(Buffer.from(encoded, 'base64url').toString())).toEqual(['article', 'abc123', 'il-mio-primo-hater', 'draft', 1_900_000_000]);
    expect(verifyPreviewSession(secret, `${reencode(['article', 'OTHER1', 'il-mio-primo-hater', 'draft', 1_900_000_000])}.${signature}`, 0)).toBeNull();
    expect(verifyPreviewSession(secret, `${reencode(['article', 'abc123', 'un-altro', 'draft', 1_900_000_000])}.${signature}`, 0)).toBeNull();
    expect(verifyPreviewSession(secret, `${reencode(['article', 'abc123', 'il-mio-primo-hater', 'draft', 1_990_000_000])}.${signature}`, 0)).toBeNull();
    expect(verifyPreviewSession(secret, `${reencode(['article', 'abc123', 'il-mio-primo-hater', 'published', 1_900_000_000])}.${signature}`, 0)).toBeNull();
  });

  it('refuses forged cookies, the old site-wide cookie, a link signature, malformed fields and a missing secret', () => {
    const cookie = signPreviewSession(secret, session);
    const v1 = `1900000000.${createHmac('sha256', secret).update('chiudete-preview-session:v1\n1900000000').digest('base64url')}`;
    expect(verifyPreviewSession(secret, v1, 0)).toBeNull();
    expect(verifyPreviewSession(`${secret}!`, cookie, 0)).toBeNull();
    expect(verifyPreviewSession(secret, `1900000000.${signPreviewLink(secret, link)}`, 0)).toBeNull();
    expect(verifyPreviewSession('', cookie, 0)).toBeNull();
    expect(verifyPreviewSession(secret, undefined, 0)).toBeNull();
    expect(verifyPreviewSession(secret, 'garbage', 0)).toBeNull();
    // Signed, but not a session: the signature alone does not make the fields valid.
    for (const fields of [
      ['category', 'abc123', 'x', 'draft', 1],
      ['article', '../x', 'x', 'draft', 1],
      ['article', 'abc123', 'a/b', 'draft', 1],
      ['article', 'abc123', 'x', 'all', 1],
      ['article', 'abc123', 'x', 'draft', '1'],
      ['article', 'abc123', 'x', 1],
    ]) {
      const encoded = Buffer.from(JSON.stringify(fields)).toString('base64url');
      const signed = `${encoded}.${createHmac('sha256', secret).update(`chiudete-preview-session:v2\n${encoded}`).digest('base64url')}`;
      expect(verifyPreviewSession(secret, signed, 0), JSON.stringify(fields)).toBeNull();
    }
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
