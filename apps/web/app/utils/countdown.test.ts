import { describe, expect, it } from 'vitest';
import { countdownText, countdownTo, countdownUnits, daysUntilRelease, isReleased, releaseDaysText, releaseInstant } from './countdown';

describe('releaseInstant', () => {
  it('is midnight in Rome: 22:00 UTC in summer, 23:00 UTC in winter', () => {
    expect(new Date(releaseInstant('2019-07-20')).toISOString()).toBe('2019-07-19T22:00:00.000Z');
    expect(new Date(releaseInstant('2020-01-15')).toISOString()).toBe('2020-01-14T23:00:00.000Z');
    // The night the clocks go forward (31 March 2019) and back (27 October 2019).
    expect(new Date(releaseInstant('2019-03-31')).toISOString()).toBe('2019-03-30T23:00:00.000Z');
    expect(new Date(releaseInstant('2019-10-27')).toISOString()).toBe('2019-10-26T22:00:00.000Z');
  });

  it('is NaN for anything but a date', () => {
    expect(releaseInstant('20 luglio')).toBeNaN();
  });
});

describe('daysUntilRelease and releaseDaysText', () => {
  it('counts calendar days in Italian time', () => {
    expect(daysUntilRelease('2019-07-20', Date.parse('2019-07-05T10:00:00Z'))).toBe(15);
    // 22:30 UTC on the 18th is already the 19th in Rome: out tomorrow.
    expect(daysUntilRelease('2019-07-20', Date.parse('2019-07-18T22:30:00Z'))).toBe(1);
    expect(daysUntilRelease('2019-07-20', Date.parse('2019-07-19T22:00:00Z'))).toBe(0);
    expect(daysUntilRelease('2019-07-20', Date.parse('2026-11-28T12:00:00Z'))).toBeLessThan(0);
  });

  it('says it in Italian', () => {
    expect(releaseDaysText(15)).toBe('Mancano 15 giorni all\'uscita.');
    expect(releaseDaysText(1)).toBe('Esce domani.');
    expect(releaseDaysText(0)).toBe('Il libro è in libreria.');
    expect(releaseDaysText(-300)).toBe('Il libro è in libreria.');
  });
});

describe('isReleased and countdownTo', () => {
  const release = '2019-07-20';

  it('turns at midnight, Italian time', () => {
    expect(isReleased(release, Date.parse('2019-07-19T21:59:59Z'))).toBe(false);
    expect(isReleased(release, Date.parse('2019-07-19T22:00:00Z'))).toBe(true);
    expect(isReleased('non è una data', Date.now())).toBe(true);
  });

  it('splits the time left into days, hours, minutes and seconds', () => {
    expect(countdownTo(release, Date.parse('2019-07-18T20:58:50Z'))).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 10 });
    expect(countdownTo(release, Date.parse('2019-07-25T00:00:00Z'))).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });

  it('reads as one Italian phrase, with singulars', () => {
    expect(countdownText({ days: 1, hours: 1, minutes: 1, seconds: 1 })).toBe('1 giorno, 1 ora, 1 minuto e 1 secondo');
    expect(countdownText({ days: 12, hours: 0, minutes: 30, seconds: 5 })).toBe('12 giorni, 0 ore, 30 minuti e 5 secondi');
  });
});

describe('countdownUnits', () => {
  it('shows each unit with two digits at least and its Italian name, singular for one', () => {
    expect(countdownUnits({ days: 1, hours: 0, minutes: 30, seconds: 5 })).toEqual([
      { value: '01', label: 'giorno' },
      { value: '00', label: 'ore' },
      { value: '30', label: 'minuti' },
      { value: '05', label: 'secondi' },
    ]);
    expect(countdownUnits({ days: 120, hours: 1, minutes: 1, seconds: 1 }).map((unit) => `${unit.value} ${unit.label}`)).toEqual(['120 giorni', '01 ora', '01 minuto', '01 secondo']);
  });
});
