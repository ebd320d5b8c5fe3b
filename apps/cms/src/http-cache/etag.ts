import { createHash } from 'node:crypto';

/**
 * Pure helpers of the `global::http-cache` middleware: validators computed
 * from a JSON response and the conditional-request checks of RFC 9110 §13.
 */

/** Cache-Control of public content read without credentials: one minute fresh, then five of stale-while-revalidate. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/** Cache-Control of content read with an API token: the caller's own cache only, always revalidated. */
export const PRIVATE_CACHE_CONTROL = 'private, max-age=0, must-revalidate';

export const cacheControlFor = (hasAuthorization: boolean): string =>
  hasAuthorization ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;

/**
 * The JSON text Koa will send for this body (it serializes objects with a
 * plain `JSON.stringify`), or undefined when the body is not JSON data:
 * no body, a stream, a buffer, or a string of another type.
 */
export function serializeJsonBody(body: unknown, isJsonType: boolean): string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return isJsonType ? body : undefined;
  if (typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return undefined;
  return JSON.stringify(body);
}

/** A strong ETag: the quoted base64url SHA-1 of the serialized body. */
export const strongETag = (serialized: string): string =>
  `"${createHash('sha1').update(serialized).digest('base64url')}"`;

const timeOf = (value: unknown): number | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : time;
};

/**
 * The newest `updatedAt` of the response's `data` (one document or a list),
 * as a Date, or undefined when no entry carries one.
 */
export function newestUpdatedAt(body: unknown): Date | undefined {
  if (typeof body !== 'object' || body === null || !('data' in body)) return undefined;
  const { data } = body as { data: unknown };
  const entries: unknown[] = Array.isArray(data) ? data : [data];
  let newest: number | undefined;
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const time = timeOf((entry as { updatedAt?: unknown }).updatedAt);
    if (time !== undefined && (newest === undefined || time > newest)) newest = time;
  }
  return newest === undefined ? undefined : new Date(newest);
}

/** `If-None-Match` matches `etag` with the weak comparison: `*`, or any listed tag equal once `W/` is dropped. */
export function ifNoneMatchMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const wanted = opaque(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

export interface Validators {
  etag: string;
  lastModified?: Date;
}

export interface ConditionalHeaders {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/**
 * Whether the client's copy is current (answer 304): `If-None-Match` decides
 * when present; otherwise `If-Modified-Since` at or after `Last-Modified`,
 * both at the one-second precision of HTTP dates.
 */
export function isNotModified(request: ConditionalHeaders, validators: Validators): boolean {
  if (request.ifNoneMatch) return ifNoneMatchMatches(request.ifNoneMatch, validators.etag);
  if (!request.ifModifiedSince || !validators.lastModified) return false;
  const since = Date.parse(request.ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(validators.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
