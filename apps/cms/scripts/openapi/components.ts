import { bodyTooLargeError, kilobytes } from '../../src/body-limits/errors';
import { CONTENT_API_MAX_BYTES } from '../../src/body-limits/limits';
import { methodNotAllowedEnvelope } from '../../src/middlewares/bare-errors';
import { arrayOf, object, ref, type Schema } from './json-schema';

/**
 * Headers, parameters, responses and envelopes shared by the operations:
 * what the CMS middlewares add to every answer (caching, rate limits) and
 * Strapi's error envelope.
 */

const READ_LIMITS = 'Read limits: per API token with `Authorization: Bearer`, per client address without one (by default 3000 and 300 reads a minute). The headers are absent when the operator turned the limit off.';

export function headers(): Record<string, Schema> {
  const integerHeader = (description: string): Schema => ({ description, schema: { type: 'integer', minimum: 0 } });
  return {
    ETag: {
      description: 'Strong validator of the body. Send it back in `If-None-Match` to get `304 Not Modified` while nothing changed.',
      required: true,
      schema: { type: 'string', pattern: '^"[A-Za-z0-9_-]+"$' },
    },
    LastModified: {
      description: 'The newest `updatedAt` among the entries in `data`, as an HTTP date. Absent when `data` has no entry (an empty list).',
      schema: { type: 'string', pattern: '^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$' },
    },
    CacheControl: {
      description: 'Without `Authorization`: `public, max-age=60, stale-while-revalidate=300`. With an API token: `private, max-age=0, must-revalidate`.',
      required: true,
      schema: { enum: ['public, max-age=60, stale-while-revalidate=300', 'private, max-age=0, must-revalidate'] },
    },
    Vary: {
      description: 'The representation depends on the origin and on the credentials.',
      required: true,
      schema: { type: 'string', pattern: 'Origin.*Authorization|Authorization.*Origin' },
    },
    NoStore: {
      description: 'Private or single-use answers are never cached.',
      required: true,
      schema: { const: 'no-store' },
    },
    RateLimitLimit: integerHeader(`Reads allowed in the current window. ${READ_LIMITS}`),
    RateLimitRemaining: integerHeader('Reads left in the current window.'),
    RateLimitReset: integerHeader('Seconds until the window resets.'),
    RateLimitPolicy: { description: 'The limit and its window in seconds, e.g. `300;w=60`.', schema: { type: 'string', pattern: '^\\d+;w=\\d+$' } },
    RetryAfter: { description: 'Seconds to wait before trying again.', required: true, schema: { type: 'integer', minimum: 1 } },
    Allow: { description: 'The methods this path answers, e.g. `HEAD, GET`.', required: true, schema: { type: 'string', pattern: '^[A-Z]+(, ?[A-Z]+)*$' } },
  };
}

/** HTTP names of the header components. */
const HEADER_NAMES: Record<string, string> = {
  ETag: 'ETag',
  LastModified: 'Last-Modified',
  CacheControl: 'Cache-Control',
  Vary: 'Vary',
  RateLimitLimit: 'RateLimit-Limit',
  RateLimitRemaining: 'RateLimit-Remaining',
  RateLimitReset: 'RateLimit-Reset',
  RateLimitPolicy: 'RateLimit-Policy',
};

const headerRefs = (names: string[]): Record<string, Schema> =>
  Object.fromEntries(names.map((name) => [HEADER_NAMES[name] ?? name, { $ref: `#/components/headers/${name}` }]));

/** The RateLimit-* headers of the read API. */
export const rateLimitHeaders = () => headerRefs(['RateLimitLimit', 'RateLimitRemaining', 'RateLimitReset', 'RateLimitPolicy']);
/** Validators and caching policy of a cacheable 200, plus the read limits. */
export const cacheableHeaders = () => ({ ...headerRefs(['ETag', 'LastModified', 'CacheControl', 'Vary']), ...rateLimitHeaders() });
export const noStoreHeaders = () => ({ 'Cache-Control': { $ref: '#/components/headers/NoStore' } });

