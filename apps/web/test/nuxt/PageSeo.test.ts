import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import { defineComponent, h } from 'vue';
import type { Media } from '@chiudete/types';
import AppBreadcrumbs from '~/components/app/AppBreadcrumbs.vue';

const SITE = 'https://chiudeteicallcenter.eu';

function media(url: string, alternativeText: string): Media {
  const stamp = '2019-07-04T08:00:00.000Z';
  return {
    id: 1, documentId: 'm', alternativeText, caption: null, ext: '.png', focalPoint: null, formats: null, hash: 'h', height: 630, width: 1200,
    mime: 'image/png', name: 'x.png', previewUrl: null, provider: 'local', size: 1, url, createdAt: stamp, updatedAt: stamp, publishedAt: stamp,
  };
}

/** The head as the browser got it (Unhead writes it to the DOM after a tick). */
async function headTags() {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const content = (selector: string) => document.head.querySelector(selector)?.getAttribute('content') ?? null;
  return {
    title: document.title,
    description: content('meta[name="description"]'),
    canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    og: (property: string) => content(`meta[property="og:${property}"]`),
    twitter: (name: string) => content(`meta[name="twitter:${name}"]`),
  };
}

describe('usePageSeo', () => {
  it('the SEO component wins; the canonical URL keeps only the listed query parameters', async () => {
    const Page = defineComponent({
      setup() {
        usePageSeo({
          title: 'Il mio primo hater',
          description: 'Il sommario.',
          image: media('/uploads/cover.png', 'La copertina'),
          seo: { metaTitle: 'Titolo per Google', metaDescription: 'Descrizione per Google.', noIndex: false, shareImage: media('/uploads/share.png', 'Anteprima') },
          type: 'article',
          canonicalQuery: { pagina: '2' },
        });
        return () => h('p', 'pagina');
      },
    });
    await mountSuspended(Page, { route: '/articoli/il-mio-primo-hater?utm_source=x' });
    const head = await headTags();
    expect(head.title).toBe('Titolo per Google · Chiudete i Call Center');
    expect(head.description).toBe('Descrizione per Google.');
    expect(head.canonical).toBe(`${SITE}/articoli/il-mio-primo-hater?pagina=2`);
    expect(head.og('url')).toBe(head.canonical);
    expect(head.og('type')).toBe('article');
    expect(head.og('image')).toBe('https://cms.example.test/uploads/share.png');
    expect(head.og('image:alt')).toBe('Anteprima');
    expect(head.twitter('card')).toBe('summary_large_image');
    expect(head.twitter('title')).toBe('Titolo per Google');
    expect(head.twitter('image')).toBe('https://cms.example.test/uploads/share.png');
  });

  it('falls back on the entry, then the site: no image means a small Twitter card', async () => {
    const Page = defineComponent({
      setup() {
        usePageSeo({ title: 'Privacy', description: 'Come trattiamo i tuoi dati.' });
        return () => h('p', 'privacy');
      },
    });
    await mountSuspended(Page, { route: '/privacy' });
    const head = await headTags();
    expect(head.title).toBe('Privacy · Chiudete i Call Center');
    expect(head.og('title')).toBe('Privacy');
    expect(head.og('description')).toBe('Come trattiamo i tuoi dati.');
    expect(head.canonical).toBe(`${SITE}/privacy`);
    expect(head.twitter('card')).toBe('summary');
  });
});

describe('AppBreadcrumbs', () => {
  it('links every step but the current page, which it marks', async () => {
    const wrapper = await mountSuspended(AppBreadcrumbs, {
      props: { items: [{ label: 'Articoli', to: '/articoli' }, { label: 'Il mio primo hater' }] },
      route: '/articoli/il-mio-primo-hater',
    });
    const nav = wrapper.find('nav');
    expect(nav.attributes('aria-label')).toBe('Percorso');
    expect(wrapper.findAll('li').map((item) => item.text().replace('›', '').trim())).toEqual(['Home', 'Articoli', 'Il mio primo hater']);
    expect(wrapper.findAll('a').map((link) => link.attributes('href'))).toEqual(['/', '/articoli']);
    expect(wrapper.find('[aria-current="page"]').text()).toBe('Il mio primo hater');
  });
});
