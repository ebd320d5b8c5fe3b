/**
 * Durations in words, for the editors: how long a submission has waited
 * («in attesa da 3 giorni») and how long decisions take («1 giorno e 4 ore»).
 * Plain functions, tested beside (durations.test.ts).
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** «meno di un'ora», «5 ore», «1 giorno», «2 giorni e 4 ore» (hours below a week only). */
export function durationInWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < HOUR) return 'meno di un\'ora';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms - days * DAY) / HOUR);
  if (days === 0) return plural(hours, 'ora', 'ore');
  const dayText = plural(days, 'giorno', 'giorni');
  return hours === 0 || days >= 7 ? dayText : `${dayText} e ${plural(hours, 'ora', 'ore')}`;
}

/** «in attesa da 3 giorni»: the wait of a submission sent at `submittedAt` (ISO), as of `now`. */
export function waitingSince(submittedAt: string, now: Date): string {
  const waited = now.getTime() - Date.parse(submittedAt);
  if (Number.isNaN(waited)) return '';
  if (waited < HOUR) return 'in attesa da meno di un\'ora';
  const days = Math.floor(waited / DAY);
  return `in attesa da ${days === 0 ? plural(Math.floor(waited / HOUR), 'ora', 'ore') : plural(days, 'giorno', 'giorni')}`;
}
