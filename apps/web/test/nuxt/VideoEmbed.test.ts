import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { Media } from '@chiudete/types';
import VideoEmbed from '~/components/video/VideoEmbed.vue';
import { enhance } from '~/enhance/enhance';

const poster: Media = {
  id: 2, documentId: 'p1', alternativeText: 'Il protagonista del caso davanti al telefono', caption: null,
  createdAt: '2019-07-10T10:00:00.000Z', ext: '.jpg', focalPoint: null, formats: null, hash: 'poster', height: 720,
  mime: 'image/jpeg', name: 'poster.jpg', previewUrl: null, provider: 'local', publishedAt: null, size: 90,
  updatedAt: '2019-07-10T10:00:00.000Z', url: '/uploads/poster.jpg', width: 1280,
};

const props = { youtubeId: 'dQw4w9WgXcQ', title: 'Il caso, parte prima', poster };

/** The elements that would make the browser fetch something (a live iframe, an image, a script). */
const fetchingSources = (root: Element) => [...root.querySelectorAll('iframe, img, script')].map((element) => element.getAttribute('src') ?? '');

describe('VideoEmbed', () => {
  it('shows only our poster and a link to the video on YouTube: no player, nothing fetched from YouTube', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props });
    // Our poster, resized by the site itself; the player waits, inert, in a <template>.
    const image = wrapper.get('img');
    expect(image.attributes('src')).toMatch(/^\/_ipx\/f_webp&q_75&w_800\/uploads\/poster\.jpg\?v=/);
    expect(image.attributes('alt')).toBe('Il protagonista del caso davanti al telefono');
    expect(fetchingSources(wrapper.element)).not.toContainEqual(expect.stringMatching(/ytimg|youtube|googleapis/i));
    expect(wrapper.find('iframe').exists()).toBe(false);
    const link = wrapper.get('a');
    expect(link.attributes('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(link.text()).toBe('Guarda il video «Il caso, parte prima» (si apre il lettore di YouTube)');
    expect(wrapper.text()).toContain('solo dopo il clic');
  });

  it('with the script: the click puts the youtube-nocookie player in place of the poster, and focuses it', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props, attachTo: document.body });
    enhance(wrapper.element.parentElement!);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    wrapper.get('a').element.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const iframe = wrapper.get('iframe');
    expect(iframe.attributes()).toMatchObject({
      src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      title: 'Il caso, parte prima',
      allow: 'autoplay; encrypted-media; picture-in-picture',
      loading: 'lazy',
    });
    expect(iframe.attributes('allowfullscreen')).toBeDefined();
    expect(document.activeElement).toBe(iframe.element);
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    wrapper.unmount();
  });

  it('with the script: leaves a click with a modifier (new tab) to the browser', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props, attachTo: document.body });
    enhance(wrapper.element.parentElement!);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    wrapper.get('a').element.addEventListener('click', (event) => event.preventDefault(), { once: true });
    wrapper.get('a').element.dispatchEvent(click);
    expect(wrapper.find('iframe').exists()).toBe(false);
    wrapper.unmount();
  });

  it.each(['dQw4w9WgXc', 'dQw4w9WgXcQQ', 'dQw4w9WgX"Q', '../../evil1', 'x?autoplay=0'])('refuses the invalid id %j: no link, no player', async (youtubeId) => {
    const wrapper = await mountSuspended(VideoEmbed, { props: { ...props, youtubeId } });
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.find('template').exists()).toBe(false);
    expect(wrapper.text()).toContain('Questo video non è disponibile.');
  });

  it('works without a poster', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props: { ...props, poster: null }, attachTo: document.body });
    expect(wrapper.find('img').exists()).toBe(false);
    enhance(wrapper.element.parentElement!);
    (wrapper.get('a').element as HTMLAnchorElement).click();
    expect(wrapper.get('iframe').attributes('src')).toContain('youtube-nocookie.com/embed/dQw4w9WgXcQ');
    wrapper.unmount();
  });
});
