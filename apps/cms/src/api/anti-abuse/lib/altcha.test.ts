import { timingSafeEqual } from 'node:crypto';
import type * as NodeCrypto from 'node:crypto';
import { createChallenge } from 'altcha-lib';
import { describe, expect, it, vi } from 'vitest';
import { solveAltcha } from '../../../../tests/helpers/anti-abuse';
import { createAltchaChallenge, sameDigest, verifyAltcha } from './altcha';

// The real timingSafeEqual, watched: the signature must go through it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const hmacKey = 'a'.repeat(64);
const options = { hmacKey, maxNumber: 1000, expiresSeconds: 600 };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;

describe('ALTCHA challenges', () => {
  it('creates a v1 challenge the widget understands, with an expiry in the signed salt', async () => {
    const now = Date.now();
    const challenge = await createAltchaChallenge(options, now);
    expect(challenge).toMatchObject({ algorithm: 'SHA-256', maxnumber: 1000 });
    expect(challenge.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.salt).toMatch(new RegExp(`^[0-9a-f]+\\?expires=${Math.floor((now + 600_000) / 1000)}&$`));
  });

  it('accepts a solution and returns its signature and expiry', async () => {
    const now = Date.now();
    const challenge = await createAltchaChallenge(options, now);
    const result = await verifyAltcha(await solveAltcha(challenge), hmacKey);
    expect(result).toEqual({ ok: true, signature: challenge.signature, expiresAt: Math.floor((now + 600_000) / 1000) * 1000 });
  });

  it.each([undefined, null, ''])('reports %j as missing', async (value) => {
    expect(await verifyAltcha(value, hmacKey)).toEqual({ ok: false, problem: 'challenge_missing' });
  });

  it.each([
    ['a number', 12],
    ['an object', { number: 1 }],
    ['an array', []],
    ['not base64', '%%%'],
    ['base64 of text', Buffer.from('hello').toString('base64')],
    ['base64 of null', encode(null)],
    ['base64 of an array', encode([1, 2])],
    ['a huge string', 'A'.repeat(1_000_000)],
    ['missing fields', encode({ algorithm: 'SHA-256' })],
    ['wrong types', encode({ algorithm: 'SHA-256', challenge: 1, number: '1', salt: [], signature: {} })],
  ])('refuses %s as invalid', async (_label, value) => {
    expect(await verifyAltcha(value, hmacKey)).toEqual({ ok: false, problem: 'challenge_invalid' });
  });

  it('refuses a wrong number, a changed salt, another algorithm and a forged signature', async () => {
    const challenge = await createAltchaChallenge(options);
    const payload = decode(await solveAltcha(challenge));
    const variants = [
      { ...payload, number: (payload.number as number) + 1 },
      { ...payload, salt: `${challenge.salt.split('?')[0]}?expires=9999999999&` },
      { ...payload, algorithm: 'SHA-1' },
      { ...payload, number: -1 },
      { ...payload, number: 1.5 },
    ];
    for (const variant of variants) expect(await verifyAltcha(encode(variant), hmacKey)).toEqual({ ok: false, problem: 'challenge_invalid' });
  });

  it('refuses a challenge signed with another key (forged)', async () => {
    const forged = await createAltchaChallenge({ ...options, hmacKey: 'b'.repeat(64) });
    expect(await verifyAltcha(await solveAltcha(forged), hmacKey)).toEqual({ ok: false, problem: 'challenge_invalid' });
  });

  it('refuses a signed challenge without expiry (not issued by this code)', async () => {
    const challenge = await createChallenge({ hmacKey, maxnumber: 1000 });
    expect(await verifyAltcha(await solveAltcha(challenge), hmacKey)).toEqual({ ok: false, problem: 'challenge_invalid' });
  });

  it('says an expired challenge is expired', async () => {
    const challenge = await createAltchaChallenge(options, Date.now() - 601_000);
    expect(await verifyAltcha(await solveAltcha(challenge), hmacKey)).toEqual({ ok: false, problem: 'challenge_expired' });
  });

  it('compares the challenge and the signature in constant time (timingSafeEqual on 32-byte buffers), both always', async () => {
    const challenge = await createAltchaChallenge(options);
    const payload = decode(await solveAltcha(challenge));
    const signature = payload.signature as string;
    const lastWrong = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    const watched = vi.mocked(timingSafeEqual);

    watched.mockClear();
    expect(await verifyAltcha(encode({ ...payload, signature: lastWrong }), hmacKey)).toEqual({ ok: false, problem: 'challenge_invalid' });
    expect(watched.mock.calls.map(([a, b]) => [a.byteLength, b.byteLength])).toEqual([[32, 32], [32, 32]]);

    watched.mockClear();
    expect(await verifyAltcha(encode(payload), hmacKey)).toMatchObject({ ok: true });
    expect(watched).toHaveBeenCalledTimes(2);
  });
});

describe('sameDigest', () => {
  const digest = 'ab'.repeat(32);
  it('is true only for the same 32 bytes, and never throws on other lengths', () => {
    expect(sameDigest(digest, digest)).toBe(true);
    expect(sameDigest(digest, digest.toUpperCase())).toBe(true);
    expect(sameDigest(digest, `${digest.slice(0, -1)}c`)).toBe(false);
    expect(sameDigest(digest, digest.slice(0, 62))).toBe(false);
    expect(sameDigest(digest, '')).toBe(false);
    expect(sameDigest('', '')).toBe(false);
  });
});
