import { MONTHS } from './banks/common';
import type { Random } from './random';

/**
 * The calendar of the generated content: events from January 2019,
 * publications from the site's launch (2019-07-05) to a fixed end, so that
 * the same seed gives the same dates on any day it is run.
 */
export const TIMELINE = {
  firstEvent: { year: 2019, month: 1 },
  launch: Date.UTC(2019, 6, 5, 9, 0, 0),
  end: Date.UTC(2026, 10, 30, 18, 0, 0),
} as const;

const DAY = 24 * 60 * 60 * 1000;

export interface EventMonth {
  year: number;
  /** 1 to 12. */
  month: number;
  /** `YYYY-MM`, as Testimony.eventMonth stores it. */
  value: string;
  /** `marzo 2021`. */
  label: string;
}

/** A month between the first event and two months before the end. */
export function randomEventMonth(random: Random): EventMonth {
  const first = TIMELINE.firstEvent.year * 12 + (TIMELINE.firstEvent.month - 1);
  const endDate = new Date(TIMELINE.end);
  const last = endDate.getUTCFullYear() * 12 + endDate.getUTCMonth() - 2;
  const index = random.int(first, last);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, value: `${year}-${String(month).padStart(2, '0')}`, label: `${MONTHS[month - 1]} ${year}` };
}

/** A publication time some weeks after `from`, never before the launch nor after the end, at a working hour. */
export function publicationAfter(random: Random, from: number, minDays: number, maxDays: number): Date {
  const day = Math.min(Math.max(from + random.int(minDays, maxDays) * DAY, TIMELINE.launch), TIMELINE.end);
  const start = new Date(day);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), random.int(7, 19), random.int(0, 59), random.int(0, 59)));
}

/** A publication time uniformly between the launch and the end. */
export function randomPublication(random: Random): Date {
  return publicationAfter(random, TIMELINE.launch, 0, Math.floor((TIMELINE.end - TIMELINE.launch) / DAY));
}

/** The moment an editor created the entry: a little before its publication. */
export const createdBefore = (random: Random, publishedAt: Date): Date =>
  new Date(publishedAt.getTime() - random.int(5, 180) * 60 * 1000);

export const startOfMonth = ({ year, month }: EventMonth): number => Date.UTC(year, month - 1, 1);

/** `YYYY-MM-DD` of a date (UTC). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
