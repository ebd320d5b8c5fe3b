import type { Core } from '@strapi/strapi';
import { bodyTooLargeError } from '../body-limits/errors';
import { CONTENT_API_MAX_BYTES } from '../body-limits/limits';

export interface BodyLimitConfig {
  /** Largest JSON, form or text body accepted by the content API (`/api/...`), in bytes. */
  contentApiMaxBytes?: number;
}

/**
 * A tighter body limit for the public content API than for the admin
 * (editors save long articles). Runs before the body parser and refuses,
 * with Strapi's 413 envelope and the size sent, any non-multipart
 * `/api/...` request whose Content-Length is over the limit, before a byte
 * is read. A chunked body (no Content-Length) is cut at the same size by
 * the parser itself, as it reads the stream (src/body-limits/content-api-body.ts).
 * Multipart uploads are left to `strapi::body` (formidable's maxFileSize).
 */
const bodyLimit: Core.MiddlewareFactory<BodyLimitConfig | undefined> = (config, { strapi }) => {
  const maxBytes = config?.contentApiMaxBytes ?? CONTENT_API_MAX_BYTES;
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');

  return async (ctx, next) => {
    const isContentApi = ctx.path === prefix || ctx.path.startsWith(`${prefix}/`);
    const length = ctx.request.length;
    if (isContentApi && length !== undefined && length > maxBytes && !ctx.is('multipart')) {
      throw bodyTooLargeError(maxBytes, length);
    }
    await next();
  };
};

export default bodyLimit;
