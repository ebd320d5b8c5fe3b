import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES, uidOf, type ContentTypeUid, type PublicContentType } from '@chiudete/types';

/** Content types the Public role (and read-only partner tokens) may read: the registry's public types. */
export const PUBLIC_READABLE_TYPES: ReadonlyArray<ContentTypeUid<PublicContentType>> = PUBLIC_CONTENT_TYPES.map(uidOf);

const isSingleType = (uid: string): boolean => PUBLIC_CONTENT_TYPES.some((type) => CONTENT_TYPE_REGISTRY[type].uid === uid && CONTENT_TYPE_REGISTRY[type].kind === 'singleType');

/** A single type has one entry: `find` only. */
const actionsFor = (uid: string): string[] =>
  isSingleType(uid) ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`];

/**
 * Read-only actions that are not a content type's find/findOne: site search (src/api/search), the sitemap
 * source (src/api/sitemap), the Osservatorio's aggregates and downloads (src/api/osservatorio).
 */
const PUBLIC_EXTRA_ACTIONS = [
  'api::search.search.find',
  'api::sitemap.sitemap.find',
  'api::sitemap.sitemap.findOne',
  'api::osservatorio.osservatorio.find',
  'api::osservatorio.osservatorio.findOne',
] as const;

/** Every action the Public role has: nothing else (no sign-up, no login: the site has no accounts). */
export const PUBLIC_ACTIONS: readonly string[] = [...PUBLIC_READABLE_TYPES.flatMap(actionsFor), ...PUBLIC_EXTRA_ACTIONS];

/**
 * Read actions that API tokens may call and the Public role may not: a
 * partner's own webhook delivery log, whose route takes API tokens only
 * (src/api/webhook-delivery/routes/partner-log.ts) and shows each token the
 * webhooks linked to it.
 */
export const TOKEN_ONLY_READ_ACTIONS: readonly string[] = ['api::webhook-delivery.partner-log.find'];

/**
 * Idempotently gives the users-permissions Public role exactly
 * find/findOne on the public content types: grants what is missing and
 * revokes every other action (including the plugin's default sign-up and
 * login routes, and anything someone may have ticked in the admin).
 */
export async function syncPublicPermissions(strapi: Core.Strapi): Promise<{ granted: string[]; revoked: string[] }> {
  const roleQuery = strapi.db.query('plugin::users-permissions.role');
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');

  const publicRole = await roleQuery.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('users-permissions Public role not found: is the plugin installed?');

  const current: Array<{ id: number; action: string }> = await permissionQuery.findMany({
    where: { role: publicRole.id },
    select: ['id', 'action'],
  });
  const currentActions = new Set(current.map((p) => p.action));
  const wanted = new Set(PUBLIC_ACTIONS);

  const granted = PUBLIC_ACTIONS.filter((action) => !currentActions.has(action));
  for (const action of granted) {
    await permissionQuery.create({ data: { action, role: publicRole.id } });
  }

  const stale = current.filter((p) => !wanted.has(p.action));
  if (stale.length > 0) {
    await permissionQuery.deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
  }

  await disableSignUp(strapi);
  return { granted, revoked: stale.map((p) => p.action) };
}

/** Readers never get accounts: turn off users-permissions' public sign-up. */
async function disableSignUp(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ value: { ...advanced, allow_register: false } });
  }
}
