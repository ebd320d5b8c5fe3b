import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the request being served, for every log line written while it is
 * (src/middlewares/request-logger.ts runs the rest of the request inside it):
 * Strapi's own lines, an error's stack, a service's warning, not only the
 * request line itself.
 */
const storage = new AsyncLocalStorage<string>();

export const runWithRequestId = <T>(requestId: string, callback: () => T): T => storage.run(requestId, callback);

export const currentRequestId = (): string | undefined => storage.getStore();
