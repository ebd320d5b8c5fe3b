import { describe, expect, it } from 'vitest';
import { lastDays, weeksUntil } from './stats-period';

const romeWallClock = (date: Date) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

describe('moderation weeks', () => {
  it('ends with the week that holds now, Monday midnight in Rome, contiguous', () => {
    // Wednesday 3 December 2025, 15:00 in Rome (winter time, UTC+1).
    const weeks = weeksUntil(new Date('2025-12-03T14:00:00Z'), 8);
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toEqual({ start: new Date('2025-11-30T23:00:00Z'), end: new Date('2025-12-07T23:00:00Z') });
    expect(weeks[0]!.start).toEqual(new Date('2025-10-12T22:00:00Z'));
    for (const [index, week] of weeks.entries()) {
      expect(romeWallClock(week.start)).toBe('lunedì 00:00');
      if (index > 0) expect(week.start).toEqual(weeks[index - 1]!.end);
    }
  });

  it('crosses the change to winter time: the week of 26 October 2025 lasts one hour more', () => {
    const weeks = weeksUntil(new Date('2025-10-29T10:00:00Z'), 2);
    expect(weeks[0]).toEqual({ start: new Date('2025-10-19T22:00:00Z'), end: new Date('2025-10-26T23:00:00Z') });
    expect(weeks[1]).toEqual({ start: new Date('2025-10-26T23:00:00Z'), end: new Date('2025-11-02T23:00:00Z') });
  });

  it('puts Sunday night in Rome in the week it ends, and Monday 00:30 in the new one', () => {
    // Sunday 30 March 2025 23:30 in Rome (summer time since 2 a.m.) = 21:30 UTC.
    expect(weeksUntil(new Date('2025-03-30T21:30:00Z'), 1)[0]).toEqual({ start: new Date('2025-03-23T23:00:00Z'), end: new Date('2025-03-30T22:00:00Z') });
    // Monday 31 March 2025 00:30 in Rome = Sunday 22:30 UTC.
    expect(weeksUntil(new Date('2025-03-30T22:30:00Z'), 1)[0]!.start).toEqual(new Date('2025-03-30T22:00:00Z'));
  });

  it('crosses a year', () => {
    const [first, second] = weeksUntil(new Date('2026-01-02T12:00:00Z'), 2);
    expect(first!.start).toEqual(new Date('2025-12-21T23:00:00Z'));
    expect(second!.start).toEqual(new Date('2025-12-28T23:00:00Z'));
    expect(second!.end).toEqual(new Date('2026-01-04T23:00:00Z'));
  });
});

describe('last days', () => {
  it('is the 30 × 24 hours before now', () => {
    expect(lastDays(new Date('2025-12-31T12:00:00Z'), 30)).toEqual({ from: new Date('2025-12-01T12:00:00Z'), to: new Date('2025-12-31T12:00:00Z') });
  });
});
