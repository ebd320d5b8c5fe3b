import { CHANNEL_LABELS, OSSERVATORIO_LICENSE, ROLE_LABELS, SECTOR_LABELS, sitePath, type OsservatorioAggregates, type Sector, type Testimony } from '@chiudete/types';
import { osservatorioSectorPath, OSSERVATORIO_PATH } from '../../../shared/utils/osservatorio-routes';

/**
 * The partners' widget (issue #15) as plain HTML: no Vue, no script, one
 * inline stylesheet, a few kB; any site may frame it (the routes' CSP says
 * `frame-ancestors *`, server/utils/security-headers/policy.ts). Every link
 * leads back to the site in a new tab (`target="_blank" rel="noopener"`,
 * never the partner's frame), and every widget credits the data and its
 * licence. Pure functions of the CMS's data, unit-tested.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

const integer = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });
const monthYear = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-03` → `marzo 2026`. */
function monthName(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? monthYear.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : month;
}

const share = (count: number, total: number) => `${total > 0 ? Math.round((count / total) * 100) : 0}\u00A0%`;

/** A link back to the site, in a new tab: never inside the partner's frame. */
function siteLink(siteUrl: string, path: string, text: string, query: Record<string, string> = {}): string {
  const url = new URL(path, siteUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return `<a href="${escapeHtml(url.href)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`;
}

const STYLE = [
  ':root{color-scheme:light}',
  '*{box-sizing:border-box}',
  'body{margin:0;padding:12px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1a17;background:#faf6ee}',
  'h1{margin:0 0 8px;font:700 17px/1.3 Charter,Cambria,Georgia,serif}',
  'a{color:#c0300c}',
  'a:focus-visible{outline:3px solid #c0300c;outline-offset:2px}',
  'ul{list-style:none;margin:0;padding:0}',
  'li{padding:8px 0;border-bottom:1px solid #d8cdbb}',
  '.t{font-weight:700}',
  '.m,.credit{font-size:13px;color:#57514a}',
  '.m{margin:2px 0 0}',
  '.total{margin:0 0 8px}',
  '.total b{font-size:22px;color:#c0300c}',
  '.row{display:flex;justify-content:space-between;gap:8px}',
  '.bar{height:8px;margin-top:4px;background:#f1e9db;border-radius:2px}',
  '.bar span{display:block;height:8px;background:#c0300c;border-radius:2px}',
  '.more{margin:10px 0 0;font-weight:700}',
  '.credit{margin:10px 0 0}',
].join('');

interface WidgetPage {
  title: string;
  body: string;
  siteUrl: string;
  /**
   * What the credit says: the Osservatorio's figures are open data (CC BY 4.0);
   * the testimonies themselves are not, they stay under the site's rules for republication.
   */
  credit: 'open-data' | 'testimonies';
}

/** The whole document: heading, content, credit (with the licence, for the open data). */
export function widgetPage({ title, body, siteUrl, credit: kind }: WidgetPage): string {
  const site = siteLink(siteUrl, '/', 'Chiudete i Call Center');
  const credit = kind === 'open-data'
    ? `Dati: ${site} — <a href="${escapeHtml(OSSERVATORIO_LICENSE.url)}" target="_blank" rel="noopener license">${escapeHtml(OSSERVATORIO_LICENSE.name)}</a>`
    : `Testimonianze pubblicate da ${site}`;
  return `<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Chiudete i Call Center</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}<p class="credit">${credit}</p></main></body></html>
`;
}

export type WidgetTestimony = Pick<Testimony, 'slug' | 'title' | 'role' | 'sector' | 'eventMonth'>;

/** The latest testimonies (of a sector): title linked to the story, who tells it, sector and month. */
export function testimoniesWidget(items: readonly WidgetTestimony[], siteUrl: string, sector?: Sector): string {
  const title = sector ? `Ultime testimonianze: ${SECTOR_LABELS[sector]}` : 'Ultime testimonianze';
  const list = items.length === 0
    ? '<p>Non ci sono ancora testimonianze pubblicate.</p>'
    : `<ul>${items.map((item) => `<li><span class="t">${siteLink(siteUrl, sitePath('testimony', item.slug), item.title)}</span><p class="m">${escapeHtml(ROLE_LABELS[item.role])} · ${escapeHtml(SECTOR_LABELS[item.sector])} · ${escapeHtml(monthName(item.eventMonth))}</p></li>`).join('')}</ul>`;
  const more = `<p class="more">${siteLink(siteUrl, '/testimonianze', 'Leggi tutte le testimonianze', sector ? { settore: sector } : {})}</p>`;
  return widgetPage({ title, body: list + more, siteUrl, credit: 'testimonies' });
}

interface WidgetRow {
  label: string;
  count: number;
}

function rows(items: readonly WidgetRow[], total: number): string {
  const max = Math.max(0, ...items.map((item) => item.count));
  return `<ul>${items.map((item) => {
    const width = max > 0 ? Math.round((item.count / max) * 100) : 0;
    return `<li><div class="row"><span>${escapeHtml(item.label)}</span><span>${integer.format(item.count)} (${share(item.count, total)})</span></div><div class="bar" aria-hidden="true"><span style="width:${width}%"></span></div></li>`;
  }).join('')}</ul>`;
}

/** A sector's figures (or, without a sector, every sector's): the total, then by channel or by sector, most first. */
export function osservatorioWidget(figures: Pick<OsservatorioAggregates, 'total' | 'bySector' | 'byChannel'>, siteUrl: string, sector?: Sector): string {
  const title = sector ? `Osservatorio: ${SECTOR_LABELS[sector]}` : 'Osservatorio sui call center';
  const byCount = <T extends WidgetRow>(list: T[]) => list.filter((item) => item.count > 0).sort((a, b) => b.count - a.count);
  const breakdown = sector
    ? byCount(figures.byChannel.map(({ key, count }) => ({ label: CHANNEL_LABELS[key], count })))
    : byCount(figures.bySector.map(({ key, count }) => ({ label: SECTOR_LABELS[key], count })));
  const total = `<p class="total"><b>${integer.format(figures.total)}</b> ${figures.total === 1 ? 'testimonianza pubblicata' : 'testimonianze pubblicate'}</p>`;
  const body = figures.total === 0
    ? `${total}<p>Nessuna testimonianza ancora.</p>`
    : `${total}<p class="m">${sector ? 'Per canale di contatto' : 'Per settore'}:</p>${rows(breakdown, figures.total)}`;
  const more = `<p class="more">${siteLink(siteUrl, sector ? osservatorioSectorPath(sector) : OSSERVATORIO_PATH, 'Tutti i numeri dell\'Osservatorio')}</p>`;
  return widgetPage({ title, body: body + more, siteUrl, credit: 'open-data' });
}
