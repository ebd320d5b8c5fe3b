import type { Schema } from '@strapi/strapi';

/**
 * Small helpers to write Strapi 5 "blocks" rich text by hand.
 *
 * Inline markup understood by `inline()` (and so by `p()`, `h2()`, `li()`...):
 *   **bold**, *italic*, [link text](https://example.org or /internal/path)
 * Nodes have exactly the shape the admin's blocks editor saves (links carry
 * `url` and `children` only).
 */

export type Blocks = Schema.Attribute.BlocksValue;

interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}

interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

type InlineNode = TextNode | LinkNode;

interface ListItemNode {
  type: 'list-item';
  children: InlineNode[];
}

type BlockNode
  = | { type: 'paragraph'; children: InlineNode[] }
    | { type: 'quote'; children: InlineNode[] }
    | { type: 'heading'; level: 2 | 3; children: InlineNode[] }
    | { type: 'list'; format: 'ordered' | 'unordered'; children: ListItemNode[] };

const INLINE_TOKEN = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\(((?:https?:\/\/|mailto:|\/)[^\s)]*)\)/g;

/** Parses the tiny inline markup into text and link nodes. */
export function inline(source: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE_TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push({ type: 'text', text: source.slice(last, index) });
    const [, bold, italic, linkText, url] = match;
    if (bold !== undefined) nodes.push({ type: 'text', text: bold, bold: true });
    else if (italic !== undefined) nodes.push({ type: 'text', text: italic, italic: true });
    else if (linkText !== undefined && url !== undefined) {
      nodes.push({ type: 'link', url, children: [{ type: 'text', text: linkText }] });
    }
    last = index + match[0].length;
  }
  if (last < source.length) nodes.push({ type: 'text', text: source.slice(last) });
  // The editor never saves an empty children array: keep one empty text node.
  return nodes.length > 0 ? nodes : [{ type: 'text', text: '' }];
}

export const p = (source: string): BlockNode => ({ type: 'paragraph', children: inline(source) });
export const quote = (source: string): BlockNode => ({ type: 'quote', children: inline(source) });
export const h2 = (source: string): BlockNode => ({ type: 'heading', level: 2, children: inline(source) });
export const h3 = (source: string): BlockNode => ({ type: 'heading', level: 3, children: inline(source) });

const list
  = (format: 'ordered' | 'unordered') =>
    (...items: string[]): BlockNode => ({
      type: 'list',
      format,
      children: items.map((item) => ({ type: 'list-item', children: inline(item) })),
    });

export const ul = list('unordered');
export const ol = list('ordered');

/**
 * Assembles a document. Our nodes are a strict subset of what Strapi accepts;
 * Strapi's own `BlocksValue` type additionally demands `rel`/`target` on links,
 * which the editor itself never writes, hence the single cast here.
 */
export const blocks = (...nodes: BlockNode[]): Blocks => nodes as unknown as Blocks;

/** Plain text of a blocks document (for checks such as minimum lengths). */
export function plainText(value: Blocks): string {
  const walk = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const record = node as { text?: unknown; children?: unknown };
    if (typeof record.text === 'string') return record.text;
    return Array.isArray(record.children) ? record.children.map(walk).join('') : '';
  };
  return value.map(walk).join('\n');
}
