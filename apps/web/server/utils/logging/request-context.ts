import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the request being served, for every log line written while it is
 * (server/plugins/structured-logs.ts): the page cache's and the CMS reader's
 * warnings, Nuxt's own errors, not only the request line.
 */
const storage = new AsyncLocalStorage<string>();

export const runWithRequestId = <T>(requestId: string, callback: () => T): T => storage.run(requestId, callback);

export const currentRequestId = (): string | undefined => storage.getStore();