export function envelopes(): Record<string, Schema> {
  const fieldError = object(
    {
      field: { type: 'string', description: 'The field, or `_form` for the whole submission.' },
      code: { type: 'string', description: 'Machine-readable, e.g. `story.too_short`, `unknown_field`, `antiabuse.token_expired`, `rate_limited`.' },
      message: { type: 'string', description: 'Italian text for the reader, ready to show.' },
    },
  );
  return {
    Error: object(
      {
        data: { type: 'null' },
        error: object(
          {
            status: { type: 'integer', minimum: 400, maximum: 599 },
            name: { type: 'string', description: 'Strapi error class, e.g. `ValidationError`, `NotFoundError`, `PolicyError`, `UnauthorizedError`, `ForbiddenError`, `RateLimitError`.' },
            message: { type: 'string', description: 'What went wrong and how to fix it (English).' },
            details: { type: 'object', description: 'For invalid query parameters: `key`, `path`, `source`, `param` (and, for a refused `sort`, `allowed`: the fields you can sort on); for a 405, `allow`: the methods the path answers; for a 413, `limit` (bytes) and `errors`; for `/api/search`, `errors` (one per parameter: `field`, `code`, an Italian `message`).' },
          },
          ['status', 'name', 'message'],
        ),
      },
      ['data', 'error'],
      { description: 'Strapi\'s error envelope.' },
    ),
    FieldError: fieldError,
    FormError: object(
      {
        data: { type: 'null' },
        error: object({
          status: { type: 'integer', minimum: 400, maximum: 599 },
          name: { type: 'string' },
          message: { type: 'string', description: 'English summary for developers.' },
          details: object({ errors: arrayOf(ref('FieldError'), { minItems: 1 }) }),
        }),
      },
      ['data', 'error'],
      { description: 'Error of a public form: one coded error per field, with an Italian message for the reader.' },
    ),
    Pagination: {
      description: 'Page-based (`page`, `pageSize`) unless the request used `pagination[start]`/`pagination[limit]`; `total` and `pageCount` are absent with `pagination[withCount]=false`.',
      anyOf: [
        object(
          {
            page: { type: 'integer', minimum: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 100 },
            pageCount: { type: 'integer', minimum: 0 },
            total: { type: 'integer', minimum: 0 },
          },
          ['page', 'pageSize'],
        ),
        object(
          {
            start: { type: 'integer', minimum: 0 },
            limit: { type: 'integer' },
            total: { type: 'integer', minimum: 0 },
          },
          ['start', 'limit'],
        ),
      ],
    },
  };
}

const errorContent = (schema: string, example: Schema) => ({
  'application/json': { schema: ref(schema), example },
});

const errorExample = (status: number, name: string, message: string, details: Schema = {}): Schema => ({
  data: null,
  error: { status, name, message, details },
});

/** The size of the body in the 413 example: the answer to a body of this many bytes is the example, word for word. */
export const OVERSIZED_BODY_EXAMPLE_BYTES = CONTENT_API_MAX_BYTES + 6 * 1024;

/** The CMS's own 413 (src/body-limits/errors.ts) to a body of that size, in Strapi's envelope: the example cannot drift from the live answer. */
const tooLarge = bodyTooLargeError(CONTENT_API_MAX_BYTES, OVERSIZED_BODY_EXAMPLE_BYTES);

