import { describe, expect, it } from 'vitest';
import { CHANNELS, SECTORS } from '@chiudete/types';
import { escapeHtml, osservatorioWidget, testimoniesWidget } from './html';

const SITE = 'https://chiudeteicallcenter.eu';

/** Every `<a …>` of a document, as its attributes. */
const anchors = (html: string) => [...html.matchAll(/<a ([^>]*)>/g)].map((match) => match[1]!);

describe('the testimonies widget', () => {
  const html = testimoniesWidget([
    { slug: 'tre-mesi-per-una-disdetta', title: 'Tre mesi per una <disdetta>', role: 'cliente', sector: 'telefonia', eventMonth: '2026-03' },
    { slug: 'il-copione', title: 'Il copione', role: 'operatore', sector: 'luce', eventMonth: '2025-11' },
  ], SITE, 'telefonia');

  it('links each story on the site, escapes its title and says who, which sector and when', () => {
    expect(html).toContain(`<a href="${SITE}/testimonianze/tre-mesi-per-una-disdetta" target="_blank" rel="noopener">Tre mesi per una &lt;disdetta&gt;</a>`);
    expect(html).toContain('Cliente · Telefonia fissa e mobile · marzo 2026');
    expect(html).toContain('<h1>Ultime testimonianze: Telefonia fissa e mobile</h1>');
    expect(html).toContain(`href="${SITE}/testimonianze?settore=telefonia"`);
  });

  it('opens every link in a new tab, carries no script and credits the site, without the open data\'s licence (the stories are not CC BY)', () => {
    for (const attributes of anchors(html)) expect(attributes).toMatch(/target="_blank" rel="noopener/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/Testimonianze pubblicate da <a [^>]*>Chiudete i Call Center<\/a>/);
    expect(html).not.toContain('CC BY');
    expect(Buffer.byteLength(html)).toBeLessThan(4_000);
  });

  it('says when there is nothing yet', () => {
    expect(testimoniesWidget([], SITE)).toContain('Non ci sono ancora testimonianze pubblicate.');
  });
});

describe('the Osservatorio widget', () => {
  const figures = {
    total: 10,
    bySector: SECTORS.map((key) => ({ key, count: key === 'luce' ? 7 : key === 'gas' ? 3 : 0 })),
    byChannel: CHANNELS.map((key) => ({ key, count: key === 'chat' ? 2 : key === 'telemarketing' ? 8 : 0 })),
  };

  it('shows a sector\'s total and its channels, most first, with bars proportional to the counts', () => {
    const html = osservatorioWidget(figures, SITE, 'luce');
    expect(html).toContain('<h1>Osservatorio: Luce</h1>');
    expect(html).toContain('<b>10</b> testimonianze pubblicate');
    expect(html.indexOf('Telemarketing in uscita')).toBeLessThan(html.indexOf('Chat'));
    expect(html).toContain('8 (80\u00A0%)');
    expect(html).toContain('style="width:100%"');
    expect(html).toContain('style="width:25%"');
    expect(html).not.toContain('E-mail');
    expect(html).toContain(`href="${SITE}/osservatorio/settori/luce" target="_blank" rel="noopener"`);
  });

  it('credits the figures with their licence (CC BY 4.0)', () => {
    expect(osservatorioWidget(figures, SITE)).toMatch(/Dati: <a [^>]*>Chiudete i Call Center<\/a> — <a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/deed\.it"[^>]*>CC BY 4\.0<\/a>/);
  });

  it('shows every sector without a filter', () => {
    const html = osservatorioWidget(figures, SITE);
    expect(html).toContain('Per settore');
    expect(html).toContain('7 (70\u00A0%)');
    expect(html).toContain(`href="${SITE}/osservatorio"`);
  });
});

describe('escapeHtml', () => {
  it('escapes what could open a tag or close an attribute', () => {
    expect(escapeHtml('<a href="x">l\'&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;&amp;&lt;/a&gt;');
  });
});
