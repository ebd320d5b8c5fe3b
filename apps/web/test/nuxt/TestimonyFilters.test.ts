import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { ROLE_LABELS, SECTOR_LABELS } from '@chiudete/types';
import TestimonyFilters from '~/components/testimony/TestimonyFilters.vue';

describe('TestimonyFilters', () => {
  it('is a GET form to /testimonianze that works without JavaScript', async () => {
    const wrapper = await mountSuspended(TestimonyFilters);
    const form = wrapper.find('form');
    expect(form.attributes('method')).toBe('get');
    expect(form.attributes('action')).toBe('/testimonianze');
    expect(wrapper.find('select[name="ruolo"]').exists()).toBe(true);
    expect(wrapper.find('select[name="settore"]').exists()).toBe(true);
    expect(wrapper.find('button[type="submit"]').exists()).toBe(true);
    // Every select has a visible label.
    for (const select of wrapper.findAll('select')) {
      expect(wrapper.find(`label[for="${select.attributes('id')}"]`).exists()).toBe(true);
    }
  });

  it('offers every sector and role from the shared vocabulary, plus "all"', async () => {
    const wrapper = await mountSuspended(TestimonyFilters);
    const sectorOptions = wrapper.findAll('select[name="settore"] option');
    expect(sectorOptions.map((option) => option.attributes('value'))).toEqual(['', ...Object.keys(SECTOR_LABELS)]);
    expect(sectorOptions.slice(1).map((option) => option.text())).toEqual(Object.values(SECTOR_LABELS));
    const roleOptions = wrapper.findAll('select[name="ruolo"] option');
    expect(roleOptions.slice(1).map((option) => [option.attributes('value'), option.text()])).toEqual(Object.entries(ROLE_LABELS));
  });

  it('selects the options given by the props', async () => {
    const wrapper = await mountSuspended(TestimonyFilters, {
      props: { role: 'cliente', sector: 'luce' },
      route: '/testimonianze?ruolo=cliente&settore=luce',
    });
    const role = wrapper.find<HTMLSelectElement>('select[name="ruolo"]').element;
    const sector = wrapper.find<HTMLSelectElement>('select[name="settore"]').element;
    expect(role.value).toBe('cliente');
    expect(sector.value).toBe('luce');
    expect(wrapper.find<HTMLOptionElement>('select[name="settore"] option[value="luce"]').element.selected).toBe(true);
    // With a filter active, a link removes it.
    expect(wrapper.find('a').attributes('href')).toBe('/testimonianze');
    expect(wrapper.find('a').attributes('aria-current')).toBeUndefined();
  });

  it('selects "all" and offers no reset without filters', async () => {
    const wrapper = await mountSuspended(TestimonyFilters);
    expect(wrapper.find<HTMLSelectElement>('select[name="ruolo"]').element.value).toBe('');
    expect(wrapper.find<HTMLSelectElement>('select[name="settore"]').element.value).toBe('');
    expect(wrapper.find('a').exists()).toBe(false);
  });
});
