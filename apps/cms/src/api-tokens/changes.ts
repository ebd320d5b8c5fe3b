import type { Core } from '@strapi/strapi';

/** The tables behind Settings > API Tokens: the tokens and the permissions of custom ones. */
const TOKEN_MODELS = ['admin::api-token', 'admin::api-token-permission'];

/** Strapi stamps `lastUsedAt` on a token at most once an hour while it is used: not a change of what it may read. */
const BOOKKEEPING_FIELDS = new Set(['lastUsedAt', 'updatedAt']);

interface LifecycleEvent {
  action: string;
  params?: { data?: unknown };
}

/** Whether a database event changes a token or its permissions (created, regenerated, retyped, revoked...). */
export function isTokenChange(event: LifecycleEvent): boolean {
  if (!event.action.startsWith('after')) return false;
  if (event.action !== 'afterUpdate' && event.action !== 'afterUpdateMany') return true;
  const data = event.params?.data;
  if (typeof data !== 'object' || data === null) return true;
  return Object.keys(data).some((field) => !BOOKKEEPING_FIELDS.has(field));
}

/**
 * Calls `listener` after every change to API tokens, whoever makes it (the
 * admin, the token service, the managed tokens at start), right after the
 * write: revoking or regenerating a token in the admin takes effect before
 * the admin's request returns. Used by the read limits' memory of verified
 * tokens and by the response cache.
 */
export function onApiTokenChange(strapi: Core.Strapi, listener: () => void | Promise<void>): void {
  const handler = async (event: LifecycleEvent) => {
    if (isTokenChange(event)) await listener();
  };
  strapi.db.lifecycles.subscribe({
    models: TOKEN_MODELS,
    afterCreate: handler,
    afterCreateMany: handler,
    afterUpdate: handler,
    afterUpdateMany: handler,
    afterDelete: handler,
    afterDeleteMany: handler,
  });
}
