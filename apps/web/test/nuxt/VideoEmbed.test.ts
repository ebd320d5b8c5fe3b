import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { Media } from '@chiudete/types';
import VideoEmbed from '~/components/video/VideoEmbed.vue';

const poster: Media = {
  id: 2, documentId: 'p1', alternativeText: 'Il protagonista del caso davanti al telefono', caption: null,
  createdAt: '2019-07-10T10:00:00.000Z', ext: '.jpg', focalPoint: null, formats: null, hash: 'poster', height: 720,
  mime: 'image/jpeg', name: 'poster.jpg', previewUrl: null, provider: 'local', publishedAt: null, size: 90,
  updatedAt: '2019-07-10T10:00:00.000Z', url: '/uploads/poster.jpg', width: 1280,
};

const props = { youtubeId: 'dQw4w9WgXcQ', title: 'Il caso, parte prima', poster };

describe('VideoEmbed', () => {
  it('shows only our poster and a play button before the click: no iframe, nothing from YouTube', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props });
    expect(wrapper.find('iframe').exists()).toBe(false);
    const image = wrapper.find('img');
    // Our poster, resized by the site itself.
    expect(image.attributes('src')).toMatch(/^\/_ipx\/f_webp&q_75&w_800\/uploads\/poster\.jpg\?v=/);
    expect(image.attributes('alt')).toBe('Il protagonista del caso davanti al telefono');
    expect(wrapper.html()).not.toMatch(/ytimg|youtube\.com|youtube-nocookie|googleapis/i);
    const button = wrapper.find('button');
    expect(button.attributes('type')).toBe('button');
    expect(button.text()).toBe('Guarda il video «Il caso, parte prima» (si apre il lettore di YouTube)');
    expect(wrapper.text()).toContain('solo dopo il clic');
  });

  it('inserts the youtube-nocookie player after the click', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props });
    await wrapper.find('button').trigger('click');
    const iframe = wrapper.find('iframe');
    expect(iframe.exists()).toBe(true);
    expect(iframe.attributes()).toMatchObject({
      src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      title: 'Il caso, parte prima',
      allow: 'autoplay; encrypted-media; picture-in-picture',
      loading: 'lazy',
    });
    expect(iframe.attributes('allowfullscreen')).toBeDefined();
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
  });

  it.each(['dQw4w9WgXc', 'dQw4w9WgXcQQ', 'dQw4w9WgX"Q', '../../evil1', 'x?autoplay=0'])('refuses the invalid id %j: no button, no player', async (youtubeId) => {
    const wrapper = await mountSuspended(VideoEmbed, { props: { ...props, youtubeId } });
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.find('iframe').exists()).toBe(false);
    expect(wrapper.text()).toContain('Questo video non è disponibile.');
  });

  it('works without a poster', async () => {
    const wrapper = await mountSuspended(VideoEmbed, { props: { ...props, poster: null } });
    expect(wrapper.find('img').exists()).toBe(false);
    await wrapper.find('button').trigger('click');
    expect(wrapper.find('iframe').attributes('src')).toContain('youtube-nocookie.com/embed/dQw4w9WgXcQ');
  });
});
