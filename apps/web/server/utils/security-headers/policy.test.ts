import { describe, expect, it } from 'vitest';
import { allowAdminFraming, contentSecurityPolicy, frameAncestors, securityHeaders, securitySettingsFrom, widgetSecurityHeaders, type SecurityHeaderSettings } from './policy';

const production: SecurityHeaderSettings = securitySettingsFrom({
  siteUrl: 'https://chiudeteicallcenter.eu',
  cmsUrl: 'https://cms.chiudeteicallcenter.eu/',
  adminOrigin: '',
  dev: false,
});

/** A policy as a map of directive → sources. */
const directives = (csp: string) => new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

describe('the settings', () => {
  it('takes the admin\'s origin from the CMS unless told otherwise, and HTTPS from the site\'s URL', () => {
    expect(production).toEqual({ cmsOrigin: 'https://cms.chiudeteicallcenter.eu', adminOrigin: 'https://cms.chiudeteicallcenter.eu', s3Origin: null, https: true, csp: true });
    expect(securitySettingsFrom({ siteUrl: 'http://127.0.0.1:3000', cmsUrl: 'http://127.0.0.1:1337', adminOrigin: 'https://admin.example.org/admin', dev: false }))
      .toEqual({ cmsOrigin: 'http://127.0.0.1:1337', adminOrigin: 'https://admin.example.org', s3Origin: null, https: false, csp: true });
    expect(securitySettingsFrom({ siteUrl: 'https://x.example', cmsUrl: 'http://localhost:1337', adminOrigin: '', dev: true })).toMatchObject({ https: false, csp: false });
  });

  it('refuses addresses that are not http(s) URLs', () => {
    expect(() => securitySettingsFrom({ siteUrl: 'https://x.example', cmsUrl: 'cms', adminOrigin: '', dev: false })).toThrow(/NUXT_PUBLIC_CMS_URL/);
    expect(() => securitySettingsFrom({ siteUrl: 'https://x.example', cmsUrl: 'https://cms.example', adminOrigin: 'javascript:alert(1)', dev: false })).toThrow(/NUXT_ADMIN_ORIGIN/);
    expect(() => securitySettingsFrom({ siteUrl: 'https://x.example', cmsUrl: 'https://cms.example', adminOrigin: '', s3PublicUrl: 'minio:9000/uploads', dev: false })).toThrow(/NUXT_PUBLIC_S3_PUBLIC_URL/);
  });

  it('lets images load from the CMS\'s S3 bucket when uploads are there', () => {
    const s3 = securitySettingsFrom({ siteUrl: 'https://x.example', cmsUrl: 'https://cms.example', adminOrigin: '', s3PublicUrl: 'https://media.example/bucket/', dev: false });
    expect(s3.s3Origin).toBe('https://media.example');
    expect(directives(contentSecurityPolicy(s3)).get('img-src')).toEqual(['\'self\'', 'data:', 'blob:', 'https://cms.example', 'https://media.example']);
    expect(directives(contentSecurityPolicy(production)).get('img-src')).toEqual(['\'self\'', 'data:', 'blob:', 'https://cms.chiudeteicallcenter.eu']);
  });
});

