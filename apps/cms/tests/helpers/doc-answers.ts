import { expect } from 'vitest';

/**
 * Values that differ from one CMS to another, or from one second to the
 * next: a documented answer shows one, the test's CMS gives another of the
 * same kind. Everything else must be equal.
 */
const VOLATILE_KEYS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'deliveryId', 'eventId', 'entryDocumentId']);
const VOLATILE_HEADERS = new Set(['date', 'etag', 'last-modified', 'x-request-id', 'content-length', 'retry-after', 'ratelimit-reset']);

/** The documented JSON with its volatile values replaced by the actual ones, when both are of the same kind. */
function alignVolatile(documented: unknown, actual: unknown): unknown {
  if (Array.isArray(documented) && Array.isArray(actual)) return documented.map((item, i) => alignVolatile(item, actual[i]));
  if (documented && typeof documented === 'object' && actual && typeof actual === 'object' && !Array.isArray(actual)) {
    return Object.fromEntries(Object.entries(documented).map(([key, value]) => {
      const real = (actual as Record<string, unknown>)[key];
      const sameKind = typeof value === typeof real && (typeof value !== 'string' || /^\d{4}-\d\d-\d\dT/.test(value) === /^\d{4}-\d\d-\d\dT/.test(real as string));
      return [key, VOLATILE_KEYS.has(key) && sameKind ? real : alignVolatile(value, real)];
    }));
  }
  return documented;
}

/** The actual JSON equals the documented one, but for the volatile values (ids and times). */
export function expectDocumentedJson(actual: unknown, documented: unknown, where: string): void {
  expect(actual, where).toEqual(alignVolatile(documented, actual));
}

/**
 * The answer printed by `curl -i` matches the documented one: the same
 * status line, every documented header with its value (volatile ones only
 * present), and the same JSON body.
 */
export function expectDocumentedHttp(actual: { status: number; headers: Headers; body?: string }, documented: string, where: string): void {
  const [head = '', ...rest] = documented.split(/\n\s*\n/);
  const [statusLine = '', ...headerLines] = head.split('\n');
  expect(actual.status, `${where}: ${statusLine}`).toBe(Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1]));
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const real = actual.headers.get(name);
    expect(real, `${where}: header ${name}`).not.toBeNull();
    if (!VOLATILE_HEADERS.has(name)) expect(real, `${where}: header ${name}`).toBe(value);
  }
  const body = rest.join('\n\n').trim();
  if (body) expectDocumentedJson(JSON.parse(actual.body ?? ''), JSON.parse(body), `${where}: body`);
  else expect(actual.body ?? '', `${where}: no body`).toBe('');
}
