import type { FieldError } from './forms/field-error';

/** Strapi's error envelope: `{ error: { status, name, message, details } }`. */
export interface StrapiErrorBody {
  status: number;
  name: string;
  message: string;
  details?: unknown;
}

/**
 * What went wrong, in one word to branch on:
 * - `not_found` 404: no published entry with that id, or no such endpoint;
 * - `validation` 400, 413, 422: the request is wrong (e.g. an unknown filter
 *   or parameter, refused by the API's strict parameters): fix the call;
 * - `unauthorized` 401: missing, invalid or expired API token;
 * - `forbidden` 403: the token may not do this (e.g. `?status=draft`);
 * - `rate_limited` 429: too many requests; `retryAfterSeconds` says when to come back;
 * - `server` 5xx: the CMS failed or is unavailable (503 during a restart);
 * - `network` no HTTP answer: connection refused or reset, DNS, timeout;
 * - `unexpected` any other status.
 */
export type StrapiErrorKind
  = | 'not_found'
    | 'validation'
    | 'unauthorized'
    | 'forbidden'
    | 'rate_limited'
    | 'server'
    | 'network'
    | 'unexpected';

export function errorKindOf(status: number): StrapiErrorKind {
  if (status === 0) return 'network';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 413 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  if (status >= 500 && status <= 599) return 'server';
  return 'unexpected';
}

export interface StrapiErrorInit {
  method: string;
  url: string;
  status: number;
  statusText?: string;
  body?: StrapiErrorBody;
  retryAfterSeconds?: number;
  /** How many requests were made before giving up (1 when no retry happened). */
  attempts?: number;
  /**
   * The field errors of the answer (`details.errors`), when they were read
   * from a body that is not a whole envelope; by default those of `body`.
   */
  fieldErrors?: readonly FieldError[];
  cause?: unknown;
}

/**
 * Every failure of the client: says what was requested and what came back,
 * e.g. `[GET] "http://cms/api/articles?…": 404 Not Found (NotFoundError: …)`.
 * `status` is 0 when no HTTP answer arrived (network error, timeout); `kind`
 * classifies the failure (see `StrapiErrorKind`).
 */
/**
 * Marks every StrapiError, whatever copy of this package made it: a bundler
 * may include the package twice (the site's server bundles one copy for its
 * CMS reader and one for the app), and `instanceof` would then fail across
 * the two. `Symbol.for` is one symbol per process.
 */
const STRAPI_ERROR_BRAND = Symbol.for('@chiudete/types.StrapiError');

export class StrapiError extends Error {
  /** True for a StrapiError made by any copy of this package (see STRAPI_ERROR_BRAND). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[STRAPI_ERROR_BRAND] === true;
  }

  override readonly name = 'StrapiError';
  readonly [STRAPI_ERROR_BRAND] = true;
  readonly kind: StrapiErrorKind;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly body: StrapiErrorBody | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly attempts: number;
  /**
   * What the API said was wrong with each field (`details.errors` of a 400,
   * or of a 429 `antiabuse.busy`), e.g. `{ field: 'story', code:
   * 'story.too_short', message }`, `field` being the field's path (`_form`
   * for the whole request); empty when the answer named none. Forms read
   * this, never the envelope.
   */
  readonly fieldErrors: readonly FieldError[];

  constructor(init: StrapiErrorInit) {
    const reason = init.status ? `${init.status} ${init.statusText ?? ''}`.trim() : describeCause(init.cause);
    const detail = init.body ? ` (${init.body.name}: ${init.body.message})` : '';
    const tries = init.attempts && init.attempts > 1 ? ` after ${init.attempts} attempts` : '';
    super(`[${init.method.toUpperCase()}] "${init.url}": ${reason}${detail}${tries}`, { cause: init.cause });
    this.kind = errorKindOf(init.status);
    this.method = init.method.toUpperCase();
    this.url = init.url;
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.attempts = init.attempts ?? 1;
    this.fieldErrors = init.fieldErrors ?? fieldErrorsOf(init.body?.details);
  }

  get isNotFound(): boolean {
    return this.kind === 'not_found';
  }

  /** Whether the same request may succeed later as is: rate limits, server errors, network failures. */
  get isTransient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'network';
  }
}

/** `error` is a `StrapiError` (of the given kind, when one is given). */
export function isStrapiError(error: unknown, kind?: StrapiErrorKind): error is StrapiError {
  return error instanceof StrapiError && (kind === undefined || error.kind === kind);
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `request failed: ${cause.message}`;
  return 'request failed';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof code === 'string' && typeof message === 'string';
}

/** The well-formed entries of an error's `details.errors` (the CMS's and the site's relay's `FieldError[]`). */
export function fieldErrorsOf(details: unknown): FieldError[] {
  const errors = typeof details === 'object' && details !== null && 'errors' in details ? details.errors : undefined;
  return Array.isArray(errors) ? errors.filter(isFieldError) : [];
}

export function isStrapiErrorBody(value: unknown): value is StrapiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { status, name, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof name === 'string' && typeof message === 'string';
}
