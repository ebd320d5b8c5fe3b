import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { SearchResponse } from '@chiudete/types';
import SearchForm from '~/components/search/SearchForm.vue';
import SearchHighlight from '~/components/search/SearchHighlight.vue';
import SearchResults from '~/components/search/SearchResults.vue';
import { parseSiteSearchQuery } from '~/utils/search';

const response = (overrides: Partial<SearchResponse['meta']> = {}, data: SearchResponse['data'] = []): SearchResponse => ({
  data,
  meta: {
    query: 'contatroe',
    correctedQuery: null,
    mode: 'all',
    type: null,
    indexing: false,
    counts: { all: data.length, article: 0, testimony: data.length, answer: 0 },
    countsCapped: false,
    pagination: { page: 1, pageSize: 10, pageCount: data.length > 0 ? 1 : 0, total: data.length },
    ...overrides,
  },
});

const hit: SearchResponse['data'][number] = {
  type: 'testimony',
  documentId: 't1',
  slug: 'sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas',
  title: 'Sei e-mail per correggere una lettura del contatore del gas',
  titleSegments: [{ text: 'Sei e-mail per correggere una lettura del ', match: false }, { text: 'contatore', match: true }, { text: ' del gas', match: false }],
  excerpt: [{ text: '… la foto del ', match: false }, { text: 'contatore', match: true }, { text: ' e la lettura corretta …', match: false }],
  // Published (or seeded) long after the story arrived: the card shows the editorial date.
  publishedAt: '2026-12-05T10:00:00.000Z',
  date: '2019-11-04',
  score: 1.2,
};

describe('SearchHighlight', () => {
  it('renders matches in <mark> and markup in the text as text', async () => {
    const wrapper = await mountSuspended(SearchHighlight, {
      props: { segments: [{ text: '<b>dell\'', match: false }, { text: 'operatore', match: true }, { text: '</b>', match: false }] },
    });
    expect(wrapper.html({ raw: true })).toContain('&lt;b&gt;dell\'<mark class="search-highlight">operatore</mark>&lt;/b&gt;');
    expect(wrapper.find('b').exists()).toBe(false);
  });
});

describe('SearchForm', () => {
  it('is a labelled GET search landmark that keeps the type filter', async () => {
    const wrapper = await mountSuspended(SearchForm, { props: { q: 'bolletta', type: 'answer' } });
    const form = wrapper.find('form');
    expect(form.attributes()).toMatchObject({ role: 'search', method: 'get', action: '/cerca' });
    const input = wrapper.find('input[type="search"]');
    expect(input.attributes('name')).toBe('q');
    expect((input.element as HTMLInputElement).value).toBe('bolletta');
    expect(wrapper.find(`label[for="${input.attributes('id')}"]`).exists()).toBe(true);
    expect(wrapper.find('input[type="hidden"]').attributes()).toMatchObject({ name: 'tipo', value: 'risposte' });
  });
});

describe('SearchResults', () => {
  it('announces the count, offers the correction and links each result to its page', async () => {
    const wrapper = await mountSuspended(SearchResults, {
      props: { query: parseSiteSearchQuery({ q: 'contatroe' }), results: response({ correctedQuery: 'contatore' }, [hit]) },
    });
    expect(wrapper.find('[role="status"]').text()).toBe('1 risultato per «contatore».');
    const correction = wrapper.find('.search-results__notice');
    expect(correction.text()).toContain('Forse cercavi');
    expect(correction.find('a').attributes('href')).toBe('/cerca?q=contatore');
    const link = wrapper.find('ol a');
    expect(link.attributes('href')).toBe('/testimonianze/sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas');
    expect(link.find('mark').text()).toBe('contatore');
    const time = wrapper.find('ol time');
    expect(time.attributes('datetime')).toBe('2019-11-04');
    expect(time.text()).toBe('4 novembre 2019');
  });

  it('shows the type tabs with counts, the current one marked', async () => {
    const wrapper = await mountSuspended(SearchResults, {
      props: {
        query: parseSiteSearchQuery({ q: 'contatore', tipo: 'testimonianze' }),
        results: response({ query: 'contatore', type: 'testimony', counts: { all: 3, article: 2, testimony: 1, answer: 0 } }, [hit]),
      },
    });
    const tabs = wrapper.find('nav[aria-label="Filtra i risultati per tipo"]');
    expect(tabs.find('[aria-current="page"]').text()).toBe('Testimonianze 1');
    expect(tabs.findAll('a').map((a) => a.attributes('href'))).toEqual(['/cerca?q=contatore', '/cerca?q=contatore&tipo=articoli']);
    expect(tabs.text()).toContain('Risposte precise 0');
  });

  it('suggests what to try when nothing is found', async () => {
    const wrapper = await mountSuspended(SearchResults, {
      props: { query: parseSiteSearchQuery({ q: 'xyzzy' }), results: response({ query: 'xyzzy' }) },
    });
    expect(wrapper.find('[role="status"]').text()).toBe('0 risultati per «xyzzy».');
    expect(wrapper.text()).toContain('Nessun risultato per «xyzzy»');
    expect(wrapper.findAll('a').some((a) => a.attributes('href') === '/cerca?q=disdetta')).toBe(true);
  });

  it('explains a query too short to search', async () => {
    const wrapper = await mountSuspended(SearchResults, {
      props: { query: parseSiteSearchQuery({ q: 'a' }), results: null },
    });
    expect(wrapper.find('[role="status"]').text()).toBe('Scrivi almeno 2 caratteri per cercare.');
  });
});
