import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { Media } from '@chiudete/types';
import MediaImage from '~/components/media/MediaImage.vue';

const media = (overrides: Partial<Media> = {}): Media => ({
  id: 1, documentId: 'm1', alternativeText: 'Copertina del libro: una cornetta sollevata su fondo crema', caption: null,
  createdAt: '2019-07-01T10:00:00.000Z', updatedAt: '2019-07-02T08:30:00.000Z', ext: '.png', focalPoint: null, hash: 'copertina_ab12',
  height: 1800, width: 1200, mime: 'image/png', name: 'copertina.png', previewUrl: null, provider: 'local', publishedAt: null, size: 300,
  url: '/uploads/copertina_ab12.png',
  formats: { small: { url: '/uploads/small_copertina_ab12.png', width: 333, height: 500, mime: 'image/png', ext: '.png', size: 40 } },
  ...overrides,
});

const version = `?v=${Date.parse('2019-07-02T08:30:00.000Z').toString(36)}`;

describe('MediaImage', () => {
  it('offers WebP variants below the original size, with the intrinsic size and the alt text', async () => {
    const wrapper = await mountSuspended(MediaImage, { props: { media: media(), sizes: '(min-width: 48rem) 20rem, 80vw' } });
    const img = wrapper.find('img');
    expect(img.attributes()).toMatchObject({
      width: '1200',
      height: '1800',
      alt: 'Copertina del libro: una cornetta sollevata su fondo crema',
      sizes: '(min-width: 48rem) 20rem, 80vw',
      loading: 'lazy',
      decoding: 'async',
    });
    expect(img.attributes('fetchpriority')).toBeUndefined();
    const widths = img.attributes('srcset')!.split(', ').map((candidate) => candidate.split(' ')[1]);
    expect(widths).toEqual(['160w', '320w', '480w', '640w', '800w', '960w', '1200w']);
    expect(img.attributes('srcset')).toContain(`/_ipx/f_webp&q_75&w_320/uploads/copertina_ab12.png${version} 320w`);
    expect(img.attributes('src')).toBe(`/_ipx/f_webp&q_75&w_800/uploads/copertina_ab12.png${version}`);
  });

  it('loads the page\'s main image at once, with high priority', async () => {
    const wrapper = await mountSuspended(MediaImage, { props: { media: media(), eager: true } });
    expect(wrapper.find('img').attributes()).toMatchObject({ loading: 'eager', fetchpriority: 'high' });
  });

  it('leaves the alt text empty for a decorative image, and when the editor wrote none', async () => {
    const decorative = await mountSuspended(MediaImage, { props: { media: media(), decorative: true } });
    expect(decorative.find('img').attributes('alt')).toBe('');
    const missing = await mountSuspended(MediaImage, { props: { media: media({ alternativeText: null }) } });
    expect(missing.find('img').attributes('alt')).toBe('');
  });

  it('caps the variants of a small image (an avatar)', async () => {
    const wrapper = await mountSuspended(MediaImage, { props: { media: media({ width: 400, height: 400 }), maxFormat: 'thumbnail', sizes: '4.5rem' } });
    const widths = wrapper.find('img').attributes('srcset')!.split(', ').map((candidate) => candidate.split(' ')[1]);
    expect(widths).toEqual(['160w', '320w']);
  });

  it('resizes the images of the CMS\'s S3 bucket too, through this site\'s /_ipx/…/s3/ route', async () => {
    const s3 = 'https://media.example.test/uploads';
    const wrapper = await mountSuspended(MediaImage, { props: { media: media({ url: `${s3}/copertina_ab12.png`, provider: 'aws-s3', formats: null }) } });
    const img = wrapper.find('img');
    expect(img.attributes('src')).toBe(`/_ipx/f_webp&q_75&w_800/s3/copertina_ab12.png${version}`);
    expect(img.attributes('srcset')).toContain(`/_ipx/f_webp&q_75&w_320/s3/copertina_ab12.png${version} 320w`);
    // A file of another bucket or host is not this site's to resize: shown as it is.
    const other = await mountSuspended(MediaImage, { props: { media: media({ url: 'https://media.example.test/other/copertina_ab12.png', formats: null }) } });
    expect(other.find('img').attributes('src')).toBe('https://media.example.test/other/copertina_ab12.png');
  });

  it('serves an SVG as it is, from the CMS, with its size', async () => {
    const wrapper = await mountSuspended(MediaImage, {
      props: { media: media({ url: '/uploads/logo_1.svg', mime: 'image/svg+xml', ext: '.svg', width: 300, height: 100, formats: null }) },
    });
    expect(wrapper.find('img').attributes()).toMatchObject({ src: 'https://cms.example.test/uploads/logo_1.svg', width: '300', height: '100' });
    expect(wrapper.find('img').attributes('srcset')).toBeUndefined();
  });
});