export function responses(): Record<string, Schema> {
  return {
    NotModified: {
      description: 'The copy whose ETag was sent in `If-None-Match` (or dated by `If-Modified-Since`) is current. No body.',
      headers: { ...headerRefs(['ETag', 'CacheControl', 'Vary']), ...rateLimitHeaders() },
    },
    BadRequest: {
      description: 'A query parameter is unknown or invalid (the API is strict: only the parameters documented here are accepted).',
      headers: rateLimitHeaders(),
      content: errorContent('Error', errorExample(400, 'ValidationError', 'Invalid key foo', { key: 'foo', path: null, source: 'query', param: 'foo' })),
    },
    Unauthorized: {
      description: 'The `Authorization` header carries an unknown, expired or revoked API token. Send none to read anonymously.',
      headers: rateLimitHeaders(),
      content: errorContent('Error', errorExample(401, 'UnauthorizedError', 'Missing or invalid credentials')),
    },
    Forbidden: {
      description: 'Drafts are not served (`status=draft`), or the token may not use this route.',
      headers: rateLimitHeaders(),
      content: errorContent('Error', errorExample(403, 'PolicyError', 'Drafts are not available through the public API: remove the "status" parameter or use status=published.')),
    },
    NotFound: {
      description: 'No published entry has this documentId (it may never have existed, or have been unpublished or deleted).',
      headers: rateLimitHeaders(),
      content: errorContent('Error', errorExample(404, 'NotFoundError', 'Not Found')),
    },
    TooManyReads: {
      description: 'Read limit reached: wait `Retry-After` seconds.',
      headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' }, ...rateLimitHeaders() },
      content: errorContent('Error', errorExample(429, 'RateLimitError', 'Too many requests: at most 300 reads every 60 s per client address without an API token, retry in 42 s.')),
    },
    FormInvalid: {
      description: 'The request is not valid: one coded error per field (anti-abuse problems are `_form` errors).',
      content: errorContent('FormError', {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'The form token "formToken" is missing: get one from GET /api/form-tokens/:form.',
          details: { errors: [{ field: '_form', code: 'antiabuse.token_missing', message: 'Il modulo è incompleto. Ricarica la pagina (copia prima il tuo testo, per non perderlo) e invia di nuovo.' }] },
        },
      }),
    },
    FormTooManyRequests: {
      description: 'Too many requests or submissions from this address (or overall): wait `Retry-After` seconds.',
      headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
      content: errorContent('FormError', {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: 'Too many requests: retry after 600 seconds.',
          details: { errors: [{ field: '_form', code: 'rate_limited', message: 'Troppe richieste in poco tempo: riprova tra 10 minuti.' }] },
        },
      }),
    },
    MethodNotAllowed: {
      description: 'The path does not answer this method (the public content API is read-only: `POST`, `PUT`, `PATCH`, `DELETE` on content). `Allow` and `error.details.allow` list the methods it answers; a `HEAD` gets no body.',
      headers: { Allow: { $ref: '#/components/headers/Allow' } },
      content: errorContent('Error', { ...methodNotAllowedEnvelope('DELETE', ['GET', 'HEAD']) }),
    },
    PayloadTooLarge: {
      description: `The request body is larger than ${kilobytes(CONTENT_API_MAX_BYTES)}.`,
      content: errorContent('Error', errorExample(413, tooLarge.name, tooLarge.message, tooLarge.details as Schema)),
    },
  };
}

export function parameters(): Record<string, Schema> {
  return {
    DocumentId: {
      name: 'documentId',
      in: 'path',
      required: true,
      description: 'The entry\'s `documentId`.',
      schema: { type: 'string', pattern: '^[a-z0-9]{24}$' },
    },
    PaginationPage: {
      name: 'pagination[page]',
      in: 'query',
      description: 'Page number, from 1.',
      schema: { type: 'integer', minimum: 1, default: 1 },
    },
    PaginationPageSize: {
      name: 'pagination[pageSize]',
      in: 'query',
      description: 'Entries per page: 25 by default, at most 100 (larger values are capped to 100, not refused).',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
    },
    PaginationStart: {
      name: 'pagination[start]',
      in: 'query',
      description: 'Offset pagination: entries to skip (use with `pagination[limit]`, not with page/pageSize).',
      schema: { type: 'integer', minimum: 0 },
    },
    PaginationLimit: {
      name: 'pagination[limit]',
      in: 'query',
      description: 'Offset pagination: entries to return, at most 100.',
      schema: { type: 'integer', minimum: 1, maximum: 100 },
    },
    PaginationWithCount: {
      name: 'pagination[withCount]',
      in: 'query',
      description: 'Whether `meta.pagination` carries `total` and `pageCount` (default true).',
      schema: { type: 'boolean', default: true },
    },
    Status: {
      name: 'status',
      in: 'query',
      description: 'Only `published` (the default). Drafts are never served: `status=draft` answers 403.',
      schema: { const: 'published' },
    },
    IfNoneMatch: {
      name: 'If-None-Match',
      in: 'header',
      description: 'ETag(s) of the copy you have: `304 Not Modified` if it is current.',
      schema: { type: 'string' },
    },
    IfModifiedSince: {
      name: 'If-Modified-Since',
      in: 'header',
      description: 'The `Last-Modified` of the copy you have: `304 Not Modified` if nothing in `data` was updated since (ignored when `If-None-Match` is sent).',
      schema: { type: 'string' },
    },
  };
}
