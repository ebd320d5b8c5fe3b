/**
 * Largest JSON, form or text body of the public content API (`/api/...`),
 * in bytes: refused with a 413 by Content-Length (src/middlewares/body-limit.ts)
 * and on the stream (content-api-body.ts), described by the OpenAPI document.
 * The admin keeps larger limits (config/middlewares.ts).
 */
export const CONTENT_API_MAX_BYTES = 64 * 1024;
