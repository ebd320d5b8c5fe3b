import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import type { BookRelease } from '@chiudete/types';
import BookPage from '~/pages/libro.vue';

const { book } = vi.hoisted(() => ({
  book: {
    id: 1,
    documentId: 'b1',
    title: 'Chiudete i Call Center in outsourcing',
    subtitle: null,
    slug: 'chiudete-i-call-center-in-outsourcing',
    releaseDate: '2019-07-20',
    synopsis: [{ type: 'paragraph', children: [{ type: 'text', text: 'Un caso vero, documentato parola per parola.' }] }],
    cover: null,
    isbn13: null,
    pages: null,
    price: null,
    publisher: null,
    formats: [],
    buyLinks: [{ store: 'Libreria Esempio', url: 'https://libreria.example.org/chiudete', format: 'cartaceo' }],
    seo: null,
    createdAt: '2019-07-01T10:00:00.000Z',
    updatedAt: '2019-07-01T10:00:00.000Z',
    publishedAt: '2019-07-01T10:00:00.000Z',
  } as BookRelease,
}));

mockNuxtImport('useBook', () => async () => computed(() => book));

describe('/libro', () => {
  afterEach(() => {
    vi.useRealTimers();
    clearNuxtState();
  });

  it('before the release: the days left and a countdown, no buy links yet', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-07-05T10:00:00Z'));
    const wrapper = await mountSuspended(BookPage, { route: '/libro' });
    expect(wrapper.text()).toContain('Mancano 15 giorni all\'uscita.');
    expect(wrapper.text()).toContain('In libreria dal 20 luglio 2019');
    expect(wrapper.text()).toContain('I link per acquistarlo compariranno qui il giorno dell\'uscita.');
    expect(wrapper.find('a[href="https://libreria.example.org/chiudete"]').exists()).toBe(false);
    // The live clock is for the eyes only: nothing is announced every second.
    const clock = wrapper.find('.book-countdown__clock');
    expect(clock.exists()).toBe(true);
    expect(clock.attributes('aria-hidden')).toBe('true');
    expect(clock.text()).toMatch(/14\s*giorni\s*12\s*ore/);
    expect(wrapper.find('[aria-live="assertive"]').exists()).toBe(false);
  });

  it('after the release: where to buy it, no countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-07-20T08:00:00Z'));
    const wrapper = await mountSuspended(BookPage, { route: '/libro' });
    expect(wrapper.find('.book-countdown').exists()).toBe(false);
    expect(wrapper.find('a[href="https://libreria.example.org/chiudete"]').text()).toContain('Libreria Esempio');
  });
});
