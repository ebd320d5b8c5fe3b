import type { Block, BlocksContent, InlineNode, ListBlock, ListItemBlock, TextNode } from '@chiudete/types';

/**
 * Strapi "blocks" rich text as HTML for the feeds (`content:encoded`,
 * `content_html`). Feed readers show it outside the site, so the same rules
 * as the site's renderer apply: every text is escaped, links only for
 * http(s), mailto and site paths (made absolute), headings never above h2.
 */

export interface BlocksHtmlContext {
  /** Public origin of the site: site paths in links become absolute. */
  siteUrl: string;
  /** Makes the CMS's media paths absolute. */
  mediaUrl: (url: string) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** An editor's link as an absolute URL, or undefined when it must stay plain text. */
export function feedLinkUrl(raw: string, siteUrl: string): string | undefined {
  const url = raw.trim();
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
    return new URL(url, `${siteUrl.replace(/\/+$/, '')}/`).href;
  }
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function textHtml(node: TextNode): string {
  let html = escapeHtmlText(node.text).replace(/\n/g, '<br>');
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function inlineHtml(nodes: InlineNode[], ctx: BlocksHtmlContext): string {
  return nodes.map((node) => {
    if (node.type === 'text') return textHtml(node);
    const children = node.children.map(textHtml).join('');
    const href = feedLinkUrl(node.url, ctx.siteUrl);
    return href ? `<a href="${escapeHtmlText(href)}">${children}</a>` : children;
  }).join('');
}

function listHtml(list: ListBlock, ctx: BlocksHtmlContext): string {
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  const items = list.children.map((child: ListItemBlock | ListBlock) =>
    child.type === 'list' ? `<li>${listHtml(child, ctx)}</li>` : `<li>${inlineHtml(child.children, ctx)}</li>`,
  );
  return `<${tag}>${items.join('')}</${tag}>`;
}

function blockHtml(block: Block, ctx: BlocksHtmlContext): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.children, ctx)}</p>`;
    case 'heading': {
      const level = Math.min(Math.max(block.level, 2), 6);
      return `<h${level}>${inlineHtml(block.children, ctx)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(block.children, ctx)}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtmlText(block.children.map((child) => child.text).join(''))}</code></pre>`;
    case 'list':
      return listHtml(block, ctx);
    case 'image': {
      const { url, alternativeText, width, height } = block.image;
      const size = width && height ? ` width="${width}" height="${height}"` : '';
      return `<figure><img src="${escapeHtmlText(ctx.mediaUrl(url))}" alt="${escapeHtmlText(alternativeText ?? '')}"${size}></figure>`;
    }
    default:
      return '';
  }
}

export function blocksToHtml(blocks: BlocksContent | null | undefined, ctx: BlocksHtmlContext): string {
  return (blocks ?? []).map((block) => blockHtml(block, ctx)).join('\n');
}
