import type { Core } from '@strapi/strapi';
import { buyLink } from './buy-link';
import { bookFormat } from './format';
import { legalReference } from './legal-reference';
import { seo } from './seo';
import { socialLink } from './social-link';
import type { AnyAdminView } from './types';

export * from './types';

/** The Content Manager views of the components (components have no API folder of their own). */
export const COMPONENT_VIEWS: readonly AnyAdminView[] = [seo, buyLink, legalReference, socialLink, bookFormat];

/** The name of a content type's view in its API's config: `src/api/<api>/config/admin-view.ts`. */
export const ADMIN_VIEW_CONFIG = 'admin-view';

const isAdminView = (value: unknown): value is AnyAdminView => {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Partial<AnyAdminView>;
  return typeof view.uid === 'string' && typeof view.fields === 'object' && view.fields !== null && Array.isArray(view.layouts?.edit);
};

/**
 * Every Content Manager view kept in code, by uid: each API's
 * `config/admin-view.ts` (Strapi loads it as the config
 * `api::<api>.admin-view`), then the components'. A view whose uid is not a
 * content type of its own API is left out: `syncAdminViews` then reports
 * that type's view as missing.
 */
export function adminViews(strapi: Core.Strapi): Readonly<Record<string, AnyAdminView>> {
  const views: Record<string, AnyAdminView> = {};
  for (const api of Object.keys(strapi.apis).sort()) {
    const view: unknown = strapi.config.get(`api::${api}.${ADMIN_VIEW_CONFIG}`);
    if (isAdminView(view) && view.uid.startsWith(`api::${api}.`)) views[view.uid] = view;
  }
  for (const view of COMPONENT_VIEWS) views[view.uid] = view;
  return views;
}
