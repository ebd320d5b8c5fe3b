import { describe, expect, it } from 'vitest';
import { isCurrentSection, sectionAriaCurrent, SITE_SECTIONS } from './site-sections';

describe('site sections', () => {
  it('lists every section of the site once, Video, Chi siamo and Contatti included', () => {
    const paths = SITE_SECTIONS.map((section) => section.to);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['/articoli', '/testimonianze', '/risposte', '/osservatorio', '/video', '/libro', '/chi-siamo', '/contatti', '/cerca', '/privacy']));
  });

  it('marks the section of a detail page, and the home page only on itself', () => {
    expect(sectionAriaCurrent('/articoli', '/articoli')).toBe('page');
    expect(sectionAriaCurrent('/articoli', '/articoli/il-mio-primo-hater')).toBe('true');
    expect(sectionAriaCurrent('/articoli', '/articolix')).toBeUndefined();
    expect(isCurrentSection('/', '/articoli')).toBe(false);
    expect(sectionAriaCurrent('/', '/')).toBe('page');
  });
});
