import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import AppPagination from '~/components/app/AppPagination.vue';

describe('AppPagination', () => {
  it('is a labelled navigation with the current page, and only it, marked', async () => {
    const wrapper = await mountSuspended(AppPagination, { props: { page: 2, pageCount: 3, path: '/articoli' }, route: '/articoli?pagina=2' });
    const nav = wrapper.find('nav');
    expect(nav.attributes('aria-label')).toBe('Paginazione');
    const current = wrapper.find('[aria-current="page"]');
    expect(current.text()).toBe('Pagina 2');
    expect(current.element.tagName).not.toBe('A');
    expect(wrapper.findAll('[aria-current]')).toHaveLength(1);
  });

  it('links previous and next pages, at the top of their list; page 1 has no pagina parameter', async () => {
    const wrapper = await mountSuspended(AppPagination, { props: { page: 2, pageCount: 3, path: '/articoli' } });
    expect(wrapper.find('a[rel="prev"]').attributes('href')).toBe('/articoli#elenco');
    expect(wrapper.find('a[rel="next"]').attributes('href')).toBe('/articoli?pagina=3#elenco');
    const numbered = wrapper.findAll('ol a').map((link) => [link.text(), link.attributes('href')]);
    expect(numbered).toEqual([['Pagina 1', '/articoli#elenco'], ['Pagina 3', '/articoli?pagina=3#elenco']]);
  });

  it('disables "previous" on the first page and "next" on the last', async () => {
    const first = await mountSuspended(AppPagination, { props: { page: 1, pageCount: 2, path: '/articoli' } });
    expect(first.find('a[rel="prev"]').exists()).toBe(false);
    expect(first.find('[aria-disabled="true"]').text()).toContain('Precedente');
    const last = await mountSuspended(AppPagination, { props: { page: 2, pageCount: 2, path: '/articoli' } });
    expect(last.find('a[rel="next"]').exists()).toBe(false);
    expect(last.find('[aria-disabled="true"]').text()).toContain('Successiva');
  });

  it('keeps the filters in every link', async () => {
    const wrapper = await mountSuspended(AppPagination, {
      props: { page: 1, pageCount: 2, path: '/testimonianze', query: { ruolo: 'cliente', settore: 'luce' } },
    });
    expect(wrapper.find('a[rel="next"]').attributes('href')).toBe('/testimonianze?ruolo=cliente&settore=luce&pagina=2#elenco');
  });

  it('shows gaps in a long list and nothing for a single page', async () => {
    const long = await mountSuspended(AppPagination, { props: { page: 6, pageCount: 20, path: '/articoli' } });
    expect(long.findAll('ol li').map((item) => item.text())).toEqual(['Pagina 1', '…', 'Pagina 5', 'Pagina 6', 'Pagina 7', '…', 'Pagina 20']);
    const single = await mountSuspended(AppPagination, { props: { page: 1, pageCount: 1, path: '/articoli' } });
    expect(single.find('nav').exists()).toBe(false);
  });
});
