/**
 * The CMS's health endpoints (src/middlewares/health.ts). Strapi's own
 * `/_health` (204 once the server is up) stays as it is.
 */
export const LIVENESS_PATH = '/_health/live';
export const READINESS_PATH = '/_health/ready';

export const isHealthProbe = (path: string): boolean => path === '/_health' || path === LIVENESS_PATH || path === READINESS_PATH;
