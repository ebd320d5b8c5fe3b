import { describe, expect, it } from 'vitest';
import { blocksToText, type BlocksContent } from './blocks';

describe('blocksToText', () => {
  it('flattens paragraphs, links and lists to plain text', () => {
    const blocks: BlocksContent = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Titolo' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Leggi ' }, { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: 'qui', bold: true }] }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'uno' }] }, { type: 'list-item', children: [{ type: 'text', text: 'due' }] }] },
    ];
    expect(blocksToText(blocks)).toBe('Titolo\n\nLeggi qui\n\nuno\ndue');
  });

  it('accepts null', () => {
    expect(blocksToText(null)).toBe('');
  });
});
