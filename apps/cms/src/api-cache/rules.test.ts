import { describe, expect, it } from 'vitest';
import { cacheKey, changesPublicVersion, publicRouteMatcher, readsPublishedOnly } from './rules';

describe('public read routes', () => {
  const isPublic = publicRouteMatcher('/api', [
    { kind: 'collectionType', name: 'articles' },
    { kind: 'singleType', name: 'global' },
  ]);

  it('matches the list and one document of a collection type, and a single type', () => {
    for (const path of ['/api/articles', '/api/articles/abc123', '/api/global']) expect(isPublic(path), path).toBe(true);
  });

  it('matches nothing else', () => {
    for (const path of ['/api', '/api/', '/api/articles/', '/api/articles/a/b', '/api/global/x', '/api/articlesx', '/api/search',
      '/api/form-tokens/testimony', '/api/altcha/challenge', '/api/testimony-submissions/status/x', '/api/openapi.json', '/admin/articles', '/articles']) {
      expect(isPublic(path), path).toBe(false);
    }
  });
});

describe('published-only queries', () => {
  it('accepts no status, or exactly status=published', () => {
    for (const query of ['', 'sort=title', 'filters[slug][$eq]=status', 'status=published', 'pagination[page]=2&status=published']) {
      expect(readsPublishedOnly(query), query).toBe(true);
    }
  });

  it('refuses drafts in every spelling', () => {
    for (const query of ['status=draft', 'status=', 'status', 'status[$ne]=published', 'status%5B%24ne%5D=published', 'status[]=draft',
      'status=published&status=draft', 'Status=draft', 'status=Published', 'status=published%00']) {
      expect(readsPublishedOnly(query), query).toBe(false);
    }
  });
});

describe('cache keys', () => {
  it('differ by credential and by URL, never hold either in clear', () => {
    const anonymous = cacheKey('', '/api/articles');
    expect(cacheKey('', '/api/articles')).toBe(anonymous);
    expect(cacheKey('Bearer a', '/api/articles')).not.toBe(anonymous);
    expect(cacheKey('Bearer b', '/api/articles')).not.toBe(cacheKey('Bearer a', '/api/articles'));
    expect(cacheKey('', '/api/articles?sort=title')).not.toBe(anonymous);
    // The header's length keeps header and URL apart.
    expect(cacheKey('Bearer a\n/api', '/x')).not.toBe(cacheKey('Bearer a', '/api\n/x'));
    expect(cacheKey('Bearer secret-token', '/api/articles')).not.toContain('secret');
  });
});

describe('writes that change the public version', () => {
  it('for draft-and-publish types: publish, unpublish, delete, or a write that publishes at once', () => {
    for (const action of ['publish', 'unpublish', 'delete']) expect(changesPublicVersion('api::article.article', action, {}), action).toBe(true);
    expect(changesPublicVersion('api::article.article', 'update', { status: 'published' })).toBe(true);
    expect(changesPublicVersion('api::testimony.testimony', 'create', { status: 'published' })).toBe(true);
    for (const action of ['update', 'create', 'discardDraft', 'findMany', 'findOne', 'count']) {
      expect(changesPublicVersion('api::article.article', action, {}), action).toBe(false);
    }
  });

  it('for types without draft and publish: every write', () => {
    for (const action of ['create', 'update', 'delete']) expect(changesPublicVersion('api::author.author', action, {}), action).toBe(true);
    expect(changesPublicVersion('api::global.global', 'update', undefined)).toBe(true);
    expect(changesPublicVersion('api::category.category', 'findMany', {})).toBe(false);
  });

  it('not for private types', () => {
    expect(changesPublicVersion('api::testimony-submission.testimony-submission', 'update', { status: 'published' })).toBe(false);
    expect(changesPublicVersion('admin::user', 'update', {})).toBe(false);
  });
});