describe('the headers of a page', () => {
  it('sends every security header, HSTS in production, and nobody may frame it', () => {
    const headers = securityHeaders(production);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'strict-transport-security': 'max-age=31536000',
    });
    expect(headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(directives(headers['content-security-policy']!).get('frame-ancestors')).toEqual(['\'none\'']);
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('sends no HSTS over plain HTTP, and no CSP in development', () => {
    const local = securitySettingsFrom({ siteUrl: 'http://localhost:3000', cmsUrl: 'http://localhost:1337', adminOrigin: '', dev: false });
    expect(securityHeaders(local)).not.toHaveProperty('strict-transport-security');
    expect(contentSecurityPolicy(local)).not.toContain('upgrade-insecure-requests');
    const dev = securitySettingsFrom({ siteUrl: 'http://localhost:3000', cmsUrl: 'http://localhost:1337', adminOrigin: '', dev: true });
    expect(securityHeaders(dev)).not.toHaveProperty('content-security-policy');
    expect(securityHeaders(dev)['x-frame-options']).toBe('DENY');
  });

  it('allows no inline script but the page\'s own hashes, and loads from the site, the CMS and YouTube\'s player only', () => {
    const csp = directives(contentSecurityPolicy(production, { framedByAdmin: false, scriptHashes: ['\'sha256-abc=\''] }));
    expect(csp.get('default-src')).toEqual(['\'self\'']);
    expect(csp.get('script-src')).toEqual(['\'self\'', '\'sha256-abc=\'']);
    expect(csp.get('script-src-attr')).toEqual(['\'none\'']);
    // The browser never calls the CMS: the forms go to the site, which relays them (issue #16).
    expect(csp.get('connect-src')).toEqual(['\'self\'']);
    expect(csp.get('frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(csp.get('object-src')).toEqual(['\'none\'']);
    expect(csp.get('base-uri')).toEqual(['\'none\'']);
    expect(csp.get('form-action')).toEqual(['\'self\'']);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
    for (const sources of csp.values()) expect(sources).not.toContain('\'unsafe-eval\'');
    expect(csp.get('script-src')).not.toContain('\'unsafe-inline\'');
  });

  it('lets the admin, and only the admin, frame a preview', () => {
    const headers = securityHeaders(production, { framedByAdmin: true, scriptHashes: [] });
    expect(headers).not.toHaveProperty('x-frame-options');
    expect(directives(headers['content-security-policy']!).get('frame-ancestors')).toEqual(['https://cms.chiudeteicallcenter.eu']);
  });

  it('names the admin\'s own origin when it is on another host than the site and the CMS\'s API', () => {
    const settings = securitySettingsFrom({ siteUrl: 'http://localhost:3000', cmsUrl: 'http://localhost:1337', adminOrigin: 'http://127.0.0.1:1337', dev: false });
    expect(frameAncestors(settings, true)).toBe('frame-ancestors http://127.0.0.1:1337');
    expect(frameAncestors(securitySettingsFrom({ siteUrl: 'http://localhost:3000', cmsUrl: 'http://127.0.0.1:1337/', adminOrigin: '', dev: false }), true)).toBe('frame-ancestors http://127.0.0.1:1337');
  });

  it('turns a page\'s policy into a preview\'s, keeping its script hashes', () => {
    const page = contentSecurityPolicy(production, { framedByAdmin: false, scriptHashes: ['\'sha256-abc=\''] });
    const preview = directives(allowAdminFraming(page, production));
    expect(preview.get('frame-ancestors')).toEqual(['https://cms.chiudeteicallcenter.eu']);
    expect(preview.get('script-src')).toEqual(['\'self\'', '\'sha256-abc=\'']);
    expect(allowAdminFraming(allowAdminFraming(page, production), production)).toBe(allowAdminFraming(page, production));
  });
});

describe('the headers of the partners\' widget', () => {
  it('lets any site frame it, runs nothing, and keeps the other protections', () => {
    const headers = widgetSecurityHeaders(production);
    expect(headers['x-frame-options']).toBeUndefined();
    const csp = directives(headers['content-security-policy']!);
    expect(csp.get('frame-ancestors')).toEqual(['*']);
    expect(csp.get('default-src')).toEqual(['\'none\'']);
    expect(csp.get('script-src')).toBeUndefined();
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'strict-transport-security': 'max-age=31536000' });
  });

  it('changes nothing for the other pages: nobody frames them', () => {
    expect(securityHeaders(production)['x-frame-options']).toBe('DENY');
    expect(directives(securityHeaders(production)['content-security-policy']!).get('frame-ancestors')).toEqual(['\'none\'']);
  });
});
