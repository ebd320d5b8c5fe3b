import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_TTL_SECONDS, previewEntryUrl, signPreviewToken, verifyPreviewToken, type PreviewPayload } from './preview';

const secret = 'a-preview-secret-of-at-least-32-characters';
const payload: PreviewPayload = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater', status: 'draft', exp: 1_900_000_000 };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Signed exactly as signPreviewToken signs, but without its payload check: what a holder of the secret could craft. */
const signRaw = (encoded: string, key = secret) => `${encoded}.${createHmac('sha256', key).update(`chiudete-preview-token:v2\n${encoded}`).digest('base64url')}`;

describe('preview tokens', () => {
  it('carry the payload, signed with HMAC-SHA256 under their own prefix (a fixed vector: the CMS signs, the site checks)', () => {
    const token = signPreviewToken(secret, payload);
    expect(token).toBe(signRaw(encode(payload)));
    expect(token).toBe('eyJ0eXBlIjoiYXJ0aWNsZSIsImRvY3VtZW50SWQiOiJhYmMxMjMiLCJzbHVnIjoiaWwtbWlvLXByaW1vLWhhdGVyIiwic3RhdHVzIjoiZHJhZnQiLCJleHAiOjE5MDAwMDAwMDB9.HIrEGeZCfIyyr6bQlTDV3v1RrO3hFNnlDhZlZZC55hk');
    expect(verifyPreviewToken(secret, token, 1_899_999_999)).toEqual({ ok: true, payload });
    expect(verifyPreviewToken(secret, token, 1_900_000_000)).toEqual({ ok: true, payload });
  });

  it('expire', () => {
    expect(verifyPreviewToken(secret, signPreviewToken(secret, payload), 1_900_000_001)).toEqual({ ok: false, reason: 'expired' });
    expect(PREVIEW_TOKEN_TTL_SECONDS).toBeGreaterThanOrEqual(10 * 60);
    expect(PREVIEW_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(30 * 60);
  });

  it('refuse a forged, altered or differently keyed token', () => {
    const token = signPreviewToken(secret, payload);
    const [encoded, signature] = token.split('.') as [string, string];
    expect(verifyPreviewToken(`${secret}!`, token, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewToken(secret, `${encoded}.${'x'.repeat(43)}`, 0)).toEqual({ ok: false, reason: 'signature' });
    for (const changed of [{ documentId: 'OTHER1' }, { slug: 'un-altro' }, { status: 'published' }, { exp: 1_990_000_000 }, { type: 'answer' }]) {
      expect(verifyPreviewToken(secret, `${encode({ ...payload, ...changed })}.${signature}`, 0), JSON.stringify(changed)).toEqual({ ok: false, reason: 'signature' });
    }
    // A signature of the old link format, or of the same bytes under another prefix, is no token.
    const otherUse = createHmac('sha256', secret).update(`chiudete-preview-link:v1\n${encoded}`).digest('base64url');
    expect(verifyPreviewToken(secret, `${encoded}.${otherUse}`, 0)).toEqual({ ok: false, reason: 'signature' });
    // An empty or short secret never verifies anything.
    expect(verifyPreviewToken('', signRaw(encoded, ''), 0)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuse what is not a token, and a signed payload the schema rejects', () => {
    for (const value of [undefined, null, 42, ['a.b'], '', 'garbage', 'a.b', `${'A'.repeat(1_001)}.${'B'.repeat(43)}`]) {
      expect(verifyPreviewToken(secret, value, 0), String(value)).toEqual({ ok: false, reason: 'malformed' });
    }
    for (const fields of [
      { ...payload, type: 'category' },
      { ...payload, documentId: '../x' },
      { ...payload, slug: 'a/b' },
      { ...payload, status: 'all' },
      { ...payload, exp: '1900000000' },
      { ...payload, extra: true },
      [payload.type, payload.documentId],
    ]) {
      expect(verifyPreviewToken(secret, signRaw(encode(fields)), 0), JSON.stringify(fields)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifyPreviewToken(secret, signRaw('bm90IGpzb24'), 0)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('are never signed with a short secret nor for an invalid payload', () => {
    expect(() => signPreviewToken('short', payload)).toThrow(/at least 32/);
    expect(() => signPreviewToken(secret, { ...payload, slug: '../x' })).toThrow();
  });

  it('travel in the site\'s /anteprima address, without the secret', () => {
    const url = new URL(previewEntryUrl('https://chiudeteicallcenter.eu', secret, payload));
    expect(`${url.origin}${url.pathname}`).toBe('https://chiudeteicallcenter.eu/anteprima');
    expect([...url.searchParams.keys()]).toEqual(['token']);
    expect(verifyPreviewToken(secret, url.searchParams.get('token'), 0)).toEqual({ ok: true, payload });
    expect(url.toString()).not.toContain(secret);
  });
});
