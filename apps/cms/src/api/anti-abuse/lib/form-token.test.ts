import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FormName } from './config';
import { issueFormToken, verifyFormToken } from './form-token';

const key = randomBytes(32);
const t0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const rules: { form: FormName; ttlSeconds: number; minFillSeconds: number } = { form: 'testimony', ttlSeconds: 7200, minFillSeconds: 5 };
const check = (token: unknown, now = t0 + 10_000, overrides: Partial<typeof rules> = {}) =>
  verifyFormToken(key, token, { ...rules, ...overrides, now });

describe('form tokens', () => {
  it('issues a token that carries the form, the time and a random nonce, and verifies it', () => {
    const issued = issueFormToken(key, 'testimony', 7200, t0);
    expect(issued).toMatchObject({ issuedAt: t0, expiresAt: t0 + 7_200_000 });
    expect(issued.token).toMatch(/^v1\.testimony\.\d+\.[\w-]{22}\.[\w-]{43}$/);
    expect(issueFormToken(key, 'testimony', 7200, t0).token).not.toBe(issued.token);
    expect(check(issued.token)).toMatchObject({ ok: true, issuedAt: t0 });
  });

  it.each([undefined, null, ''])('reports %j as missing', (value) => {
    expect(check(value)).toEqual({ ok: false, problem: 'token_missing' });
  });

  it.each([
    ['a number', 42],
    ['an object', { token: 'x' }],
    ['an array', ['v1']],
    ['a boolean', true],
    ['garbage', 'not-a-token'],
    ['too many parts', 'v1.testimony.1.2.3.4'],
    ['a huge string', 'v1.'.repeat(100_000)],
  ])('refuses %s as invalid', (_label, value) => {
    expect(check(value)).toEqual({ ok: false, problem: 'token_invalid' });
  });

  it('refuses a tampered token: changed time, form, nonce or signature', () => {
    const { token } = issueFormToken(key, 'testimony', 7200, t0);
    const [version, form, issued, nonce, signature] = token.split('.') as [string, string, string, string, string];
    const variants = [
      [version, form, String(Number(issued) - 60_000), nonce, signature],
      [version, 'contact', issued, nonce, signature],
      [version, form, issued, `${nonce.slice(0, -1)}${nonce.endsWith('A') ? 'B' : 'A'}`, signature],
      [version, form, issued, nonce, `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`],
      [version, form, issued, nonce, signature.slice(0, 20)],
      [version, form, issued, nonce, `${signature}=`],
      ['v2', form, issued, nonce, signature],
    ];
    for (const parts of variants) expect(check(parts.join('.'))).toEqual({ ok: false, problem: 'token_invalid' });
  });

  it('refuses a token signed with another key', () => {
    const { token } = issueFormToken(randomBytes(32), 'testimony', 7200, t0);
    expect(check(token)).toEqual({ ok: false, problem: 'token_invalid' });
  });

  it('refuses a token issued for another form', () => {
    const { token } = issueFormToken(key, 'contact', 7200, t0);
    expect(check(token)).toEqual({ ok: false, problem: 'token_invalid' });
    expect(check(token, t0 + 10_000, { form: 'contact' })).toMatchObject({ ok: true });
  });

  it('refuses a token from the future (beyond a minute of clock skew)', () => {
    const { token } = issueFormToken(key, 'testimony', 7200, t0 + 5 * 60_000);
    expect(check(token, t0)).toEqual({ ok: false, problem: 'token_invalid' });
  });

  it('says a token is expired after its lifetime, and not before', () => {
    const { token } = issueFormToken(key, 'testimony', 7200, t0);
    expect(check(token, t0 + 7_200_000)).toMatchObject({ ok: true });
    expect(check(token, t0 + 7_200_001)).toEqual({ ok: false, problem: 'token_expired' });
    expect(check(token, t0 + 60_000, { ttlSeconds: 30 })).toEqual({ ok: false, problem: 'token_expired' });
  });

  it('says a form is too fast before the minimum fill time, and accepts it from then on', () => {
    const { token } = issueFormToken(key, 'testimony', 7200, t0);
    expect(check(token, t0)).toEqual({ ok: false, problem: 'too_fast' });
    expect(check(token, t0 + 4_999)).toEqual({ ok: false, problem: 'too_fast' });
    expect(check(token, t0 + 5_000)).toMatchObject({ ok: true });
    expect(check(token, t0, { minFillSeconds: 0 })).toMatchObject({ ok: true });
  });
});
