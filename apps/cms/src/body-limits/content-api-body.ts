import type { Core } from '@strapi/strapi';
import { CONTENT_API_MAX_BYTES } from './limits';

/** The config of `strapi::body` in config/middlewares.ts: koa-body's options, plus the content API's limit. */
export interface BodyConfigWithContentApiLimit extends Record<string, unknown> {
  /**
   * Largest JSON, form or text body of the content API (`/api/...`), in
   * bytes. Enforced by the parser on the stream as it reads it: a chunked
   * body without Content-Length is cut at this size too (413), never read
   * up to the admin's limit first.
   */
  contentApiMaxBytes?: number;
}

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields a multipart body of the content API may have (no public route takes multipart). */
const CONTENT_API_MAX_FIELDS = 100;

/**
 * Wraps Strapi's body parser (`strapi::body`, koa-body) so that it has two
 * sets of limits: the admin keeps the configured ones (editors save whole
 * articles and upload media), the public content API gets
 * `contentApiMaxBytes` for JSON, form and text bodies, and for a multipart
 * body's fields and files together (formidable), all counted on the stream
 * as it is read. Errors go through the configured `onError` (a 413 in
 * Strapi's envelope, config/middlewares.ts).
 */
export function withContentApiBodyLimit(strapiBody: Core.MiddlewareFactory): Core.MiddlewareFactory<BodyConfigWithContentApiLimit | undefined> {
  return (config, { strapi }) => {
    const { contentApiMaxBytes = CONTENT_API_MAX_BYTES, ...bodyConfig } = config ?? {};
    const forAdmin = strapiBody(bodyConfig, { strapi });
    const formidable = isRecord(bodyConfig.formidable) ? bodyConfig.formidable : {};
    const forContentApi = strapiBody(
      {
        ...bodyConfig,
        jsonLimit: contentApiMaxBytes,
        formLimit: contentApiMaxBytes,
        textLimit: contentApiMaxBytes,
        formidable: { ...formidable, maxFileSize: contentApiMaxBytes, maxFieldsSize: contentApiMaxBytes, maxFields: CONTENT_API_MAX_FIELDS },
      },
      { strapi },
    );
    if (!forAdmin || !forContentApi) throw new Error('strapi::body gave no middleware: cannot apply the content API body limit.');
    const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
    return (ctx, next) => (isUnder(ctx.path, prefix) ? forContentApi : forAdmin)(ctx, next);
  };
}

interface MiddlewareRegistry {
  extend(uid: string, extendFn: (middleware: Core.MiddlewareFactory) => Core.MiddlewareFactory): unknown;
}

/**
 * Replaces `strapi::body` by its wrapped version (called in `register()`,
 * before Strapi builds its middleware stack). Strapi requires a middleware
 * of that name in config/middlewares.ts, so it is extended, not replaced by
 * a `global::` one.
 */
export function registerContentApiBodyLimit(strapi: Core.Strapi): void {
  (strapi.get('middlewares') as MiddlewareRegistry).extend('strapi::body', withContentApiBodyLimit);
}
