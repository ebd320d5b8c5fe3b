/**
 * Italian formatting of dates, months and prices.
 *
 * Strapi `date` fields are calendar dates (`2019-07-20`) with no time zone:
 * they are formatted in UTC so that the day never shifts with the server's or
 * the reader's zone (and server and browser render the same text, so
 * hydration never mismatches). Timestamps are shown in Italian time.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

const longDate = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' });
const longDateRome = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' });
const monthYear = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });

/** `2019-07-20` → `20 luglio 2019`; an ISO timestamp is shown in Italian time. Empty for invalid input. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [, year, month, day] = dateOnly;
    return longDate.format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  }
  const timestamp = Date.parse(value);
  return Number.isNaN(timestamp) ? '' : longDateRome.format(timestamp);
}

/** `2019-07` (a testimony's `eventMonth`) → `luglio 2019`. Returns the input when it is not a month. */
export function formatMonth(value: string): string {
  const match = MONTH_ONLY.exec(value);
  if (!match) return value;
  return monthYear.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** `14.9` → `14,90 €`. Strapi may send decimals as strings: both are accepted. */
export function formatPrice(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const amount = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(amount) ? euro.format(amount) : '';
}

/** Plain-text excerpt: whole words, at most `max` characters, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** Splits a plain-text story into paragraphs on blank lines (single newlines stay inside a paragraph). */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
