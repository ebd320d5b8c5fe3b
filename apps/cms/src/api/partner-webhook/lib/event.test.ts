import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../../../content-events';
import { readPartnerWebhooksConfig } from './config';
import { nextAttemptDelayMs, webhookWants } from './deliveries';
import { newEventId, sitePath, toWebhookEvent } from './event';

const change = (over: Partial<ContentChange> = {}): ContentChange => ({
  uid: 'api::article.article',
  type: 'article',
  action: 'published',
  documentId: 'k2x0abc',
  slug: 'il-mio-primo-hater',
  at: '2026-11-28T10:00:00.000Z',
  entry: { documentId: 'k2x0abc', slug: 'il-mio-primo-hater', title: 'Il mio primo hater', contactEmail: 'x@example.org' },
  ...over,
});
const links = { siteUrl: 'https://chiudeteicallcenter.eu', cmsUrl: 'https://cms.chiudeteicallcenter.eu', restPath: 'articles' };

describe('toWebhookEvent', () => {
  it('says what changed and where to read it, and nothing of the entry', () => {
    expect(toWebhookEvent(change(), 'evt_1', links)).toEqual({
      id: 'evt_1',
      type: 'content.published',
      createdAt: '2026-11-28T10:00:00.000Z',
      data: {
        type: 'article',
        documentId: 'k2x0abc',
        slug: 'il-mio-primo-hater',
        url: 'https://chiudeteicallcenter.eu/articoli/il-mio-primo-hater',
        apiUrl: 'https://cms.chiudeteicallcenter.eu/api/articles/k2x0abc',
      },
    });
    expect(JSON.stringify(toWebhookEvent(change(), 'evt_1', links))).not.toMatch(/contactEmail|title/);
  });

  it('maps unpublish, single types and the site pages of every type', () => {
    expect(toWebhookEvent(change({ action: 'unpublished', entry: null }), 'evt_2', links).type).toBe('content.unpublished');
    const global = toWebhookEvent(change({ uid: 'api::global.global', type: 'global', slug: null }), 'evt_3', { ...links, restPath: 'global' });
    expect(global.data).toMatchObject({ url: 'https://chiudeteicallcenter.eu/', apiUrl: 'https://cms.chiudeteicallcenter.eu/api/global' });
    expect(sitePath('testimony', 'marta')).toBe('/testimonianze/marta');
    expect(sitePath('answer', 'disdetta')).toBe('/risposte/disdetta');
    expect(sitePath('video', 'x')).toBe('/video');
    expect(sitePath('book-release', 'x')).toBe('/libro');
    expect(sitePath('category', 'telemarketing')).toBe('/categorie/telemarketing');
    expect(sitePath('author', 'candy-larsson')).toBe('/autori/candy-larsson');
    expect(newEventId()).toMatch(/^evt_[0-9a-f]{24}$/);
  });
});

describe('webhookWants', () => {
  const all = { enabled: true, events: null, contentTypes: null };
  it('filters on enabled, event and type; empty lists mean all', () => {
    expect(webhookWants(all, change())).toBe(true);
    expect(webhookWants({ ...all, enabled: false }, change())).toBe(false);
    expect(webhookWants({ ...all, events: ['content.unpublished'] }, change())).toBe(false);
    expect(webhookWants({ ...all, events: ['content.unpublished'] }, change({ action: 'unpublished' }))).toBe(true);
    expect(webhookWants({ ...all, contentTypes: ['testimony'] }, change())).toBe(false);
    expect(webhookWants({ ...all, contentTypes: ['testimony', 'article'] }, change())).toBe(true);
  });
});

describe('backoff', () => {
  const config = readPartnerWebhooksConfig({});
  it('waits 30 s, 2 min, 10 min, 1 h, 6 h (±10 %), then gives up after the 6th attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => nextAttemptDelayMs(attempts, config, () => 0.5))).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(nextAttemptDelayMs(1, config, () => 0)).toBe(27_000);
    expect(nextAttemptDelayMs(1, config, () => 1)).toBe(33_000);
    expect(nextAttemptDelayMs(6, config)).toBeNull();
    expect(config.maxAttempts).toBe(6);
  });
});

describe('readPartnerWebhooksConfig', () => {
  it('allows local URLs only with the explicit development flag, or when told', () => {
    // Fail closed: a server started without NODE_ENV (`strapi start` sets none) is not a developer's machine.
    expect(readPartnerWebhooksConfig({}).allowLocalUrls).toBe(false);
    expect(readPartnerWebhooksConfig({ NODE_ENV: 'development' }).allowLocalUrls).toBe(false);
    expect(readPartnerWebhooksConfig({ NODE_ENV: 'test' }).allowLocalUrls).toBe(false);
    expect(readPartnerWebhooksConfig({ CMS_DEVELOPMENT: 'true' }).allowLocalUrls).toBe(true);
    expect(readPartnerWebhooksConfig({ CMS_DEVELOPMENT: 'true', PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'false' }).allowLocalUrls).toBe(false);
    expect(() => readPartnerWebhooksConfig({ CMS_DEVELOPMENT: 'true', NODE_ENV: 'production' })).toThrow(/cannot be combined with NODE_ENV=production/);
    expect(readPartnerWebhooksConfig({ NODE_ENV: 'production' }).allowLocalUrls).toBe(false);
    expect(readPartnerWebhooksConfig({ NODE_ENV: 'production', PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true' }).allowLocalUrls).toBe(true);
    expect(() => readPartnerWebhooksConfig({ PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'maybe' })).toThrow(/true or false/);
  });

  it('takes the site and CMS addresses from SITE_URL and PUBLIC_URL', () => {
    expect(readPartnerWebhooksConfig({ SITE_URL: 'https://chiudeteicallcenter.eu/', PUBLIC_URL: 'https://example.org/cms/' })).toMatchObject({
      siteUrl: 'https://chiudeteicallcenter.eu',
      cmsUrl: 'https://example.org/cms',
    });
    expect(readPartnerWebhooksConfig({ PORT: '1440' }).cmsUrl).toBe('http://localhost:1440');
    expect(() => readPartnerWebhooksConfig({ SITE_URL: 'chiudeteicallcenter.eu' })).toThrow(/SITE_URL/);
    expect(() => readPartnerWebhooksConfig({ PARTNER_WEBHOOKS_RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
  });
});
