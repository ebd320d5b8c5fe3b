/**
 * The site's health endpoints (server/routes/healthz.ts, readyz.ts), answered
 * past the page cache and the render limits (server/plugins/page-cache.ts).
 */
export const LIVENESS_PATH = '/healthz';
export const READINESS_PATH = '/readyz';

export const isHealthPath = (path: string): boolean => path === LIVENESS_PATH || path === READINESS_PATH;
