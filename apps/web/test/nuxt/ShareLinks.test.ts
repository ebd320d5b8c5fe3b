import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { flushPromises } from '@vue/test-utils';
import ShareLinks from '~/components/share/ShareLinks.vue';
import { enhance } from '~/enhance/enhance';
import { COPIED_MESSAGE, MANUAL_MESSAGE } from '~/enhance/copy-link';

const page = 'https://chiudeteicallcenter.eu/articoli/il-mio-primo-hater';

describe('ShareLinks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('links to each network\'s share page with this page\'s public URL, and no script', async () => {
    const wrapper = await mountSuspended(ShareLinks, { props: { title: 'Il mio primo hater' }, route: '/articoli/il-mio-primo-hater' });
    const links = wrapper.findAll('a');
    expect(links.map((link) => link.text().replace(/\s+/g, ' ').trim())).toEqual([
      'Condividi su WhatsApp (si apre in una nuova scheda)',
      'Condividi su Telegram (si apre in una nuova scheda)',
      'Condividi su Facebook (si apre in una nuova scheda)',
      'Condividi su X (si apre in una nuova scheda)',
      'Condividi su LinkedIn (si apre in una nuova scheda)',
      'Condividi via E-mail',
    ]);
    for (const link of links) {
      expect(link.attributes('href')).toContain(encodeURIComponent(page));
      if (link.attributes('target')) expect(link.attributes('rel')).toBe('noopener noreferrer');
    }
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('iframe').exists()).toBe(false);
  });

  it('without JavaScript shows the link in a field to copy by hand, and no button', async () => {
    const wrapper = await mountSuspended(ShareLinks, { props: { title: 'Il mio primo hater' }, route: '/articoli/il-mio-primo-hater' });
    const field = wrapper.get('input');
    expect((field.element as HTMLInputElement).value).toBe(page);
    expect(field.attributes('readonly')).toBeDefined();
    expect(wrapper.get(`label[for="${field.attributes('id')}"]`).text()).toBe('Link da copiare');
    expect(wrapper.findAll('button').map((button) => button.attributes('hidden'))).toEqual(['', '']);
    expect(wrapper.get('[role="status"]').text()).toBe('');
  });

  /** ShareLinks as the server renders it, enhanced by the page's script (app/enhance/copy-link.ts). */
  async function enhanced() {
    const wrapper = await mountSuspended(ShareLinks, { props: { title: 'Il mio primo hater' }, route: '/articoli/il-mio-primo-hater', attachTo: document.body });
    enhance(wrapper.element.parentElement!);
    return wrapper;
  }

  it('with the script: a button instead of the field, which copies the link with the Clipboard API and says so', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    const wrapper = await enhanced();
    const button = wrapper.get('.share-copy__button');
    expect(button.attributes('hidden')).toBeUndefined();
    expect(wrapper.get('input').element.closest('[hidden]')).not.toBeNull();
    (button.element as HTMLButtonElement).click();
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(page);
    expect(wrapper.get('[role="status"]').text()).toBe(COPIED_MESSAGE);
    wrapper.unmount();
  });

  it('with the script: falls back to showing the link selected when the browser refuses to copy', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const execCommand = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const wrapper = await enhanced();
    (wrapper.get('.share-copy__button').element as HTMLButtonElement).click();
    await flushPromises();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(wrapper.get('[role="status"]').text()).toBe(MANUAL_MESSAGE);
    const field = wrapper.get('input').element as HTMLInputElement;
    expect(field.closest('[hidden]')).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe(page);
    wrapper.unmount();
  });
});
