import { sitePath } from '@chiudete/types';
import { escapeHtml, plainText } from '../../../public-forms';

/**
 * One issue as the e-mail one subscriber receives: Italian, a plain-text and
 * an HTML part (simple inline styles, one 600 px column, readable on a
 * phone), absolute links to the site's pages exactly as they are (no
 * tracking pixel, no rewritten links), and the subscriber's own one-click
 * unsubscribe link in the footer and in the RFC 8058 headers.
 */

export interface IssueContent {
  subject: string;
  introduction?: string | null;
  articles: ReadonlyArray<{ title: string; slug: string; excerpt?: string | null }>;
  testimonies: ReadonlyArray<{ title: string; slug: string; story?: string | null }>;
}

/** The subscriber's links (`subscriberLinks` of src/api/newsletter-subscriber/lib/links.ts). */
export interface RecipientLinks {
  /** The site's page that unsubscribes (one click). */
  unsubscribe: string;
  /** The CMS's RFC 8058 endpoint: a POST with `List-Unsubscribe=One-Click` unsubscribes. */
  unsubscribePost: string;
  /** The site's page where the subscriber changes interests or reads their data. */
  manage: string;
}

export interface RenderOptions {
  /** The site's origin (SITE_URL). */
  siteUrl: string;
  siteName?: string;
}

export interface IssueEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const SITE_NAME = 'Chiudete i Call Center';
/** A testimony's story in the e-mail: its start, cut at a word. */
const STORY_PREVIEW_LENGTH = 280;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function preview(text: string | null | undefined, max: number): string {
  const flat = oneLine(plainText(text ?? ''));
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

const paragraphs = (text: string | null | undefined): string[] =>
  plainText(text ?? '').split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);

interface Item {
  title: string;
  url: string;
  summary: string;
}

/** The e-mail of `issue` for the subscriber whose links are `links`. */
export function renderIssueEmail(issue: IssueContent, links: RecipientLinks, { siteUrl, siteName = SITE_NAME }: RenderOptions): IssueEmail {
  const origin = siteUrl.replace(/\/+$/, '');
  const subject = oneLine(issue.subject);
  const articles: Item[] = issue.articles.map((a) => ({ title: oneLine(a.title), url: `${origin}${sitePath('article', a.slug)}`, summary: preview(a.excerpt, 400) }));
  const testimonies: Item[] = issue.testimonies.map((t) => ({ title: oneLine(t.title), url: `${origin}${sitePath('testimony', t.slug)}`, summary: preview(t.story, STORY_PREVIEW_LENGTH) }));
  const intro = paragraphs(issue.introduction);

  const textSection = (heading: string, items: Item[]) =>
    items.length === 0 ? [] : [heading.toUpperCase(), '', ...items.flatMap((item) => [item.title, ...(item.summary ? [item.summary] : []), `Leggi: ${item.url}`, ''])];
  const text = [
    subject,
    '',
    ...intro.flatMap((block) => [block, '']),
    ...textSection('Articoli', articles),
    ...textSection('Testimonianze', testimonies),
    '-- ',
    `Ricevi questa e-mail perché ti sei iscritto alla newsletter di ${siteName} (${origin}).`,
    `I dati che abbiamo su di te: ${links.manage}`,
    `Disiscriviti con un clic: ${links.unsubscribe}`,
    'Nessun tracciamento: questa e-mail non contiene immagini spia né link modificati.',
  ].join('\n');

  const link = (url: string, label: string, style = 'color:#0b5cad;text-decoration:underline') =>
    `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;
  const htmlSection = (heading: string, items: Item[]) =>
    items.length === 0
      ? ''
      : `<h2 style="font-size:20px;line-height:1.3;margin:28px 0 8px;color:#111">${escapeHtml(heading)}</h2>${items
        .map(
          (item) =>
            `<div style="margin:0 0 20px"><h3 style="font-size:18px;line-height:1.35;margin:0 0 4px">${link(item.url, item.title, 'color:#111;text-decoration:underline')}</h3>${
              item.summary ? `<p style="margin:0 0 6px">${escapeHtml(item.summary)}</p>` : ''
            }<p style="margin:0">${link(item.url, 'Leggi sul sito')}</p></div>`,
        )
        .join('')}`;
  const html = `<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f4">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222">
<p style="margin:0 0 16px;font-size:14px;color:#555">${escapeHtml(siteName)}</p>
<h1 style="font-size:24px;line-height:1.25;margin:0 0 16px;color:#111">${escapeHtml(subject)}</h1>
${intro.map((block) => `<p style="margin:0 0 14px;white-space:pre-line">${escapeHtml(block)}</p>`).join('\n')}
${htmlSection('Articoli', articles)}
${htmlSection('Testimonianze', testimonies)}
<hr style="border:0;border-top:1px solid #ddd;margin:28px 0 16px">
<p style="margin:0 0 8px;font-size:14px;color:#555">Ricevi questa e-mail perché ti sei iscritto alla newsletter di ${link(origin, siteName, 'color:#555;text-decoration:underline')}.</p>
<p style="margin:0 0 8px;font-size:14px;color:#555">${link(links.manage, 'I dati che abbiamo su di te', 'color:#555;text-decoration:underline')} · ${link(links.unsubscribe, 'Disiscriviti con un clic', 'color:#555;text-decoration:underline')}</p>
<p style="margin:0;font-size:12px;color:#777">Nessun tracciamento: niente immagini spia, link non modificati.</p>
</div>
</body></html>
`;

  return {
    subject,
    text,
    html,
    headers: {
      // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` to the https URI.
      'List-Unsubscribe': `<${links.unsubscribePost}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
