/**
 * How often the frequent crons tick. Production keeps the defaults (the
 * publishing schedule every minute, the webhook outbox every 10 s); a test or
 * an operator may tighten them with PUBLISHING_SCHEDULE_SECONDS and
 * PARTNER_WEBHOOKS_RETRY_SECONDS, each a whole number of seconds dividing a
 * minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60), so every tick falls on
 * the same second on every instance and `exclusiveTask` can tell a tick from
 * the next.
 */
export interface Cadence {
  /** node-schedule rule with seconds, e.g. `*\/10 * * * * *`, or `0 * * * * *` for every minute. */
  rule: string;
  periodMs: number;
}

/** Reads a variable: Strapi's config `env`, or a lookup in a plain object. */
type ReadEnv = (name: string) => string | undefined;

export function readCadence(env: ReadEnv, name: string, defaultSeconds: number): Cadence {
  const raw = env(name)?.trim();
  const seconds = raw ? Number(raw) : defaultSeconds;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60 || 60 % seconds !== 0) {
    throw new Error(`${name} must be a whole number of seconds that divides a minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60); got "${raw}".`);
  }
  return { rule: seconds === 60 ? '0 * * * * *' : `*/${seconds} * * * * *`, periodMs: seconds * 1000 };
}
