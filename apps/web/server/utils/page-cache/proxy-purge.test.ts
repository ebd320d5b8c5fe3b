import { describe, expect, it } from 'vitest';
import { banExpression } from './proxy-purge';

describe('banExpression', () => {
  it('matches each path with any query string, each prefix, and nothing else', () => {
    const ban = new RegExp(banExpression({ all: false, paths: ['/', '/articoli', '/feed.xml'], prefixes: ['/categorie/'] }));
    for (const url of ['/', '/?utm_source=x', '/articoli', '/articoli?pagina=2', '/feed.xml', '/categorie/x', '/categorie/y?pagina=3']) expect(ban.test(url), url).toBe(true);
    for (const url of ['/articoli/un-articolo', '/articolix', '/feedxxml', '/video', '/categorie']) expect(ban.test(url), url).toBe(false);
  });

  it('matches everything for a purge of all', () => {
    expect(new RegExp(banExpression({ all: true, paths: [], prefixes: [] })).test('/qualsiasi?x=1')).toBe(true);
  });
});
