import type { Core } from '@strapi/strapi';

/**
 * What the contract is built from, read from a loaded Strapi: the content
 * model (attributes, private flags, components), the content-API routes of
 * the app and of its plugins, and the populate each public route applies
 * when the request names none (asked of the route's own `<type>-populate`
 * middleware, so the document shows exactly what the middlewares return).
 */

export interface AttributeModel {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  regex?: string;
  multiple?: boolean;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
}

export interface TypeModel {
  uid: string;
  kind: 'collectionType' | 'singleType' | 'component';
  singularName: string;
  pluralName: string;
  displayName: string;
  attributes: Record<string, AttributeModel>;
}

/** What a populate middleware puts in `ctx.query.populate`: `true`, or fields and nested populate. */
export type PopulateSpec = true | { fields?: string[]; populate?: PopulateMap };
export type PopulateMap = Record<string, PopulateSpec>;

export interface RouteModel {
  method: string;
  /** Strapi's path, relative to the API prefix: `/articles/:id`. */
  path: string;
  /** The full handler, e.g. `api::article.article.find`. */
  handler: string;
  /** `false` for `auth: false` routes; the permission scopes otherwise. */
  auth: false | string[];
  /** `api::<name>` or `plugin::<name>`. */
  owner: string;
  /** For core routes of a content type: its UID and action. */
  contentType?: { uid: string; action: 'find' | 'findOne' };
  /** The populate applied when the request names none (core routes with a `<type>-populate` middleware). */
  defaultPopulate?: PopulateMap;
}

export interface AppModel {
  apiPrefix: string;
  version: string;
  contentTypes: Record<string, TypeModel>;
  components: Record<string, TypeModel>;
  routes: RouteModel[];
  /** Attributes hidden from every response by `api.responses.privateAttributes`. */
  globallyPrivate: string[];
}

interface RawRoute {
  method?: unknown;
  path?: unknown;
  handler?: unknown;
  config?: { auth?: false | { scope?: unknown }; middlewares?: unknown[]; prefix?: string };
  info?: { apiName?: string; pluginName?: string; type?: string };
}

interface RawRouter {
  type?: string;
  prefix?: string;
  routes?: RawRoute[];
}

interface RawSchema {
  kind?: string;
  info?: { singularName?: string; pluralName?: string; displayName?: string };
  attributes?: Record<string, AttributeModel>;
}

const routersOf = (routes: unknown): RawRouter[] => {
  if (!routes || Array.isArray(routes)) return [];
  return Object.values(routes as Record<string, RawRouter>).filter((router) => router && Array.isArray(router.routes));
};

const toTypeModel = (uid: string, schema: RawSchema, kind: TypeModel['kind']): TypeModel => ({
  uid,
  kind,
  singularName: schema.info?.singularName ?? uid.split('.').pop() ?? uid,
  pluralName: schema.info?.pluralName ?? uid.split('.').pop() ?? uid,
  displayName: schema.info?.displayName ?? uid,
  attributes: schema.attributes ?? {},
});

/** The populate a `<type>-populate` middleware applies to a request without one. */
async function populateOf(strapi: Core.Strapi, middlewareName: string): Promise<PopulateMap | undefined> {
  const factory = strapi.middleware(middlewareName) as Core.MiddlewareFactory | undefined;
  if (!factory) throw new Error(`Middleware "${middlewareName}" not found`);
  const ctx = { query: {} as Record<string, unknown> };
  const handler = factory({}, { strapi });
  if (typeof handler !== 'function') throw new Error(`Middleware "${middlewareName}" returned no handler`);
  await handler(ctx as unknown as Parameters<Core.MiddlewareHandler>[0], async () => {});
  const { populate } = ctx.query;
  return typeof populate === 'object' && populate !== null ? (populate as PopulateMap) : undefined;
}

/** The content type and action of a core route (`api::article.article.find`), if it is one. */
function coreRouteOf(strapi: Core.Strapi, handler: string): RouteModel['contentType'] {
  const match = /^(api::[\w-]+\.[\w-]+)\.(find|findOne)$/.exec(handler);
  if (!match || !(strapi.contentTypes as unknown as Record<string, unknown>)[match[1]!]) return undefined;
  return { uid: match[1]!, action: match[2] as 'find' | 'findOne' };
}

async function routesOf(strapi: Core.Strapi, owner: string, routers: RawRouter[]): Promise<RouteModel[]> {
  const routes: RouteModel[] = [];
  for (const router of routers) {
    if (router.type !== 'content-api') continue;
    for (const route of router.routes ?? []) {
      // Koa's router: a route's own `config.prefix` replaces its router's (plugins' routers default to `/<plugin>`).
      const prefix = route.config?.prefix ?? router.prefix ?? (owner.startsWith('plugin::') ? `/${owner.slice('plugin::'.length)}` : '');
      if (typeof route.method !== 'string' || typeof route.path !== 'string') continue;
      const handler = typeof route.handler === 'string'
        ? (route.handler.includes('::') ? route.handler : `${owner}.${route.handler}`)
        : '<function>';
      const auth = route.config?.auth;
      const scopes = auth === false ? false : (Array.isArray(auth?.scope) ? auth.scope.map(String) : []);
      const contentType = coreRouteOf(strapi, handler);
      const populateMiddleware = (route.config?.middlewares ?? []).find(
        (middleware): middleware is string => typeof middleware === 'string' && middleware.endsWith('-populate'),
      );
      routes.push({
        method: route.method.toUpperCase(),
        path: `${prefix}${route.path}`,
        handler,
        auth: scopes,
        owner,
        ...(contentType ? { contentType } : {}),
        ...(populateMiddleware ? { defaultPopulate: await populateOf(strapi, populateMiddleware) } : {}),
      });
    }
  }
  return routes;
}

/** Reads the model from a Strapi whose routes are registered (`strapi.server.mount()` after `load()`). */
export async function readAppModel(strapi: Core.Strapi): Promise<AppModel> {
  const contentTypes: Record<string, TypeModel> = {};
  for (const [uid, schema] of Object.entries(strapi.contentTypes as unknown as Record<string, RawSchema>)) {
    contentTypes[uid] = toTypeModel(uid, schema, schema.kind === 'singleType' ? 'singleType' : 'collectionType');
  }
  const components: Record<string, TypeModel> = {};
  for (const [uid, schema] of Object.entries(strapi.components as unknown as Record<string, RawSchema>)) {
    components[uid] = toTypeModel(uid, schema, 'component');
  }

  const routes: RouteModel[] = [];
  for (const [name, api] of Object.entries(strapi.apis as unknown as Record<string, { routes?: unknown }>)) {
    routes.push(...(await routesOf(strapi, `api::${name}`, routersOf(api.routes))));
  }
  for (const [name, plugin] of Object.entries(strapi.plugins as unknown as Record<string, { routes?: unknown }>)) {
    routes.push(...(await routesOf(strapi, `plugin::${name}`, routersOf(plugin.routes))));
  }

  const info = strapi.config.get<{ version?: string }>('info', {});
  return {
    apiPrefix: strapi.config.get<string>('api.rest.prefix', '/api'),
    version: info.version ?? '0.0.0',
    contentTypes,
    components,
    routes,
    globallyPrivate: strapi.config.get<string[]>('api.responses.privateAttributes', []) ?? [],
  };
}
