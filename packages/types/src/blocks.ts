/** Strapi 5 "blocks" rich text, as returned by the REST API. */
export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

export type InlineNode = TextNode | LinkNode;

export interface ParagraphBlock {
  type: 'paragraph';
  children: InlineNode[];
}

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: InlineNode[];
}

export interface QuoteBlock {
  type: 'quote';
  children: InlineNode[];
}

export interface CodeBlock {
  type: 'code';
  language?: string;
  children: TextNode[];
}

export interface ListItemBlock {
  type: 'list-item';
  children: InlineNode[];
}

export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: Array<ListItemBlock | ListBlock>;
}

export interface ImageBlock {
  type: 'image';
  image: {
    url: string;
    alternativeText?: string | null;
    width?: number | null;
    height?: number | null;
    caption?: string | null;
  };
  children: TextNode[];
}

export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | CodeBlock | ListBlock | ImageBlock;

export type BlocksContent = Block[];

type Node = Block | InlineNode | ListItemBlock;

function nodeText(node: Node): string {
  if (node.type === 'text') return node.text;
  const children: Node[] = node.children;
  const separator = node.type === 'list' ? '\n' : '';
  return children.map(nodeText).join(separator);
}

/** Plain text of a blocks document (for excerpts, meta descriptions, search). */
export function blocksToText(blocks: BlocksContent | null | undefined): string {
  return (blocks ?? []).map(nodeText).join('\n\n');
}
