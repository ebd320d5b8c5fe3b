import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRY_SECTIONS, SECTION_PAGES, canonicalPageQuery, isSlugSegment } from './site-routes';

const pagesDir = fileURLToPath(new URL('../../app/pages/', import.meta.url));

describe('the table of site routes matches app/pages', () => {
  const sections = readdirSync(pagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());

  it('lists every section with a [slug] page, and only those', () => {
    const withSlug = sections.filter((dir) => readdirSync(`${pagesDir}${dir.name}`).includes('[slug].vue')).map((dir) => dir.name);
    expect([...ENTRY_SECTIONS].sort()).toEqual(withSlug.sort());
  });

  it('lists every other page of those sections as a page, not a slug', () => {
    for (const section of ENTRY_SECTIONS) {
      const pages = readdirSync(`${pagesDir}${section}`)
        .filter((file) => file.endsWith('.vue') && file !== '[slug].vue' && file !== 'index.vue')
        .map((file) => file.replace(/\.vue$/, ''));
      expect([...(SECTION_PAGES[section] ?? [])].sort(), section).toEqual(pages.sort());
    }
  });
});

describe('isSlugSegment', () => {
  it('is the second segment of an entry section', () => {
    expect(isSlugSegment(['articoli', 'Il-Caso'], 1)).toBe(true);
    expect(isSlugSegment(['ARTICOLI', 'il-caso'], 1)).toBe(true);
  });

  it('is never a section, a page of a section, nor a deeper segment', () => {
    expect(isSlugSegment(['articoli', 'x'], 0)).toBe(false);
    expect(isSlugSegment(['testimonianze', 'INVIA'], 1)).toBe(false);
    expect(isSlugSegment(['libro', 'x'], 1)).toBe(false);
    expect(isSlugSegment(['articoli', 'x', 'y'], 1)).toBe(false);
  });
});

describe('canonicalPageQuery', () => {
  it('keeps what the testimonies listing reads, in the order of its links', () => {
    expect(canonicalPageQuery('/testimonianze', { pagina: '2', settore: 'luce', ruolo: 'cliente' })).toEqual({ ruolo: 'cliente', settore: 'luce', pagina: '2' });
    expect(Object.keys(canonicalPageQuery('/testimonianze', { pagina: '2', settore: 'luce', ruolo: 'cliente' }))).toEqual(['ruolo', 'settore', 'pagina']);
  });

  it('drops values a page does not understand, page 1 and unknown names', () => {
    expect(canonicalPageQuery('/testimonianze', { ruolo: 'admin', pagina: '1', x: '1' })).toEqual({});
    expect(canonicalPageQuery('/articoli', { pagina: 'abc' })).toEqual({});
    expect(canonicalPageQuery('/articoli', { pagina: ['3', '4'] })).toEqual({ pagina: '3' });
  });

  it('keeps the Osservatorio\'s filters and the widget\'s sector, nothing else', () => {
    expect(canonicalPageQuery('/osservatorio', { periodo: '12-mesi', settore: 'luce', x: '1' })).toEqual({ settore: 'luce', periodo: '12-mesi' });
    expect(Object.keys(canonicalPageQuery('/osservatorio', { periodo: '12-mesi', settore: 'luce' }))).toEqual(['settore', 'periodo']);
    expect(canonicalPageQuery('/osservatorio', { periodo: 'tutto', settore: 'acqua' })).toEqual({});
    expect(canonicalPageQuery('/widget/osservatorio', { settore: 'gas', periodo: '12-mesi' })).toEqual({ settore: 'gas' });
    expect(canonicalPageQuery('/widget/testimonianze', { settore: 'nessuno' })).toEqual({});
    expect(canonicalPageQuery('/osservatorio/settori/luce', { periodo: '12-mesi' })).toEqual({});
  });

  it('gives pages of categories and authors their page number, other pages nothing', () => {
    expect(canonicalPageQuery('/categorie/telemarketing', { pagina: '2' })).toEqual({ pagina: '2' });
    expect(canonicalPageQuery('/autori/candy-larsson', { pagina: '4' })).toEqual({ pagina: '4' });
    expect(canonicalPageQuery('/articoli/il-caso', { pagina: '2' })).toEqual({});
    expect(canonicalPageQuery('/', { pagina: '2', ruolo: 'cliente' })).toEqual({});
  });
});
