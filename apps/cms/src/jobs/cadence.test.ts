import { describe, expect, it } from 'vitest';
import { readCadence } from './cadence';

const from = (vars: Record<string, string>) => (name: string) => vars[name];

describe('readCadence', () => {
  it('keeps the default when the variable is unset or empty', () => {
    expect(readCadence(from({}), 'PUBLISHING_SCHEDULE_SECONDS', 60)).toEqual({ rule: '0 * * * * *', periodMs: 60_000 });
    expect(readCadence(from({ PARTNER_WEBHOOKS_RETRY_SECONDS: ' ' }), 'PARTNER_WEBHOOKS_RETRY_SECONDS', 10)).toEqual({ rule: '*/10 * * * * *', periodMs: 10_000 });
  });

  it('ticks every N seconds for a divisor of a minute', () => {
    expect(readCadence(from({ PUBLISHING_SCHEDULE_SECONDS: '2' }), 'PUBLISHING_SCHEDULE_SECONDS', 60)).toEqual({ rule: '*/2 * * * * *', periodMs: 2_000 });
  });

  it.each(['0', '7', '90', '1.5', 'sixty', '-10'])('refuses %s, naming the variable', (value) => {
    expect(() => readCadence(from({ PUBLISHING_SCHEDULE_SECONDS: value }), 'PUBLISHING_SCHEDULE_SECONDS', 60)).toThrow(/^PUBLISHING_SCHEDULE_SECONDS must be a whole number of seconds that divides a minute/);
  });
});
