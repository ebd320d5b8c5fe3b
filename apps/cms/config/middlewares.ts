import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { bodyTooLargeError, malformedBodyError } from '../src/body-limits/errors';
import { CONTENT_API_MAX_BYTES } from '../src/body-limits/limits';
import { readS3UploadConfig, s3PublicOrigin, s3UploadEnv } from '../src/uploads/s3-config';

/** Body limits: the admin saves whole articles; the public API only gets small forms (src/middlewares/body-limit.ts, src/body-limits). */
const ADMIN_JSON_LIMIT = '1mb';
const SMALL_BODY_LIMIT = '64kb';

interface BodyParseError {
  status?: number;
  type?: string;
  limit?: number;
  /** formidable's (multipart) errors carry their status here. */
  httpCode?: number;
}

/**
 * koa-body's parse errors as Strapi errors, so that the `strapi::errors`
 * envelope carries a clear message (a 413, never a 500) and nothing is
 * logged as an internal error.
 */
function onBodyError(error: Error & BodyParseError): never {
  if (error.status === 413 || error.type === 'entity.too.large') {
    throw bodyTooLargeError(typeof error.limit === 'number' ? error.limit : undefined);
  }
  if (error.status === 400 && (error instanceof SyntaxError || error.type === 'entity.parse.failed')) {
    throw malformedBodyError();
  }
  // formidable (multipart): a file over maxFileSize is left to strapi::body (413 FileTooBig, which the
  // admin's upload expects); its other refusals (fields too large or too many, a malformed body) are
  // a 4xx here, not an internal error.
  if (typeof error.httpCode === 'number' && error.httpCode >= 400 && error.httpCode < 500 && !error.message.includes('maxFileSize')) {
    throw error.httpCode === 413 ? bodyTooLargeError(undefined) : malformedBodyError();
  }
  throw error;
}

interface CorsRequest {
  method: string;
  get(header: string): string;
}

/**
 * Published content is public: any origin may read it (GET/HEAD, without
 * credentials). No origin may write from a browser: readers send the public
 * forms to the site, whose server relays them (issue #16; src/site-token/client-address.ts).
 */
const corsOrigin = (ctx: CorsRequest): string[] => {
  const method = ctx.method === 'OPTIONS' ? ctx.get('Access-Control-Request-Method').toUpperCase() : ctx.method;
  return method === 'GET' || method === 'HEAD' ? ['*'] : [];
};

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * Strapi's default CSP, plus the public origin of the S3 uploads when S3_BUCKET is set
 * (src/uploads/s3-config.ts): the admin's media library shows (img, media) and fetches
 * (connect: cropping, downloads) the files there. The lists are whole: Strapi fills
 * shorter arrays from its defaults index by index.
 */
function security(env: Env): Core.Config.Middlewares[number] {
  const s3 = readS3UploadConfig(s3UploadEnv((name) => env(name, '')));
  if (!s3) return 'strapi::security';
  const origin = s3PublicOrigin(s3);
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': [...CSP_DEFAULTS['connect-src'], origin],
          'img-src': [...CSP_DEFAULTS['img-src'], origin],
          'media-src': [...CSP_DEFAULTS['media-src'], origin],
        },
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // First: parsed queries cached without a prototype (`?__proto__` would otherwise reach Object.prototype).
  'global::safe-query',
  'global::request-logger',
  // The reader's address relayed by the site's server, believed only with the site's token (src/site-token/client-address.ts).
  'global::site-client-address',
  'strapi::errors',
  // The router's bare 405/501 (other methods) in Strapi's error envelope, as a 405.
  'global::bare-errors',
  // /_health/live and /_health/ready (src/health): before the read limits and caches, so probes are never counted or cached.
  'global::health',
  security(env),
  {
    name: 'strapi::cors',
    config: {
      origin: corsOrigin,
      credentials: false,
      methods: ['GET', 'HEAD', 'OPTIONS'],
      // Conditional requests too: a partner's script revalidating with its ETag (docs/partners-caching.md).
      headers: ['Content-Type', 'Authorization', 'If-None-Match', 'If-Modified-Since'],
      // Readable by browser scripts: the wait after a 429, caching validators, the read limits.
      expose: ['Retry-After', 'ETag', 'Last-Modified', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'Deprecation', 'Sunset', 'Link'],
    },
  },
  'strapi::poweredBy',
  // Deprecation, Sunset and Link on the routes being retired (config/deprecations.ts, src/deprecations).
  'global::deprecations',
  // Rate limits of the public read API, per API token or client IP (src/middlewares/read-rate-limit.ts).
  // After CORS, so that a 429 is readable by browser scripts; before caching, so that 304s count too.
  'global::read-rate-limit',
  // Response cache of the public read routes (src/api-cache): after the read limits, so that hits count too;
  // before http-cache, whose validators it stores and replays (docs/partners-caching.md).
  'global::api-cache',
  // ETag, Last-Modified, Cache-Control and 304s of the public content API (docs/partners-caching.md).
  'global::http-cache',
  'strapi::query',
  // A Content-Length over the limit is refused before any byte is read, with the size in the message.
  { name: 'global::body-limit', config: { contentApiMaxBytes: CONTENT_API_MAX_BYTES } },
  // Extended in register() (src/body-limits): the content API's limit applies to the stream itself (chunked bodies too).
  {
    name: 'strapi::body',
    config: {
      jsonLimit: ADMIN_JSON_LIMIT,
      formLimit: SMALL_BODY_LIMIT,
      textLimit: SMALL_BODY_LIMIT,
      onError: onBodyError,
      contentApiMaxBytes: CONTENT_API_MAX_BYTES,
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
