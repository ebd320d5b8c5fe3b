import { MODERATION_STATS_TIME_ZONE } from './stats-contract';

/**
 * Calendar arithmetic of the moderation figures: the weeks (Monday to
 * Monday, midnight in the newsroom's time zone, daylight saving included)
 * as UTC instants, so that the database compares plain timestamps.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: MODERATION_STATS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  /** The wall-clock time as if it were UTC, in milliseconds. */
  wallClockMs: number;
}

function localParts(instant: number): LocalParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const weekday = WEEKDAYS.indexOf(parts.weekday ?? '');
  if (weekday < 0) throw new Error(`[moderation-stats] Unexpected weekday "${parts.weekday}" from Intl`);
  const wallClockMs = Date.UTC(year, month - 1, day, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { year, month, day, weekday, wallClockMs };
}

/** The time zone's offset from UTC at `instant`, in milliseconds (Rome: +1 h or +2 h). */
const offsetAt = (instant: number) => localParts(instant).wallClockMs - Math.floor(instant / 1000) * 1000;

/** The instant of midnight, local time, of the local date year-month-day (month 1-12; day may overflow). */
function localMidnight(year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  // Midnight is never skipped nor repeated in Rome (the clocks change at 2 and 3 a.m.): two passes settle the offset.
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}

/**
 * The `count` weeks ending with the one that holds `now`, oldest first,
 * each [start, end): the last one ends next Monday, after `now`.
 */
export function weeksUntil(now: Date, count: number): Array<{ start: Date; end: Date }> {
  const today = localParts(now.getTime());
  const monday = today.day - today.weekday;
  return Array.from({ length: count }, (_, index) => {
    const weeksBack = count - 1 - index;
    return {
      start: new Date(localMidnight(today.year, today.month, monday - 7 * weeksBack)),
      end: new Date(localMidnight(today.year, today.month, monday - 7 * weeksBack + 7)),
    };
  });
}

/** The `days` days before `now`, as [from, to). */
export function lastDays(now: Date, days: number): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - days * DAY_MS), to: now };
}
