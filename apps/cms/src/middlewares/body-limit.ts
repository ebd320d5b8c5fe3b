import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export interface BodyLimitConfig {
  /** Largest JSON, form or text body accepted by the content API (`/api/...`), in bytes. */
  contentApiMaxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024;

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/**
 * A tighter body limit for the public content API than for the admin
 * (`strapi::body` keeps a limit large enough for editors saving long
 * articles). Runs before `strapi::body` and refuses, with Strapi's 413
 * envelope, any non-multipart `/api/...` request whose Content-Length is
 * over the limit: browsers always send Content-Length, and a chunked body
 * without it is still capped by `strapi::body`'s own limits.
 * Multipart uploads are left to `strapi::body` (formidable's maxFileSize).
 */
const bodyLimit: Core.MiddlewareFactory<BodyLimitConfig | undefined> = (config, { strapi }) => {
  const maxBytes = config?.contentApiMaxBytes ?? DEFAULT_MAX_BYTES;
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');

  return async (ctx, next) => {
    const isContentApi = ctx.path === prefix || ctx.path.startsWith(`${prefix}/`);
    const length = ctx.request.length;
    if (isContentApi && length !== undefined && length > maxBytes && !ctx.is('multipart')) {
      throw new errors.PayloadTooLargeError(
        `Request body too large: ${kilobytes(length)} sent, the public API accepts at most ${kilobytes(maxBytes)}.`,
        { limit: maxBytes },
      );
    }
    await next();
  };
};

export default bodyLimit;
