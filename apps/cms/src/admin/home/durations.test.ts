import { describe, expect, it } from 'vitest';
import { durationInWords, waitingSince } from './durations';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('durations in words', () => {
  it('counts hours under a day, days and hours under a week, days beyond', () => {
    expect(durationInWords(20 * 60 * 1000)).toBe('meno di un\'ora');
    expect(durationInWords(HOUR)).toBe('1 ora');
    expect(durationInWords(5 * HOUR + 59 * 60 * 1000)).toBe('5 ore');
    expect(durationInWords(DAY)).toBe('1 giorno');
    expect(durationInWords(DAY + HOUR)).toBe('1 giorno e 1 ora');
    expect(durationInWords(2 * DAY + 4 * HOUR)).toBe('2 giorni e 4 ore');
    expect(durationInWords(9 * DAY + 4 * HOUR)).toBe('9 giorni');
  });

  it('says how long a submission has waited', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(waitingSince('2026-12-06T09:30:00Z', now)).toBe('in attesa da meno di un\'ora');
    expect(waitingSince('2026-12-06T07:00:00Z', now)).toBe('in attesa da 3 ore');
    expect(waitingSince('2026-12-05T09:00:00Z', now)).toBe('in attesa da 1 giorno');
    expect(waitingSince('2026-12-03T09:00:00Z', now)).toBe('in attesa da 3 giorni');
    expect(waitingSince('non una data', now)).toBe('');
  });
});
