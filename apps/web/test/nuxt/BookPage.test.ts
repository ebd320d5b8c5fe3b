import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import type { BookRelease } from '@chiudete/types';
import BookPage from '~/pages/libro.vue';
import { enhance } from '~/enhance/enhance';
import { RELEASED_MESSAGE } from '~/enhance/countdown';

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

const BUY_LINK = 'a[href="https://libreria.example.org/chiudete"]';
/** Whether an element, or one of its ancestors, is hidden (the `hidden` attribute). */
const hidden = (element: Element) => element.closest('[hidden]') !== null;

describe('/libro', () => {
  afterEach(() => {
    vi.useRealTimers();
    clearNuxtState();
  });

  it('before the release (the server\'s clock): the days left and the countdown, the buy links hidden', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-07-05T10:00:00Z'));
    const wrapper = await mountSuspended(BookPage, { route: '/libro' });
    const countdown = wrapper.get('.book-countdown');
    expect(hidden(countdown.element)).toBe(false);
    expect(countdown.text()).toContain('Mancano 15 giorni all\'uscita.');
    expect(countdown.text()).toContain('In libreria dal 20 luglio 2019');
    expect(countdown.text()).toContain('I link per acquistarlo compariranno qui il giorno dell\'uscita.');
    expect(hidden(wrapper.get(BUY_LINK).element)).toBe(true);
    // The clock to the second is the script's: rendered hidden, and for the eyes only (nothing is announced every second).
    const clock = wrapper.get('.book-countdown__clock');
    expect(clock.attributes('hidden')).toBeDefined();
    expect(clock.attributes('aria-hidden')).toBe('true');
    expect(clock.text()).toMatch(/14\s*giorni\s*12\s*ore/);
    expect(wrapper.find('[aria-live="assertive"]').exists()).toBe(false);
  });

  it('after the release: where to buy it, the countdown hidden', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-07-20T08:00:00Z'));
    const wrapper = await mountSuspended(BookPage, { route: '/libro' });
    expect(hidden(wrapper.get('.book-countdown').element)).toBe(true);
    expect(hidden(wrapper.get(BUY_LINK).element)).toBe(false);
    expect(wrapper.get(BUY_LINK).text()).toContain('Libreria Esempio');
  });

  it('with the script: the reader\'s clock runs the countdown to the second, then shows the buy links and says so once', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2019-07-19T21:59:50Z')); // 23:59:50 in Rome, ten seconds before the release
    const wrapper = await mountSuspended(BookPage, { route: '/libro', attachTo: document.body });
    enhance(wrapper.element.parentElement!);
    const clock = wrapper.get('.book-countdown__clock');
    const shown = () => clock.findAll('.book-countdown__unit').map((unit) => unit.findAll('span, strong').map((part) => part.text()).join(' '));
    expect(clock.attributes('hidden')).toBeUndefined();
    expect(shown()).toEqual(['00 giorni', '00 ore', '00 minuti', '10 secondi']);
    expect(wrapper.get('.book-countdown h2').text()).toBe('Esce domani.');
    vi.advanceTimersByTime(4000);
    expect(shown()).toEqual(['00 giorni', '00 ore', '00 minuti', '06 secondi']);
    const status = wrapper.get('[role="status"]');
    expect(status.text()).toBe('');
    vi.advanceTimersByTime(7000);
    expect(hidden(wrapper.get('.book-countdown').element)).toBe(true);
    expect(hidden(wrapper.get(BUY_LINK).element)).toBe(false);
    expect(status.text()).toBe(RELEASED_MESSAGE);
    wrapper.unmount();
  });

  it('with the script: a reader whose clock is before the release gets the countdown, whatever the server rendered', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2019-07-20T08:00:00Z'));
    const wrapper = await mountSuspended(BookPage, { route: '/libro', attachTo: document.body });
    expect(hidden(wrapper.get('.book-countdown').element)).toBe(true);
    vi.setSystemTime(new Date('2019-07-18T10:00:00Z'));
    enhance(wrapper.element.parentElement!);
    expect(hidden(wrapper.get('.book-countdown').element)).toBe(false);
    expect(hidden(wrapper.get(BUY_LINK).element)).toBe(true);
    expect(wrapper.get('.book-countdown h2').text()).toBe('Mancano 2 giorni all\'uscita.');
    expect(wrapper.get('[role="status"]').text()).toBe('');
    wrapper.unmount();
  });
});
