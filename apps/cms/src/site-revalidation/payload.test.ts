import { describe, expect, it } from 'vitest';
import type { ContentChange } from '../content-events';
import { mergeRelated, toRevalidationRequest } from './payload';
import { readSiteRevalidationConfig } from './config';

const change = (overrides: Partial<ContentChange> = {}): ContentChange => ({
  uid: 'api::article.article',
  type: 'article',
  action: 'published',
  documentId: 'doc1',
  slug: 'nuovo-titolo',
  at: '2026-11-28T10:00:00.000Z',
  entry: {},
  ...overrides,
});

describe('toRevalidationRequest', () => {
  it('names the entry, its old slug when it changed, and every page linked before or after', () => {
    const before = { slug: 'vecchio-titolo', related: { category: ['telemarketing'], author: ['candy-larsson'] } };
    const after = { slug: 'nuovo-titolo', related: { category: ['assistenza'], author: ['candy-larsson'], answer: ['recesso'] } };
    expect(toRevalidationRequest(change(), before, after)).toEqual({
      type: 'article',
      action: 'published',
      documentId: 'doc1',
      slug: 'nuovo-titolo',
      previousSlug: 'vecchio-titolo',
      related: { category: ['assistenza', 'telemarketing'], author: ['candy-larsson'], answer: ['recesso'] },
      at: '2026-11-28T10:00:00.000Z',
    });
  });

  it('keeps the last published slug and links of an unpublished entry', () => {
    const before = { slug: 'un-articolo', related: { category: ['telemarketing'] } };
    expect(toRevalidationRequest(change({ action: 'unpublished', slug: 'un-articolo', entry: null }), before, null)).toEqual({
      type: 'article',
      action: 'unpublished',
      documentId: 'doc1',
      slug: 'un-articolo',
      related: { category: ['telemarketing'] },
      at: '2026-11-28T10:00:00.000Z',
    });
  });

  it('works without a snapshot (first publish)', () => {
    expect(toRevalidationRequest(change({ type: 'video', uid: 'api::video.video', slug: 'v' }), null, { slug: 'v', related: {} }))
      .toMatchObject({ type: 'video', slug: 'v', related: {} });
    expect(toRevalidationRequest(change({ type: 'global', uid: 'api::global.global', slug: null }), null, null)).toMatchObject({ slug: null });
  });

  it('merges related slugs without duplicates', () => {
    expect(mergeRelated({ article: ['b', 'a'] }, undefined, { article: ['a', 'c'], answer: ['x'] })).toEqual({ article: ['a', 'b', 'c'], answer: ['x'] });
  });
});

describe('readSiteRevalidationConfig', () => {
  const secret = 'r'.repeat(32);

  it('is off without REVALIDATE_SECRET, defaults the URL to SITE_URL, refuses bad values', () => {
    expect(readSiteRevalidationConfig({})).toBeNull();
    expect(readSiteRevalidationConfig({ REVALIDATE_SECRET: '  ' })).toBeNull();
    expect(readSiteRevalidationConfig({ REVALIDATE_SECRET: secret })).toMatchObject({ url: 'http://localhost:3000/api/revalidate', secret });
    expect(readSiteRevalidationConfig({ REVALIDATE_SECRET: secret, SITE_URL: 'https://example.org/' })?.url).toBe('https://example.org/api/revalidate');
    expect(readSiteRevalidationConfig({ REVALIDATE_SECRET: secret, SITE_URL: 'https://example.org', SITE_REVALIDATE_URL: 'http://web:3000/api/revalidate' })?.url)
      .toBe('http://web:3000/api/revalidate');
    expect(() => readSiteRevalidationConfig({ REVALIDATE_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => readSiteRevalidationConfig({ REVALIDATE_SECRET: secret, SITE_REVALIDATE_URL: 'web:3000' })).toThrow(/SITE_REVALIDATE_URL/);
  });
});
