import { describe, expect, it } from 'vitest';
import { affectedPages, entryPath, type ContentChange } from './paths';

const change = (overrides: Partial<ContentChange>): ContentChange => ({
  type: 'article', action: 'published', documentId: 'doc1', slug: 'un-articolo', related: {}, ...overrides,
});
const ALWAYS = ['/', '/feed.json', '/feed.xml', '/sitemap.xml'];

describe('entryPath', () => {
  it('maps each previewable type to its page', () => {
    expect(entryPath('article', 'il-mio-primo-hater')).toBe('/articoli/il-mio-primo-hater');
    expect(entryPath('testimony', 't')).toBe('/testimonianze/t');
    expect(entryPath('answer', 'a')).toBe('/risposte/a');
    expect(entryPath('video', 'v')).toBe('/video');
    expect(entryPath('book-release', 'b')).toBe('/libro');
    expect(entryPath('category', 'c')).toBe('/categorie/c');
  });
});

describe('affectedPages', () => {
  it('article: its page (old slug too), the blog, the linked pages, the home, the feeds, the sitemap', () => {
    const purge = affectedPages(change({
      slug: 'nuovo',
      previousSlug: 'vecchio',
      related: { 'category': ['telemarketing'], 'author': ['candy-larsson'], 'answer': ['recesso'], 'book-release': ['il-libro'] },
    }));
    expect(purge).toEqual({
      all: false,
      paths: [...ALWAYS, '/articoli', '/articoli/nuovo', '/articoli/vecchio', '/autori/candy-larsson', '/categorie/telemarketing', '/libro', '/risposte/recesso'].sort(),
      prefixes: ['/sitemap/'],
    });
  });

  it('purges exactly: an unpublished testimony touches its page, its list (every filter and page), the Osservatorio and the widget, home, feeds, sitemap', () => {
    const purge = affectedPages(change({ type: 'testimony', action: 'unpublished', slug: 'la-mia-storia' }));
    expect(purge.paths).toEqual([...ALWAYS, '/osservatorio', '/testimonianze', '/testimonianze/la-mia-storia', '/widget/osservatorio', '/widget/testimonianze'].sort());
    expect(purge.prefixes).toEqual(['/osservatorio/', '/sitemap/']);
  });

  it('answers, videos and the book', () => {
    expect(affectedPages(change({ type: 'answer', slug: 'recesso', related: { article: ['a1'] } })).paths)
      .toEqual([...ALWAYS, '/articoli/a1', '/risposte', '/risposte/recesso'].sort());
    expect(affectedPages(change({ type: 'video', slug: 'v1' })).paths).toEqual([...ALWAYS, '/video'].sort());
    expect(affectedPages(change({ type: 'book-release', slug: 'libro-1', related: { article: ['a1'] } })).paths)
      .toEqual([...ALWAYS, '/articoli/a1', '/libro'].sort());
  });

  it('authors and categories: their pages, the blog and the articles that show their names', () => {
    expect(affectedPages(change({ type: 'category', slug: 'telemarketing', related: { article: ['a1', 'a2'] } })).paths)
      .toEqual([...ALWAYS, '/articoli', '/articoli/a1', '/articoli/a2', '/categorie', '/categorie/telemarketing'].sort());
    expect(affectedPages(change({ type: 'author', slug: 'candy-larsson', related: {} })).paths)
      .toEqual([...ALWAYS, '/articoli', '/autori', '/autori/candy-larsson', '/chi-siamo'].sort());
  });

  it('without the linked entries, purges every page of the linked types', () => {
    const { related: _unknown, ...withoutRelated } = change({});
    const purge = affectedPages(withoutRelated);
    expect(purge.prefixes).toEqual(['/autori/', '/categorie/', '/risposte/', '/sitemap/']);
    expect(purge.paths).toContain('/libro');
  });

  it('the site settings change every page', () => {
    expect(affectedPages(change({ type: 'global', slug: null }))).toEqual({ all: true, paths: [], prefixes: [] });
  });

  it('ignores slugs that cannot be paths', () => {
    expect(affectedPages(change({ slug: '../../etc', related: { category: ['a b'] } })).paths).toEqual([...ALWAYS, '/articoli'].sort());
  });
});
