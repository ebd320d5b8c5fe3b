/** The editors' clock: the help texts say "ora italiana". */
export const EDITORS_TIME_ZONE = 'Europe/Rome';

const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: EDITORS_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "15 marzo 2027 alle ore 09:00", Italian time, whatever the browser's zone. */
export function formatScheduleMoment(value: string | Date): string {
  const parts = Object.fromEntries(DATE_TIME.formatToParts(new Date(value)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} alle ore ${parts.hour}:${parts.minute}`;
}

/** A stored schedule value, or null when empty or not a date. */
export function scheduleDate(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
