import { AxiosError } from 'axios';
import type { StrapiError } from './errors';

/**
 * When the client retries a failed request. Only idempotent reads (`GET`,
 * `HEAD`) are retried, never the forms' `POST`s: a write that failed is
 * reported at once.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns them off). */
  retries?: number;
  /** Backoff before the first retry, in ms (default 500), doubled at each retry, with jitter. */
  retryDelayMs?: number;
  /**
   * The longest the client waits before a retry, in ms (default 30 000). A
   * 429 or 503 whose `Retry-After` asks for more fails at once (a
   * `rate_limited` or `server` error carrying `retryAfterSeconds`) instead of
   * waiting or coming back too early: a page being rendered should set this
   * low, a nightly sync job can set it high.
   */
  maxRetryDelayMs?: number;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  /** The retry about to be made: 1 for the first retry. */
  retry: number;
  /** How long the client waits before it, in ms. */
  delayMs: number;
  /** The failure that is being retried. */
  error: StrapiError;
}

export interface RetryPolicy {
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  retries: 2,
  retryDelayMs: 500,
  maxRetryDelayMs: 30_000,
  onRetry: undefined,
};

export function retryPolicy(options: RetryOptions): RetryPolicy {
  const whole = (value: number | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`createStrapiClient: ${name} must be a number >= 0, got ${value}`);
    return Math.floor(value);
  };
  return {
    retries: whole(options.retries, DEFAULT_RETRY_POLICY.retries, 'retries'),
    retryDelayMs: whole(options.retryDelayMs, DEFAULT_RETRY_POLICY.retryDelayMs, 'retryDelayMs'),
    maxRetryDelayMs: whole(options.maxRetryDelayMs, DEFAULT_RETRY_POLICY.maxRetryDelayMs, 'maxRetryDelayMs'),
    onRetry: options.onRetry,
  };
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD']);
/** Answers that say "not now": rate limited, and the gateway/unavailable family of a restarting CMS. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/**
 * Network failures that are not retried: the caller cancelled, or the request
 * timed out (a retry would make the whole call last (retries + 1) × timeout;
 * raise `timeout` instead).
 */
const FINAL_NETWORK_CODES = new Set([AxiosError.ECONNABORTED, AxiosError.ETIMEDOUT, AxiosError.ERR_CANCELED]);

function isRetryableNetworkFailure(cause: unknown): boolean {
  if (!(cause instanceof AxiosError) || cause.response) return false;
  return !FINAL_NETWORK_CODES.has(cause.code ?? '');
}

/**
 * How long to wait before retry number `retry` (1-based) of a request that
 * failed with `error`, or undefined when it must not be retried.
 * `Retry-After` is honoured as a floor; otherwise exponential backoff with
 * "equal jitter": half the doubled delay, plus a random part of the other half.
 */
export function retryDelay(error: StrapiError, retry: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (retry > policy.retries || !IDEMPOTENT_METHODS.has(error.method)) return undefined;
  const retryable = error.status === 0 ? isRetryableNetworkFailure(error.cause) : RETRYABLE_STATUSES.has(error.status);
  if (!retryable) return undefined;

  if (error.retryAfterSeconds !== undefined) {
    const asked = error.retryAfterSeconds * 1000;
    if (asked > policy.maxRetryDelayMs) return undefined;
    // A little spread so that many clients told the same second do not all come back at once.
    return Math.min(policy.maxRetryDelayMs, asked + Math.round(random() * Math.min(1000, policy.retryDelayMs)));
  }
  const ceiling = Math.min(policy.maxRetryDelayMs, policy.retryDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * `Retry-After` in seconds: a number of seconds, or an HTTP date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date always names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT").
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
