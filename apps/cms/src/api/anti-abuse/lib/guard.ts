import { createHash } from 'node:crypto';
import { verifyAltcha } from './altcha';
import { clientIp, hashIp } from './client-ip';
import type { AntiAbuseConfig, FormName } from './config';
import { busyErrorBody, rateLimitErrorBody, refuse, validationErrorBody, type ResponseContext } from './errors';
import { verifyFormToken } from './form-token';
import { consumeRateLimit } from './rate-limiter';
import type { AntiAbuseStore } from './store';
import { StoreFullError } from './store-full-error';

/** Fields the anti-abuse layer reads and removes from `data` before the endpoint sees it. */
export const ANTI_ABUSE_FIELDS = ['website', 'formToken', 'altcha'] as const;

/** What the guard leaves for the endpoint in `ctx.state.antiAbuse`. */
export interface AntiAbuseState {
  /** Salted hash of the client's address (never the address itself). */
  ipHash: string;
}

/** The part of Koa's context the guard uses. */
export interface GuardContext extends ResponseContext {
  request: { ip: string; body?: unknown };
  /** `idempotencyKey`: the form fill's key, when the route reads one (src/idempotency). */
  state: { antiAbuse?: AntiAbuseState; idempotencyKey?: string | null; siteClientAddress?: unknown };
}

export interface GuardDependencies {
  config: AntiAbuseConfig;
  store: AntiAbuseStore;
  now?: () => number;
}

/** Tolerated clock difference between instances sharing the store. */
const CLOCK_SKEW_MS = 60_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request body's `data`, or an empty object for anything else (the endpoint reports the body's shape itself). */
const dataOf = (body: unknown): Record<string, unknown> => (isRecord(body) && isRecord(body.data) ? body.data : {});

export const rateLimitKeys = {
  submissionsPerIp: (form: FormName, ipHash: string) => `rl:submit:${form}:ip:${ipHash}`,
  submissionsGlobal: (form: FormName) => `rl:submit:${form}:all`,
  challengesPerIp: (kind: 'form-token' | 'altcha', ipHash: string) => `rl:${kind}:ip:${ipHash}`,
  usedChallenge: (signature: string) => `altcha:used:${signature}`,
};

/** The owner of a used ALTCHA solution claimed by a keyed form fill: the key's hash, never the key itself. */
export const fillOwner = (idempotencyKey: string): string => createHash('sha256').update(idempotencyKey).digest('base64url');

/**
 * The checks in front of a public form, cheapest first: the client's own
 * rate limit, honeypot, form token, proof of work (accepted once), then the
 * form's overall limit. Only a request that passed every check is charged to
 * the overall limit: junk from many addresses cannot close the form for
 * everybody. Refusals answer here and never reach the endpoint; anything
 * malformed is a 400, never a 500.
 */
export function createSubmissionGuard(form: FormName, { config, store, now = Date.now }: GuardDependencies) {
  return async (ctx: GuardContext, next: () => Promise<unknown>): Promise<void> => {
    const ipHash = hashIp(config.ipHashKey, clientIp(ctx));
    const { windowSeconds, submissionsPerIp, submissionsGlobal } = config.rateLimit;

    // 1. The client's own limit: every attempt counts, junk included, so one client cannot hammer the checks.
    const perIp = await consumeRateLimit(store, { key: rateLimitKeys.submissionsPerIp(form, ipHash), limit: submissionsPerIp, windowSeconds });
    if (!perIp.allowed) {
      refuse(ctx, rateLimitErrorBody(perIp.retryAfterSeconds, 'submissions'), perIp.retryAfterSeconds);
      return;
    }

    const data = dataOf(ctx.request.body);

    // 2. Honeypot: hidden from people, filled by naive bots.
    if (data.website !== undefined && data.website !== null && data.website !== '') {
      refuse(ctx, validationErrorBody('antiabuse.honeypot'));
      return;
    }

    // 3. Signed form token: this form, loaded from this site, neither too recently nor too long ago.
    const token = verifyFormToken(config.formTokenKey, data.formToken, { form, ...config.formToken, now: now() });
    if (!token.ok) {
      refuse(ctx, validationErrorBody(`antiabuse.${token.problem}`));
      return;
    }

    // 4. Proof of work, never used before.
    const altcha = await verifyAltcha(data.altcha, config.altchaKey, now());
    if (!altcha.ok) {
      refuse(ctx, validationErrorBody(`antiabuse.${altcha.problem}`));
      return;
    }
    const usedKey = rateLimitKeys.usedChallenge(altcha.signature);
    // The solution belongs to its form fill: a retry of the same fill (same Idempotency-Key) whose first
    // attempt claimed it and then died before storing anything is not a replay. Only the key's hash is kept.
    const fill = ctx.state.idempotencyKey ? fillOwner(ctx.state.idempotencyKey) : undefined;
    if (await store.has(usedKey, fill)) {
      refuse(ctx, validationErrorBody('antiabuse.challenge_replayed'));
      return;
    }

    // 5. The overall limit, charged only now: a replayed solution charged nothing above.
    const overall = await consumeRateLimit(store, { key: rateLimitKeys.submissionsGlobal(form), limit: submissionsGlobal, windowSeconds });
    if (!overall.allowed) {
      refuse(ctx, rateLimitErrorBody(overall.retryAfterSeconds, 'submissions'), overall.retryAfterSeconds);
      return;
    }

    // 6. Claim the solution: the first request to claim it wins, on every instance sharing the store.
    const ttlMs = altcha.expiresAt - now() + CLOCK_SKEW_MS;
    let claimed: boolean;
    try {
      claimed = await store.setIfAbsent(usedKey, ttlMs, fill);
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      const retryAfterSeconds = Math.ceil(error.retryAfterMs / 1000);
      refuse(ctx, busyErrorBody(retryAfterSeconds), retryAfterSeconds);
      return;
    }
    if (!claimed) {
      refuse(ctx, validationErrorBody('antiabuse.challenge_replayed'));
      return;
    }

    delete data.website;
    delete data.formToken;
    delete data.altcha;
    ctx.state.antiAbuse = { ipHash };
    await next();
  };
}
