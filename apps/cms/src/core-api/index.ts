import { factories } from '@strapi/strapi';
import type { Core, UID } from '@strapi/strapi';
import { CONTENT_TYPE_NAMES, PUBLIC_CONTENT_TYPES, uidOf, type ContentTypeName } from '@chiudete/types';
import { publicReadRouter } from './public-read-router';

/**
 * What every content type of the registry (@chiudete/types) gets without a
 * file of its own: Strapi's core service and controller, and for a public
 * type the read-only content API (`publicReadRouter`), with the type's
 * `<type>-populate` middleware when its room has one. A type that needs
 * more writes the file in its room (`src/api/<type>/controllers/…`) and that
 * file wins: nothing here replaces what a room declares.
 *
 * Called in `register()`, after Strapi loaded the rooms and before it
 * builds the routes (bootstrap), so the routes, their permission actions and
 * the OpenAPI model see these as if they were files.
 */
export function registerCoreApis(strapi: Core.Strapi): void {
  const controllers = strapi.get('controllers');
  const services = strapi.get('services');
  for (const type of CONTENT_TYPE_NAMES) {
    const uid = uidOf(type) as UID.ContentType;
    const api = strapi.api(apiNameOf(type, uid));
    if (!api) throw new Error(`The registry names the content type "${type}" (${uid}) but src/api has no such API.`);
    const namespace = `api::${apiNameOf(type, uid)}`;
    if (!services.keys().includes(uid)) services.add(namespace, { [type]: factories.createCoreService(uid) });
    if (!controllers.keys().includes(uid)) controllers.add(namespace, { [type]: factories.createCoreController(uid) });
    if (isPublic(type) && !hasContentApiRoutes(api.routes)) {
      const populate = strapi.get('middlewares').get(`${uid}-populate`) !== undefined;
      // What a `routes/<type>.ts` file exports; Strapi reads its routes when it builds the router (bootstrap).
      api.routes = { ...api.routes, [type]: publicReadRouter(uid, { populate }) as unknown as Core.Router };
    }
  }
}

const isPublic = (type: ContentTypeName): boolean => (PUBLIC_CONTENT_TYPES as readonly ContentTypeName[]).includes(type);

/** A uid `api::<api>.<type>` is in the API `<api>`. */
const apiNameOf = (type: ContentTypeName, uid: string): string => /^api::([\w-]+)\./.exec(uid)?.[1] ?? type;

/** Whether a room already declares routes of its own (a file in `routes/`). */
const hasContentApiRoutes = (routes: unknown): boolean => typeof routes === 'object' && routes !== null && Object.keys(routes).length > 0;
