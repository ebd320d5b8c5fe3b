import { describe, expect, it } from 'vitest';
import { readSiteTokenConfig } from './config';
import { siteTokenMatcher } from '.';

const token = 's'.repeat(64);

describe('SITE_API_TOKEN', () => {
  it('is required in production, optional elsewhere', () => {
    expect(() => readSiteTokenConfig({ NODE_ENV: 'production' })).toThrow(/SITE_API_TOKEN is required in production/);
    expect(() => readSiteTokenConfig({ NODE_ENV: 'production', SITE_API_TOKEN: '  ' })).toThrow(/SITE_API_TOKEN/);
    expect(readSiteTokenConfig({ NODE_ENV: 'development' })).toEqual({ token: null });
    expect(readSiteTokenConfig({ NODE_ENV: 'production', SITE_API_TOKEN: ` ${token} ` })).toEqual({ token });
  });

  it('refuses a short value, or the preview token\'s value, in any environment', () => {
    expect(() => readSiteTokenConfig({ NODE_ENV: 'production', SITE_API_TOKEN: 'short' })).toThrow(/SITE_API_TOKEN must be at least 32 characters/);
    expect(() => readSiteTokenConfig({ NODE_ENV: 'test', SITE_API_TOKEN: 'x'.repeat(31) })).toThrow(/at least 32/);
    expect(() => readSiteTokenConfig({ SITE_API_TOKEN: token, PREVIEW_API_TOKEN: token })).toThrow(/must differ from PREVIEW_API_TOKEN/);
  });

  it('matches exactly the configured value', () => {
    const isSite = siteTokenMatcher({ token });
    expect(isSite(token)).toBe(true);
    for (const other of ['', 's', `${token}s`, token.slice(1), 'S'.repeat(64), `${token} `]) expect(isSite(other)).toBe(false);
    expect(siteTokenMatcher({ token: null })(token)).toBe(false);
  });
});
