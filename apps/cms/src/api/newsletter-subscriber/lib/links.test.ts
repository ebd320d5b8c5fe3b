import { describe, expect, it } from 'vitest';
import { loadNewsletterConfig } from './config';
import { checkLinkToken, confirmLink, linksWith, parseLinkToken, signLinkToken } from './links';

const settings = loadNewsletterConfig({ NEWSLETTER_LINK_SECRET: 'a-long-enough-newsletter-secret', SITE_URL: 'https://sito.example/', PUBLIC_URL: 'https://cms.example' });
const subject = { documentId: 'abc123def456ghi789jkl012', linkSecret: 'per-subscriber-secret' };
const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 24 * 60 * 60 * 1000;

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '') || new URL(url).searchParams.get('token')!;

describe('newsletter links', () => {
  it('builds the site pages with the token in the fragment, and the CMS one-click endpoint with it in the query', () => {
    const links = linksWith(settings, subject, NOW);
    expect(links.unsubscribe).toMatch(/^https:\/\/sito\.example\/newsletter\/disiscriviti#token=unsubscribe\./);
    expect(links.manage).toMatch(/^https:\/\/sito\.example\/newsletter\/i-miei-dati#token=manage\./);
    expect(links.unsubscribePost).toMatch(/^https:\/\/cms\.example\/api\/newsletter-subscriptions\/unsubscribe\?token=unsubscribe\./);
    expect(tokenOf(links.unsubscribePost)).toBe(tokenOf(links.unsubscribe));
    expect(confirmLink(settings, subject, NOW)).toMatch(/^https:\/\/sito\.example\/newsletter\/conferma#token=confirm\./);
  });

  it('accepts a token for its purpose and subscriber until it expires', () => {
    const parsed = parseLinkToken(tokenOf(confirmLink(settings, subject, NOW)))!;
    expect(checkLinkToken(settings.linkKey, parsed, 'confirm', subject, NOW + 6 * DAY)).toBe('valid');
    expect(checkLinkToken(settings.linkKey, parsed, 'confirm', subject, NOW + 7 * DAY + 1000)).toBe('expired');
  });

  it('refuses another purpose, another subscriber, a rotated secret, another key and a changed expiry', () => {
    const token = signLinkToken(settings.linkKey, 'manage', subject, 1, NOW);
    const parsed = parseLinkToken(token)!;
    expect(checkLinkToken(settings.linkKey, parsed, 'unsubscribe', subject, NOW)).toBe('invalid');
    expect(checkLinkToken(settings.linkKey, parsed, 'manage', { ...subject, documentId: 'zzz123def456ghi789jkl012' }, NOW)).toBe('invalid');
    expect(checkLinkToken(settings.linkKey, parsed, 'manage', { ...subject, linkSecret: 'rotated' }, NOW)).toBe('invalid');
    const other = loadNewsletterConfig({ NEWSLETTER_LINK_SECRET: 'another-newsletter-secret-value' });
    expect(checkLinkToken(other.linkKey, parsed, 'manage', subject, NOW)).toBe('invalid');
    const stretched = parseLinkToken(token.replace(/\.(\d+)\./, (_, expiry: string) => `.${Number(expiry) + 86_400}.`))!;
    expect(checkLinkToken(settings.linkKey, stretched, 'manage', subject, NOW)).toBe('invalid');
  });

  it('parses only well-formed tokens', () => {
    for (const bad of [undefined, 42, '', 'confirm.abc.1', 'other.abc.123.' + 'a'.repeat(43), `confirm.ABC.123.${'a'.repeat(43)}`]) {
      expect(parseLinkToken(bad)).toBeNull();
    }
  });

  it('fails closed: no secret, or a short one, stops the configuration', () => {
    expect(() => loadNewsletterConfig({})).toThrow(/NEWSLETTER_LINK_SECRET/);
    expect(() => loadNewsletterConfig({ NEWSLETTER_LINK_SECRET: 'short' })).toThrow(/NEWSLETTER_LINK_SECRET is too short/);
    expect(loadNewsletterConfig({ APP_KEYS: 'ChS47tQYIN6rHQ9RqU5SIw==,HvCXZUKpr1qkGX0QzI9EfA==' }).linkKey).toHaveLength(43);
  });
});
