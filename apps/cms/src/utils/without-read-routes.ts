/**
 * A read-only API token may call EVERY content-API route whose action ends
 * in `find` or `findOne` (the rule of @strapi/admin's content-api-token
 * strategy), not only those of our public types: out of the box that
 * includes `GET /api/users`, `/api/users/:id`, `/api/users-permissions/roles`
 * and `/api/upload/files`, i.e. accounts, roles and every uploaded file,
 * drafts' media included. The site has no accounts and serves media only
 * through the content that uses them, so plugins' read routes are dropped
 * from the content API (their admin routes stay: the admin panel uses those).
 * tests/partner-access.test.ts checks that no read route is left besides the
 * public types' find/findOne.
 */

interface Route {
  handler?: unknown;
}

interface Router {
  type?: string;
  routes: Route[];
}

type RouterInput = Router | ((...args: unknown[]) => Router);

export interface PluginWithRoutes {
  routes?: Route[] | Record<string, RouterInput>;
}

/** Strapi's own test for a read scope (`plugin::upload.content-api.find`), applied to the route's handler. */
export const isReadHandler = (handler: unknown): boolean =>
  typeof handler === 'string' && (handler.endsWith('find') || handler.endsWith('findOne'));

/** The plugin, its content-API router (a router or a router factory) without the read routes. */
export function withoutContentApiReadRoutes<P extends PluginWithRoutes>(plugin: P): P {
  const { routes } = plugin;
  if (!routes || Array.isArray(routes)) return plugin;
  const original = routes['content-api'];
  if (!original) return plugin;
  routes['content-api'] = (...args: unknown[]): Router => {
    const router = typeof original === 'function' ? original(...args) : original;
    return { ...router, routes: router.routes.filter((route) => !isReadHandler(route.handler)) };
  };
  return plugin;
}
