import { describe, expect, it } from 'vitest';
import { loadAntiAbuseConfig } from './config';

const APP_KEYS = 'keyOneXXXXXXXXXXXXXXXX==,keyTwoXXXXXXXXXXXXXXXX==';

describe('anti-abuse configuration', () => {
  it('has the documented defaults', () => {
    const config = loadAntiAbuseConfig({ APP_KEYS });
    expect(config.formToken).toEqual({ ttlSeconds: 7200, minFillSeconds: 5 });
    expect(config.altcha).toEqual({ maxNumber: 100_000, expiresSeconds: 1200 });
    expect(config.rateLimit).toEqual({ windowSeconds: 600, submissionsPerIp: 5, submissionsGlobal: 120, challengesPerIp: 60 });
    expect(config.reads).toEqual({ windowSeconds: 60, anonymous: 300, token: 3000, site: 0 });
    expect(config.redis).toEqual({ url: undefined, keyPrefix: 'chiudete:anti-abuse:' });
    expect(config.memory).toEqual({ maxCounters: 100_000, maxUsedChallenges: 100_000 });
    expect(loadAntiAbuseConfig({ APP_KEYS, ANTI_ABUSE_MEMORY_MAX_USED_CHALLENGES: '50' }).memory.maxUsedChallenges).toBe(50);
    expect(() => loadAntiAbuseConfig({ APP_KEYS, ANTI_ABUSE_MEMORY_MAX_COUNTERS: '0' })).toThrow(/ANTI_ABUSE_MEMORY_MAX_COUNTERS/);
  });

  it('derives distinct keys from APP_KEYS when no secret is set, and the same keys every time', () => {
    const a = loadAntiAbuseConfig({ APP_KEYS });
    const b = loadAntiAbuseConfig({ APP_KEYS });
    expect(a.formTokenKey.equals(b.formTokenKey)).toBe(true);
    expect(a.ipHashKey.equals(b.ipHashKey)).toBe(true);
    expect(a.formTokenKey.equals(a.ipHashKey)).toBe(false);
    expect(a.altchaKey).not.toBe(a.formTokenKey.toString('hex'));
    const other = loadAntiAbuseConfig({ APP_KEYS: `${APP_KEYS},another` });
    expect(other.formTokenKey.equals(a.formTokenKey)).toBe(false);
  });

  it('uses ANTI_ABUSE_SECRET and IP_HASH_SALT when set, independently of APP_KEYS', () => {
    const env = { ANTI_ABUSE_SECRET: 's'.repeat(32), IP_HASH_SALT: 'p'.repeat(32) };
    const a = loadAntiAbuseConfig({ ...env, APP_KEYS });
    const b = loadAntiAbuseConfig(env);
    expect(a.formTokenKey.equals(b.formTokenKey)).toBe(true);
    expect(a.ipHashKey.equals(b.ipHashKey)).toBe(true);
    expect(a.formTokenKey.equals(loadAntiAbuseConfig({ APP_KEYS }).formTokenKey)).toBe(false);
  });

  it('never falls back to a built-in secret', () => {
    expect(() => loadAntiAbuseConfig({})).toThrow(/ANTI_ABUSE_SECRET.*APP_KEYS/);
    expect(() => loadAntiAbuseConfig({ ANTI_ABUSE_SECRET: 's'.repeat(32) })).toThrow(/IP_HASH_SALT.*APP_KEYS/);
    expect(() => loadAntiAbuseConfig({ APP_KEYS, ANTI_ABUSE_SECRET: 'short' })).toThrow(/too short/);
  });

  it('reads the numbers, treats empty values as unset, and refuses nonsense', () => {
    const config = loadAntiAbuseConfig({
      APP_KEYS,
      FORM_MIN_FILL_SECONDS: '1',
      ALTCHA_MAX_NUMBER: '1000',
      RATE_LIMIT_SUBMISSIONS_PER_IP: '0',
      RATE_LIMIT_WINDOW_SECONDS: '',
      REDIS_URL: ' ',
    });
    expect(config.formToken.minFillSeconds).toBe(1);
    expect(config.altcha.maxNumber).toBe(1000);
    expect(config.rateLimit.submissionsPerIp).toBe(0);
    expect(config.rateLimit.windowSeconds).toBe(600);
    expect(config.redis.url).toBeUndefined();
    for (const [name, value] of [['FORM_MIN_FILL_SECONDS', '-1'], ['ALTCHA_MAX_NUMBER', '1e5'], ['RATE_LIMIT_WINDOW_SECONDS', '0'], ['RATE_LIMIT_SUBMISSIONS_GLOBAL', 'many']]) {
      expect(() => loadAntiAbuseConfig({ APP_KEYS, [name as string]: value })).toThrow(new RegExp(`${name}="${value}"`));
    }
  });
});
