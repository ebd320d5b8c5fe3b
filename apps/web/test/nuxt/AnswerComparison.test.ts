import { describe, expect, it } from 'vitest';
import { mountSuspended } from '@nuxt/test-utils/runtime';
import type { BlocksContent, SharedLegalReference } from '@chiudete/types';
import AnswerComparison from '~/components/answer/AnswerComparison.vue';
import AnswerReferences from '~/components/answer/AnswerReferences.vue';
import AnswerArticles from '~/components/answer/AnswerArticles.vue';

const correctAnswer: BlocksContent = [
  { type: 'paragraph', children: [{ type: 'text', text: 'Il recesso è gratuito: non ti possono addebitare penali.' }] },
];

describe('AnswerComparison', () => {
  it('shows the operator\'s claim and the correct answer under their headings', async () => {
    const wrapper = await mountSuspended(AnswerComparison, {
      props: { operatorClaim: 'Se disdici paghi una penale di 100 euro.', correctAnswer },
    });
    const sections = wrapper.findAll('section');
    expect(sections).toHaveLength(2);
    expect(sections[0]!.find('h2').text()).toBe('L\'operatore ti ha detto');
    expect(sections[0]!.find('blockquote').text()).toBe('«Se disdici paghi una penale di 100 euro.»');
    expect(sections[1]!.find('h2').text()).toBe('La risposta corretta');
    expect(sections[1]!.find('p').text()).toBe('Il recesso è gratuito: non ti possono addebitare penali.');
    expect(sections[0]!.attributes('aria-labelledby')).toBe(sections[0]!.find('h2').attributes('id'));
  });
});

describe('AnswerReferences', () => {
  it('links only https references, with rel noopener', async () => {
    const references: SharedLegalReference[] = [
      { label: 'Codice del consumo, art. 52', url: 'https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2005-09-06;206' },
      { label: 'Delibera senza link', url: null },
      { label: 'Link non sicuro', url: 'http://example.test/delibera' },
      { label: 'Script', url: 'javascript:alert(1)' },
    ];
    const wrapper = await mountSuspended(AnswerReferences, { props: { references } });
    const links = wrapper.findAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.text()).toBe('Codice del consumo, art. 52');
    expect(links[0]!.attributes('href')).toMatch(/^https:\/\/www\.normattiva\.it\//);
    expect(links[0]!.attributes('rel')).toContain('noopener');
    expect(wrapper.findAll('li').map((item) => item.text())).toEqual([
      'Codice del consumo, art. 52', 'Delibera senza link', 'Link non sicuro', 'Script',
    ]);
  });

  it('renders nothing without references', async () => {
    const wrapper = await mountSuspended(AnswerReferences, { props: { references: [] } });
    expect(wrapper.find('section').exists()).toBe(false);
  });
});

describe('AnswerArticles', () => {
  it('links the related articles to their pages', async () => {
    const wrapper = await mountSuspended(AnswerArticles, {
      props: { articles: [{ documentId: 'a1', slug: 'il-mio-primo-hater', title: 'Il mio primo hater', excerpt: 'Un operatore mi ha insultata.', publicationDate: '2019-07-07' }] },
    });
    expect(wrapper.find('h3 a').attributes('href')).toBe('/articoli/il-mio-primo-hater');
    expect(wrapper.find('time').text()).toBe('7 luglio 2019');
  });
});
