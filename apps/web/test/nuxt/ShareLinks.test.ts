import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { flushPromises } from '@vue/test-utils';
import ShareLinks from '~/components/share/ShareLinks.vue';

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

  it('copies the link with the Clipboard API and says so', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    const wrapper = await mountSuspended(ShareLinks, { props: { title: 'Il mio primo hater' }, route: '/articoli/il-mio-primo-hater' });
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(page);
    expect(wrapper.get('[role="status"]').text()).toContain('Il link è stato copiato');
  });

  it('falls back to showing the link selected when the browser refuses to copy', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const execCommand = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const wrapper = await mountSuspended(ShareLinks, { props: { title: 'Il mio primo hater' }, route: '/articoli/il-mio-primo-hater' });
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(wrapper.get('[role="status"]').text()).toContain('copialo tu');
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe(page);
  });
});
