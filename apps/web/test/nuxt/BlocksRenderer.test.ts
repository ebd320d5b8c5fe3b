import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { BlocksContent } from '@chiudete/types';
import BlocksRenderer from '~/components/blocks/BlocksRenderer.vue';

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text' as const, text: value, ...marks });

describe('BlocksRenderer', () => {
  it('renders paragraphs, marks and lists', async () => {
    const content: BlocksContent = [
      { type: 'paragraph', children: [text('Un operatore '), text('impreparato', { bold: true }), text(' e '), text('frettoloso', { italic: true })] },
      { type: 'list', format: 'unordered', children: [
        { type: 'list-item', children: [text('Primo')] },
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('Annidato')] }] },
        { type: 'list-item', children: [text('Secondo')] },
      ] },
      { type: 'quote', children: [text('Provi, può disdire quando vuole.')] },
    ];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });

    const paragraph = wrapper.find('p');
    expect(paragraph.text()).toBe('Un operatore impreparato e frettoloso');
    expect(paragraph.find('strong').text()).toBe('impreparato');
    expect(paragraph.find('em').text()).toBe('frettoloso');

    const items = wrapper.findAll('ul > li');
    expect(items).toHaveLength(2);
    expect(items[1]!.text()).toBe('Secondo');
    // The nested list sits inside the preceding item (valid HTML).
    expect(items[0]!.find('ol > li').text()).toBe('Annidato');
    expect(wrapper.find('blockquote').text()).toBe('Provi, può disdire quando vuole.');
  });

  it('shifts headings so that the content never adds an h1', async () => {
    const content: BlocksContent = [
      { type: 'heading', level: 1, children: [text('Sezione')] },
      { type: 'heading', level: 2, children: [text('Sottosezione')] },
    ];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });
    expect(wrapper.find('h1').exists()).toBe(false);
    expect(wrapper.find('h2').text()).toBe('Sezione');
    expect(wrapper.find('h3').text()).toBe('Sottosezione');

    const underSection = await mountSuspended(BlocksRenderer, { props: { content, headingBase: 3 } });
    expect(underSection.find('h2').exists()).toBe(false);
    expect(underSection.find('h3').text()).toBe('Sezione');
    expect(underSection.find('h4').text()).toBe('Sottosezione');
  });

  it('renders safe links, with rel on external ones', async () => {
    const content: BlocksContent = [{ type: 'paragraph', children: [
      { type: 'link', url: 'https://www.arera.it/', children: [text('ARERA')] },
      text(' · '),
      { type: 'link', url: 'mailto:redazione@chiudeteicallcenter.eu', children: [text('scrivici')] },
      text(' · '),
      { type: 'link', url: '/libro', children: [text('il libro')] },
    ] }];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });
    const links = wrapper.findAll('a');
    expect(links.map((link) => link.attributes('href'))).toEqual(['https://www.arera.it/', 'mailto:redazione@chiudeteicallcenter.eu', '/libro']);
    expect(links[0]!.attributes('rel')).toBe('noopener noreferrer');
    expect(links[0]!.text()).toBe('ARERA');
  });

  it('does not render a javascript: link as a link', async () => {
    const content: BlocksContent = [{ type: 'paragraph', children: [
      { type: 'link', url: 'javascript:alert(document.cookie)', children: [text('clicca qui')] },
      { type: 'link', url: ' JAVASCRIPT:alert(1)', children: [text(' e qui')] },
    ] }];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.text()).toBe('clicca qui e qui');
    expect(wrapper.html()).not.toContain('javascript');
  });

  it('shows markup in text as text, never as HTML', async () => {
    const content: BlocksContent = [
      { type: 'paragraph', children: [text('<script>alert("xss")</script>'), text('<img src=x onerror=alert(1)>', { bold: true })] },
      { type: 'code', children: [text('<b>non grassetto</b>')] },
    ];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('p').text()).toBe('<script>alert("xss")</script><img src=x onerror=alert(1)>');
    expect(wrapper.html()).toContain('&lt;script&gt;');
    expect(wrapper.find('pre code').text()).toBe('<b>non grassetto</b>');
  });

  it('renders images as resized variants served by the site, with size and alt text, lazily', async () => {
    const content: BlocksContent = [{ type: 'image', children: [text('')], image: {
      url: '/uploads/centralino.jpg', alternativeText: 'Un centralino', width: 800, height: 600, caption: 'Foto della redazione',
    } }];
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content } });
    const image = wrapper.find('img');
    expect(image.attributes()).toMatchObject({
      src: '/_ipx/f_webp&q_75/uploads/centralino.jpg', alt: 'Un centralino', width: '800', height: '600', loading: 'lazy',
    });
    expect(image.attributes('srcset')).toContain('/_ipx/f_webp&q_75&w_640/uploads/centralino.jpg 640w');
    expect(wrapper.find('figcaption').text()).toBe('Foto della redazione');
  });

  it('skips empty paragraphs and renders nothing for no content', async () => {
    const wrapper = await mountSuspended(BlocksRenderer, { props: { content: [{ type: 'paragraph', children: [text('  ')] }] } });
    expect(wrapper.find('p').exists()).toBe(false);
    const empty = await mountSuspended(BlocksRenderer, { props: { content: null } });
    expect(empty.text()).toBe('');
  });
});
