import { describe, expect, it } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import type { CategoryPage } from '~/composables/useCategories';
import CategoryPageView from '~/pages/categorie/[slug].vue';

const data: CategoryPage = {
  category: { documentId: 'c1', name: 'Telemarketing', slug: 'telemarketing', description: 'Chiamate indesiderate e vendite aggressive.' },
  articles: [{
    documentId: 'a1',
    slug: 'telemarketing-aggressivo-sei-cose-da-sapere',
    title: 'Telemarketing aggressivo: sei cose da sapere',
    excerpt: 'Chiamate all\'ora di cena e contratti attivati «perché hai detto sì».',
    publicationDate: '2019-11-12',
    cover: null,
    author: { name: 'Candy Larsson', slug: 'candy-larsson' },
    categories: [{ name: 'Telemarketing', slug: 'telemarketing' }, { name: 'Diritti dei consumatori', slug: 'diritti-dei-consumatori' }],
  }],
  pagination: { page: 1, pageSize: 9, pageCount: 2, total: 10 },
  answers: [{
    documentId: 'r1', slug: 'il-telemarketing-puo-continuare', title: 'Il telemarketing può continuare a chiamarmi?',
    operatorClaim: 'Finché non si iscrive al registro possiamo chiamarla.', verdict: null, verifiedAt: null, sector: 'altro', publishedAt: '2019-11-12T10:00:00.000Z',
  }],
};

mockNuxtImport('useCategoryPage', () => async () => computed(() => data));

describe('/categorie/[slug]', () => {
  it('shows the category, its articles with their category and author links, its answers and pages', async () => {
    const wrapper = await mountSuspended(CategoryPageView, { route: '/categorie/telemarketing' });
    expect(wrapper.find('h1').text()).toBe('Telemarketing');
    expect(wrapper.text()).toContain('Chiamate indesiderate e vendite aggressive.');
    expect(wrapper.text()).toContain('10 articoli');
    expect(wrapper.find('h2 a[href="/articoli/telemarketing-aggressivo-sei-cose-da-sapere"]').exists()).toBe(true);
    expect(wrapper.find('ul[aria-label="Argomenti"] a[href="/categorie/diritti-dei-consumatori"]').text()).toBe('Diritti dei consumatori');
    expect(wrapper.find('a[href="/autori/candy-larsson"]').text()).toBe('Candy Larsson');
    expect(wrapper.find('a[href="/risposte/il-telemarketing-puo-continuare"]').exists()).toBe(true);
    expect(wrapper.find('nav[aria-label="Pagine di «Telemarketing»"] a[href="/categorie/telemarketing?pagina=2#elenco"]').exists()).toBe(true);
  });
});
