/**
 * The countdown to a book's release. The release date is a calendar date
 * (`2019-07-20`); the book is out from midnight, Italian time, of that day,
 * wherever the reader or the server is.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const TIME_ZONE = 'Europe/Rome';

const romeParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Rome at `instant`, as if it were UTC (so differences give the zone's offset). */
function romeWallClock(instant: number): number {
  const parts = Object.fromEntries(romeParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

function parseDate(value: string): { year: number; month: number; day: number } | null {
  const match = DATE_ONLY.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

/** The instant (ms) of midnight in Rome at the start of `releaseDate`, or NaN when it is not a date. */
export function releaseInstant(releaseDate: string): number {
  const date = parseDate(releaseDate);
  if (!date) return Number.NaN;
  const midnightUtc = Date.UTC(date.year, date.month - 1, date.day);
  // Rome is 1 or 2 hours ahead of UTC; midnight is never inside a DST change there.
  const offset = romeWallClock(midnightUtc) - midnightUtc;
  return midnightUtc - offset;
}

/** Calendar days from today (in Rome) to the release day: 1 = tomorrow, 0 or less = out. */
export function daysUntilRelease(releaseDate: string, now: number): number {
  const date = parseDate(releaseDate);
  if (!date) return 0;
  const wall = romeWallClock(now);
  const today = wall - (wall % DAY_MS);
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - today) / DAY_MS);
}

export function isReleased(releaseDate: string, now: number): boolean {
  const instant = releaseInstant(releaseDate);
  return !Number.isFinite(instant) || now >= instant;
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `releaseDate` (all zero once it is out). */
export function countdownTo(releaseDate: string, now: number): Countdown {
  const left = Math.max(0, releaseInstant(releaseDate) - now) || 0;
  const total = Math.floor(left / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

export interface CountdownUnit {
  /** Two digits at least: «05». */
  value: string;
  /** «giorno» or «giorni», and so on. */
  label: string;
}

/** The live countdown as the clock shows it, unit by unit (BookCountdown.vue renders it, the enhancement script updates it). */
export function countdownUnits({ days, hours, minutes, seconds }: Countdown): CountdownUnit[] {
  const unit = (value: number, one: string, many: string): CountdownUnit => ({ value: String(value).padStart(2, '0'), label: value === 1 ? one : many });
  return [
    unit(days, 'giorno', 'giorni'),
    unit(hours, 'ora', 'ore'),
    unit(minutes, 'minuto', 'minuti'),
    unit(seconds, 'secondo', 'secondi'),
  ];
}

/** The sentence about the days left, for everyone (server-rendered, read by screen readers). */
export function releaseDaysText(days: number): string {
  if (days <= 0) return 'Il libro è in libreria.';
  if (days === 1) return 'Esce domani.';
  return `Mancano ${days} giorni all'uscita.`;
}

const plural = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;

/** The live countdown as one Italian phrase: «3 giorni, 1 ora, 5 minuti e 12 secondi». */
export function countdownText({ days, hours, minutes, seconds }: Countdown): string {
  const parts = [
    plural(days, 'giorno', 'giorni'),
    plural(hours, 'ora', 'ore'),
    plural(minutes, 'minuto', 'minuti'),
    plural(seconds, 'secondo', 'secondi'),
  ];
  return `${parts.slice(0, -1).join(', ')} e ${parts.at(-1)}`;
}
