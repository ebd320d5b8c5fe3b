import { describe, expect, it } from 'vitest';
import { mergePreviewedEntry, previewRead, type PreviewScope } from './preview-scope';

const article: PreviewScope = { type: 'article', documentId: 'abc123', slug: 'il-mio-primo-hater' };
const video: PreviewScope = { type: 'video', documentId: 'vid42', slug: 'la-telefonata' };

describe('what a preview reads as a draft', () => {
  it('reads the previewed document\'s draft, pinned to its documentId', () => {
    expect(previewRead(article, '/articles', { filters: { slug: { $eq: 'il-mio-primo-hater' } }, pagination: { page: 1, pageSize: 1 } })).toEqual({
      kind: 'draft',
      params: { filters: { slug: { $eq: 'il-mio-primo-hater' }, documentId: { $eq: 'abc123' } }, pagination: { page: 1, pageSize: 1 }, status: 'draft' },
    });
    expect(previewRead(article, '/articles/abc123', {})).toEqual({ kind: 'draft', params: { status: 'draft' } });
    expect(previewRead(article, '/articles', { filters: { documentId: { $eq: 'abc123' } } }).kind).toBe('draft');
  });

  it('reads every other document published: another slug, another type, related lists, the settings', () => {
    const published = (url: string, params: unknown) => previewRead(article, url, params).kind;
    expect(published('/articles', { filters: { slug: { $eq: 'un-altro-articolo' } } })).toBe('published');
    expect(published('/articles/zzz999', {})).toBe('published');
    expect(published('/articles', { filters: { documentId: { $ne: 'abc123' } }, pagination: { page: 1, pageSize: 3 } })).toBe('published');
    expect(published('/articles', { filters: { slug: { $eq: 'il-mio-primo-hater' }, title: { $contains: 'x' } } })).toBe('published');
    expect(published('/articles', { pagination: { page: 1, pageSize: 9 } })).toBe('published');
    expect(published('/answers', { filters: { slug: { $eq: 'il-mio-primo-hater' } } })).toBe('published');
    expect(published('/global', {})).toBe('published');
    expect(published('/articles-extra', { filters: { slug: { $eq: 'il-mio-primo-hater' } } })).toBe('published');
  });

  it('never passes a status of its own through', () => {
    expect(previewRead(article, '/testimonies', { status: 'draft', pagination: { page: 1 } })).toEqual({ kind: 'published', params: { pagination: { page: 1 } } });
  });

  it('puts the draft of a video or a book into the published list of its page', () => {
    expect(previewRead(video, '/videos', { pagination: { page: 1, pageSize: 100 } }).kind).toBe('merge');
    expect(previewRead({ type: 'book-release', documentId: 'b1', slug: 'libro' }, '/book-releases', { pagination: { page: 1, pageSize: 1 } }).kind).toBe('merge');
    expect(previewRead(video, '/videos', { filters: { featured: { $eq: true } } }).kind).toBe('published');
    expect(previewRead(article, '/articles', {}).kind).toBe('published');
  });
});

describe('the previewed draft in a published list', () => {
  const page = (ids: string[], pageSize = 3) => ({ data: ids.map((documentId) => ({ documentId, title: `published ${documentId}` })), meta: { pagination: { pageSize } } });
  const draft = (documentId: string) => ({ documentId, title: `draft ${documentId}` });

  it('replaces the published version in place', () => {
    expect(mergePreviewedEntry(page(['a', 'b', 'c']), draft('b')).data.map((entry) => entry.title)).toEqual(['published a', 'draft b', 'published c']);
  });

  it('puts a never published document first, the list keeping its size', () => {
    expect(mergePreviewedEntry(page(['a', 'b', 'c']), draft('n')).data.map((entry) => entry.documentId)).toEqual(['n', 'a', 'b']);
    expect(mergePreviewedEntry(page(['a'], 1), draft('n')).data.map((entry) => entry.documentId)).toEqual(['n']);
    expect(mergePreviewedEntry(page([], 1), draft('n')).data.map((entry) => entry.documentId)).toEqual(['n']);
    expect(mergePreviewedEntry(page(['a'], 100), draft('n')).data.map((entry) => entry.documentId)).toEqual(['n', 'a']);
  });

  it('leaves the list alone without a draft', () => {
    const list = page(['a']);
    expect(mergePreviewedEntry(list, undefined)).toBe(list);
  });
});
