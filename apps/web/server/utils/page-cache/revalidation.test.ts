import { describe, expect, it } from 'vitest';
import { parseContentChange } from './revalidation';

describe('parseContentChange', () => {
  it('accepts what the CMS sends (extra fields ignored)', () => {
    expect(parseContentChange({
      type: 'article', action: 'published', documentId: 'k66sjmd9sbv2qxlgiqbi2499', slug: 'un-articolo',
      previousSlug: 'vecchio', related: { category: ['telemarketing'] }, at: '2026-11-28T10:00:00.000Z',
    })).toEqual({
      ok: true,
      change: { type: 'article', action: 'published', documentId: 'k66sjmd9sbv2qxlgiqbi2499', slug: 'un-articolo', previousSlug: 'vecchio', related: { category: ['telemarketing'] } },
    });
    expect(parseContentChange({ type: 'global', action: 'published', documentId: 'g1', slug: null }))
      .toEqual({ ok: true, change: { type: 'global', action: 'published', documentId: 'g1', slug: null } });
  });

  it('names every problem', () => {
    expect(parseContentChange('nope')).toEqual({ ok: false, errors: ['the body must be a JSON object'] });
    const result = parseContentChange({ type: 'page', action: 'deleted', documentId: '../x', slug: 'a b', previousSlug: 3, related: { user: ['x'], article: 'a' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      expect.stringMatching(/^type must be one of article, /),
      'action must be "published" or "unpublished"',
      expect.stringMatching(/^documentId must be/),
      expect.stringMatching(/^slug must be null or a slug/),
      'previousSlug, when given, must be a slug',
      expect.stringMatching(/^related\.user is not a type with pages/),
      expect.stringMatching(/^related\.article must be a list of at most 500 slugs/),
    ]);
  });
});
