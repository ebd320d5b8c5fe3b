import { describe, expect, it } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import { CHANNELS, OSSERVATORIO_LICENSE, SECTORS, type OsservatorioAggregates, type OsservatorioParams } from '@chiudete/types';
import OsservatorioPage from '~/pages/osservatorio/[...percorso].vue';

const figures: OsservatorioAggregates = {
  filters: { sector: null, from: null, to: null, company: null },
  total: 1024,
  bySector: SECTORS.map((key) => ({ key, count: key === 'telefonia' ? 412 : key === 'luce' ? 300 : key === 'gas' ? 312 : 0 })),
  byChannel: CHANNELS.map((key) => ({ key, count: key === 'assistenza_telefonica' ? 700 : key === 'chat' ? 324 : 0 })),
  byRole: [{ key: 'cliente', count: 800 }, { key: 'operatore', count: 224 }],
  byMonth: [{ month: '2026-10', count: 1000, cliente: 790, operatore: 210 }, { month: '2026-11', count: 24, cliente: 10, operatore: 14 }],
  companies: [{ slug: 'gestore-esempio', name: 'Gestore Esempio', count: 40 }],
  otherCompanies: 984,
  companyThreshold: 5,
  generatedAt: '2026-12-06T04:00:00.000Z',
  license: OSSERVATORIO_LICENSE,
};

const latest = [{
  documentId: 't1', slug: 'tre-mesi-per-una-disdetta', title: 'Tre mesi per una disdetta', role: 'cliente' as const, sector: 'luce' as const,
  channel: 'assistenza_telefonica' as const, companyBrand: 'Gestore Esempio', eventMonth: '2026-10', displayName: 'Marta', excerpt: 'Ho chiamato dodici volte.',
}];
mockNuxtImport('useSectorLatestTestimonies', () => async () => computed(() => latest));
mockNuxtImport('useCompanyLatestTestimonies', () => async () => computed(() => latest));
mockNuxtImport('useOsservatorioCompany', () => async (slug: string) => computed(() => ({
  ...figures,
  filters: { ...figures.filters, company: { slug, name: 'Gestore Esempio', count: 40 } },
  total: 40,
  companies: [],
})));

const asked: OsservatorioParams[] = [];
mockNuxtImport('useOsservatorio', () => async (params: OsservatorioParams) => {
  asked.push(params);
  return computed(() => figures);
});

describe('/osservatorio', () => {
  it('shows the total and a chart per dimension, each with its summary', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio' });
    expect(wrapper.find('h1').text()).toBe('Osservatorio sui call center');
    expect(wrapper.find('.osservatorio-figures__total').text()).toContain('1.024');
    expect(wrapper.findAll('svg[role="img"]').map((svg) => svg.attributes('aria-label'))).toEqual([
      'Testimonianze per settore', 'Testimonianze per canale di contatto', 'Testimonianze di clienti e di operatori',
      'Testimonianze per mese dei fatti', 'Aziende più nominate nelle testimonianze',
    ]);
    const summaries = wrapper.findAll('figcaption').map((caption) => caption.text());
    expect(summaries[0]).toBe('Il settore più citato è «Telefonia fissa e mobile»: 412 testimonianze su 1.024, il 40\u00A0%.');
    expect(summaries[2]).toBe('Raccontano 800 clienti (78\u00A0%) e 224 tra operatori e operatrici (22\u00A0%), su 1.024 testimonianze.');
    expect(summaries[3]).toBe('Da ottobre 2026 a novembre 2026, 1.024 testimonianze; il mese con più testimonianze è ottobre 2026, con 1.000.');
    expect(asked.at(-1)).toEqual({});
  });

  it('names only the companies the CMS returns, each linked to its page', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio' });
    const companies = wrapper.find('section[aria-labelledby="aziende"]');
    expect(companies.findAll('tbody th').map((th) => th.text())).toEqual(['Gestore Esempio']);
    expect(companies.find('tbody a').attributes('href')).toBe('/osservatorio/aziende/gestore-esempio');
    expect(companies.text()).toContain('almeno 5 testimonianze');
  });

  it('filters with plain links, the current ones marked, and asks the CMS for the last twelve months of a sector', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio?settore=luce&periodo=12-mesi' });
    const nav = wrapper.find('nav[aria-label="Filtra i dati dell\'Osservatorio"]');
    const current = nav.findAll('a[aria-current="page"]').map((link) => link.text());
    expect(current).toEqual(['Ultimi 12 mesi', 'Luce']);
    expect(nav.find('a[href="/osservatorio?settore=gas&periodo=12-mesi"]').exists()).toBe(true);
    expect(nav.find('a[href="/osservatorio?settore=luce"]').text()).toBe('Da sempre');
    expect(asked.at(-1)).toMatchObject({ sector: 'luce', from: expect.stringMatching(/^\d{4}-\d{2}$/), to: expect.stringMatching(/^\d{4}-\d{2}$/) });
    // One sector: no chart of sectors.
    expect(wrapper.find('svg[aria-label="Testimonianze per settore"]').exists()).toBe(false);
  });

  it('links the CSV and JSON downloads on the CMS, with the filters, and states the licence', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio?settore=luce' });
    const downloads = wrapper.find('section[aria-labelledby="dati-aperti"]');
    expect(downloads.find('a[download]').attributes('href')).toBe('https://cms.example.test/api/osservatorio/download.csv?sector=luce');
    expect(downloads.findAll('a[download]')[1]!.attributes('href')).toBe('https://cms.example.test/api/osservatorio/download.json?sector=luce');
    expect(downloads.find('a[rel="license"]').attributes('href')).toBe(OSSERVATORIO_LICENSE.url);
    expect(downloads.text()).toContain('CC BY 4.0');
  });
});

describe('/osservatorio/settori/<settore> and /osservatorio/aziende/<slug>', () => {
  it('shows a sector\'s figures without the sector chart, and its latest testimonies', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio/settori/luce' });
    expect(wrapper.find('h1').text()).toBe('Luce');
    expect(asked.at(-1)).toEqual({ sector: 'luce' });
    expect(wrapper.find('svg[aria-label="Testimonianze per settore"]').exists()).toBe(false);
    expect(wrapper.find('section[aria-labelledby="ultime-testimonianze"] a[href="/testimonianze/tre-mesi-per-una-disdetta"]').exists()).toBe(true);
    expect(wrapper.find('a[href="/testimonianze?settore=luce"]').exists()).toBe(true);
  });

  it('shows a named company\'s figures, without a companies chart, and its latest testimonies', async () => {
    const wrapper = await mountSuspended(OsservatorioPage, { route: '/osservatorio/aziende/gestore-esempio' });
    expect(wrapper.find('h1').text()).toBe('Gestore Esempio');
    expect(wrapper.find('.osservatorio-figures__total').text()).toContain('40');
    expect(wrapper.find('section[aria-labelledby="aziende"]').exists()).toBe(false);
    expect(wrapper.find('a[href="/testimonianze/tre-mesi-per-una-disdetta"]').exists()).toBe(true);
    expect(wrapper.find('a[download]').attributes('href')).toBe('https://cms.example.test/api/osservatorio/download.csv?company=gestore-esempio');
  });

  it('is a 404 for an unknown sector or any other address, without asking the CMS', async () => {
    const before = asked.length;
    for (const route of ['/osservatorio/settori/acqua', '/osservatorio/aziende/Non_Valida', '/osservatorio/altro']) {
      await expect(mountSuspended(OsservatorioPage, { route })).rejects.toMatchObject({ status: 404 });
    }
    expect(asked.length).toBe(before);
  });
});
