/**
 * The Osservatorio's figures as the pages say them (issue #15): Italian
 * numbers and shares, the one-sentence summary of each chart, and the
 * proportions of its bars. Pure functions: the chart components and the
 * widget's HTML (server/utils/widget) share them.
 */

/** A row of a chart: what is counted, its Italian label, and how many testimonies. */
export interface ChartRow {
  key: string;
  label: string;
  count: number;
  /** A page about the row (a sector's, a company's), linked from the data table. */
  to?: string;
}

const integer = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });

/** `1024` → `1.024` (grouped from four digits, as a reader expects in a figure). */
export const formatCount = (value: number): string => integer.format(value);

/** A share of `total` as a whole percentage (`40 %`, with a no-break space), `0 %` when there is nothing to share. */
export function formatShare(count: number, total: number): string {
  const percent = total > 0 ? Math.round((count / total) * 100) : 0;
  return `${percent}\u00A0%`;
}

/** `1 testimonianza`, `12 testimonianze`. */
export const testimoniesCount = (count: number): string => `${formatCount(count)} ${count === 1 ? 'testimonianza' : 'testimonianze'}`;

/** `a`, `a e b`, `a, b e c`. */
export function joinItalian(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} e ${items.at(-1)}`;
}

/** The rows with the highest count (several when tied), or none when every count is zero. */
export function leadingRows<T extends { count: number }>(rows: readonly T[]): T[] {
  const top = Math.max(0, ...rows.map((row) => row.count));
  return top > 0 ? rows.filter((row) => row.count === top) : [];
}

/** What a category chart counts, to say its leader: «Il settore più citato è», «I settori più citati sono». */
export interface LeaderWords {
  one: string;
  many: string;
  /** «ciascuno» (settori, canali) or «ciascuna» (aziende), after a tie's count. */
  each?: 'ciascuno' | 'ciascuna';
}

export const NO_TESTIMONIES = 'Nessuna testimonianza nel periodo scelto.';

/**
 * The summary of a category chart, one sentence: «Il settore più citato è
 * «Telefonia fissa e mobile»: 412 testimonianze su 1.024, il 40 %.» Ties name
 * every leader («… sono «Luce» e «Gas»: 12 testimonianze ciascuno su 100, il 12 % ciascuno.»).
 */
export function categorySummary(rows: readonly ChartRow[], total: number, words: LeaderWords): string {
  const leaders = leadingRows(rows);
  if (total <= 0 || leaders.length === 0) return NO_TESTIMONIES;
  const count = leaders[0]!.count;
  const names = joinItalian(leaders.map((row) => `«${row.label}»`));
  if (leaders.length === 1) return `${words.one} ${names}: ${testimoniesCount(count)} su ${formatCount(total)}, il ${formatShare(count, total)}.`;
  const each = words.each ?? 'ciascuno';
  return `${words.many} ${names}: ${testimoniesCount(count)} ${each} su ${formatCount(total)}, il ${formatShare(count, total)} ${each}.`;
}

/** Bar lengths proportional to the counts, the longest `length` long (all zero when nothing is counted). */
export function barLengths(counts: readonly number[], length: number): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((count) => (max > 0 ? (Math.max(0, count) / max) * length : 0));
}

export interface MonthRow {
  month: string;
  count: number;
}

/** `2026-03` → `mar 2026`, the short form under a column. */
export function shortMonth(month: string): string {
  const [year, number] = month.split('-');
  const names = ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'];
  const name = names[Number(number) - 1];
  return name && year ? `${name} ${year}` : month;
}

/** «a», or «ad» before a vowel a (ad aprile, ad agosto). */
const toward = (word: string, preposition: 'a' | 'A'): string => (/^a/i.test(word) ? `${preposition}d` : preposition);

/** Tied busiest months named in the summary; more are counted instead (one sentence stays short on a phone). */
const MAX_NAMED_MONTHS = 3;

/**
 * The summary of the month chart: «Da gennaio 2025 a dicembre 2025, 1.024
 * testimonianze; il mese con più testimonianze è marzo 2025, con 45.»
 */
export function monthSummary(months: readonly MonthRow[], formatMonthName: (month: string) => string): string {
  const total = months.reduce((sum, row) => sum + row.count, 0);
  const leaders = leadingRows(months);
  if (total <= 0 || leaders.length === 0) return NO_TESTIMONIES;
  const first = formatMonthName(months[0]!.month);
  const last = formatMonthName(months.at(-1)!.month);
  const span = months.length === 1 ? `${toward(first, 'A')} ${first}` : `Da ${first} ${toward(last, 'a')} ${last}`;
  const top = leaders[0]!;
  let peak = `il mese con più testimonianze è ${formatMonthName(top.month)}, con ${formatCount(top.count)}`;
  if (leaders.length > MAX_NAMED_MONTHS) peak = `al massimo ${formatCount(top.count)} in un mese, in ${leaders.length} mesi diversi`;
  else if (leaders.length > 1) peak = `i mesi con più testimonianze sono ${joinItalian(leaders.map((row) => formatMonthName(row.month)))}, con ${formatCount(top.count)} ciascuno`;
  return months.length === 1 ? `${span}, ${testimoniesCount(total)}.` : `${span}, ${testimoniesCount(total)}; ${peak}.`;
}
