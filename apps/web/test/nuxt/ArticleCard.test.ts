import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { Media } from '@chiudete/types';
import ArticleCard from '~/components/article/ArticleCard.vue';
import type { ArticleSummary } from '~/composables/useArticles';

const cover: Media = {
  id: 1, documentId: 'm1', alternativeText: 'Una cuffia da call center', caption: null, createdAt: '2019-07-01T10:00:00.000Z',
  ext: '.jpg', focalPoint: null, hash: 'cuffia', height: 800, mime: 'image/jpeg', name: 'cuffia.jpg', previewUrl: null,
  provider: 'local', publishedAt: null, size: 120, updatedAt: '2019-07-01T10:00:00.000Z', url: '/uploads/cuffia.jpg', width: 1200,
  formats: {
    small: { url: '/uploads/small_cuffia.jpg', width: 500, height: 333, mime: 'image/jpeg', ext: '.jpg', size: 30 },
    medium: { url: '/uploads/medium_cuffia.jpg', width: 750, height: 500, mime: 'image/jpeg', ext: '.jpg', size: 60 },
  },
};

const article: ArticleSummary = {
  documentId: 'a1',
  slug: 'il-mio-primo-hater',
  title: 'Il mio primo hater',
  excerpt: 'Un operatore mi ha insultata senza aver letto una riga.',
  publicationDate: '2019-07-07',
  cover: null,
  author: { name: 'Candy Larsson', slug: 'candy-larsson' },
  categories: [{ name: 'Dietro le quinte', slug: 'dietro-le-quinte' }],
};

describe('ArticleCard', () => {
  it('shows the title as a link to the article, the Italian date and the excerpt', async () => {
    const wrapper = await mountSuspended(ArticleCard, { props: { article } });
    expect(wrapper.find('article').exists()).toBe(true);
    const heading = wrapper.find('h2');
    expect(heading.text()).toBe('Il mio primo hater');
    expect(heading.find('a').attributes('href')).toBe('/articoli/il-mio-primo-hater');
    const time = wrapper.find('time');
    expect(time.text()).toBe('7 luglio 2019');
    expect(time.attributes('datetime')).toBe('2019-07-07');
    expect(wrapper.text()).toContain('Candy Larsson');
    expect(wrapper.text()).toContain('Dietro le quinte');
    expect(wrapper.text()).toContain('Un operatore mi ha insultata');
    expect(wrapper.find('img').exists()).toBe(false);
  });

  it('uses the requested heading level', async () => {
    const wrapper = await mountSuspended(ArticleCard, { props: { article, headingLevel: 3 } });
    expect(wrapper.find('h2').exists()).toBe(false);
    expect(wrapper.find('h3 a').attributes('href')).toBe('/articoli/il-mio-primo-hater');
  });

  it('renders the cover as resized WebP variants, with its size, alt text and lazy loading', async () => {
    const wrapper = await mountSuspended(ArticleCard, { props: { article: { ...article, cover } } });
    const image = wrapper.find('img');
    const version = `?v=${Date.parse(cover.updatedAt).toString(36)}`;
    expect(image.attributes()).toMatchObject({
      src: `/_ipx/f_webp&q_75&w_800/uploads/cuffia.jpg${version}`,
      width: '1200',
      height: '800',
      alt: 'Una cuffia da call center',
      loading: 'lazy',
    });
    expect(image.attributes('srcset')).toContain(`/_ipx/f_webp&q_75&w_640/uploads/cuffia.jpg${version} 640w`);
    expect(image.attributes('srcset')).toContain(`/_ipx/f_webp&q_75/uploads/cuffia.jpg${version} 1200w`);

    const eager = await mountSuspended(ArticleCard, { props: { article: { ...article, cover }, eager: true } });
    expect(eager.find('img').attributes('loading')).toBe('eager');
  });
});
