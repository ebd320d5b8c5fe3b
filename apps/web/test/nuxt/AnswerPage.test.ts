import { describe, expect, it } from 'vitest';
import { mockNuxtImport, mountSuspended } from '@nuxt/test-utils/runtime';
import type { Answer } from '@chiudete/types';
import AnswerPage from '~/pages/risposte/[slug].vue';

const answer: Answer = {
  id: 1,
  documentId: 'r1',
  slug: 'penale-per-il-recesso',
  verdict: 'No: puoi recedere quando vuoi, pagando al massimo i costi indicati nel contratto.',
  verifiedAt: '2026-11-20',
  title: 'Devo pagare una penale se cambio operatore?',
  operatorClaim: 'Se disdici adesso paghi una penale di 100 euro.',
  correctAnswer: [{ type: 'paragraph', children: [{ type: 'text', text: 'No: puoi recedere in ogni momento, pagando al massimo i costi giustificati.' }] }],
  legalReferences: [{ label: 'Legge 40/2007, art. 1', url: 'https://www.normattiva.it/' }],
  sector: 'telefonia',
  articles: [],
  createdAt: '2019-07-10T10:00:00.000Z',
  updatedAt: '2019-07-10T10:00:00.000Z',
  publishedAt: '2019-07-10T10:00:00.000Z',
};

mockNuxtImport('useAnswer', () => async () => computed(() => answer));

describe('/risposte/[slug]', () => {
  it('shows the title, the claim and the correct answer under their headings', async () => {
    const wrapper = await mountSuspended(AnswerPage, { route: '/risposte/penale-per-il-recesso' });
    expect(wrapper.find('h1').text()).toBe('Devo pagare una penale se cambio operatore?');
    expect(wrapper.text()).toContain('Telefonia fissa e mobile');
    const headings = wrapper.findAll('h2').map((heading) => heading.text());
    expect(headings).toEqual(['L\'operatore ti ha detto', 'La risposta corretta', 'Riferimenti normativi']);
    expect(wrapper.find('blockquote').text()).toBe('«Se disdici adesso paghi una penale di 100 euro.»');
    expect(wrapper.text()).toContain('No: puoi recedere in ogni momento');
    expect(wrapper.find('a[href="https://www.normattiva.it/"]').exists()).toBe(true);
    expect(wrapper.find('a[href="/risposte"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Risposta verificata dalla redazione il 20 novembre 2026');
  });
});
