import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router';
import { siteHref, type SiteLinkTarget } from './site-href';

// The router the site's pages are matched with, reduced to what shapes an href.
const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/:path(.*)*', component: {} }],
});

const targets: SiteLinkTarget[] = [
  '/',
  '/articoli/per-avere-giustizia-devi-richiamare-lo-stesso-call-center',
  { path: '/cerca', query: { q: 'bolletta luce' } },
  { path: '/cerca', query: { q: 'perché è così? 50% & +1 #2 = sì/no', tipo: 'testimonianze' } },
  { path: '/testimonianze', query: { settore: 'luce', ruolo: undefined, pagina: '3' } },
  { path: '/testimonianze', query: { settore: ['luce', 'gas'] } },
  { path: '/articoli', query: {}, hash: '#elenco' },
  { path: '/articoli', query: { pagina: '2' }, hash: '#elenco' },
  { path: '/osservatorio/settore/telefonia', query: { periodo: '12-mesi' } },
];

describe('siteHref', () => {
  it.each(targets.map((target) => [JSON.stringify(target), target] as const))('writes %s as the router does', (_, target) => {
    expect(siteHref(target)).toBe(router.resolve(target as RouteLocationRaw).href);
  });

  it('leaves a string as it is and adds no empty query or fragment', () => {
    expect(siteHref('/cerca?q=gas')).toBe('/cerca?q=gas');
    expect(siteHref({ path: '/articoli', query: { pagina: undefined } })).toBe('/articoli');
    expect(siteHref({ path: '/articoli', hash: '' })).toBe('/articoli');
  });
});
