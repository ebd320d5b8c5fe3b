import { describe, expect, it } from 'vitest';
import type { BlocksContent } from '@chiudete/types';
import { blocksToHtml, escapeHtmlText, feedLinkUrl } from './blocks-html';

const ctx = { siteUrl: 'https://chiudeteicallcenter.eu', mediaUrl: (url: string) => `https://cms.example.test${url}` };

describe('blocksToHtml', () => {
  it('renders every block type, escaping text and attributes', () => {
    const blocks: BlocksContent = [
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Titolo <script>' }] },
      { type: 'paragraph', children: [
        { type: 'text', text: 'Grassetto', bold: true },
        { type: 'text', text: ' e ' },
        { type: 'link', url: '/risposte/penale', children: [{ type: 'text', text: 'una risposta' }] },
        { type: 'text', text: ', ' },
        { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'trappola' }] },
        { type: 'text', text: ' e "virgolette" & co.', italic: true },
      ] },
      { type: 'list', format: 'ordered', children: [
        { type: 'list-item', children: [{ type: 'text', text: 'uno' }] },
        { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'annidato' }] }] },
      ] },
      { type: 'quote', children: [{ type: 'text', text: 'Citazione' }] },
      { type: 'code', children: [{ type: 'text', text: 'a < b' }] },
      { type: 'image', image: { url: '/uploads/x.png', alternativeText: 'Un "grafico"', width: 800, height: 600 }, children: [] },
    ];
    expect(blocksToHtml(blocks, ctx).split('\n')).toEqual([
      '<h2>Titolo &lt;script&gt;</h2>',
      '<p><strong>Grassetto</strong> e <a href="https://chiudeteicallcenter.eu/risposte/penale">una risposta</a>, trappola<em> e &quot;virgolette&quot; &amp; co.</em></p>',
      '<ol><li>uno</li><li><ul><li>annidato</li></ul></li></ol>',
      '<blockquote>Citazione</blockquote>',
      '<pre><code>a &lt; b</code></pre>',
      '<figure><img src="https://cms.example.test/uploads/x.png" alt="Un &quot;grafico&quot;" width="800" height="600"></figure>',
    ]);
  });

  it('accepts only http(s), mailto and site paths as links', () => {
    expect(feedLinkUrl('https://example.com/a?b=1', ctx.siteUrl)).toBe('https://example.com/a?b=1');
    expect(feedLinkUrl('mailto:redazione@chiudeteicallcenter.eu', ctx.siteUrl)).toBe('mailto:redazione@chiudeteicallcenter.eu');
    expect(feedLinkUrl('/libro', ctx.siteUrl)).toBe('https://chiudeteicallcenter.eu/libro');
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'vbscript:x', 'non un url']) {
      expect(feedLinkUrl(unsafe, ctx.siteUrl)).toBeUndefined();
    }
  });

  it('escapeHtmlText', () => {
    expect(escapeHtmlText('<a href="x">l\'a & b</a>')).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;a &amp; b&lt;/a&gt;');
    expect(blocksToHtml(null, ctx)).toBe('');
  });
});
