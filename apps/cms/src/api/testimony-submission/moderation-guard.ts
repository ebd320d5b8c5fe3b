import type { Core } from '@strapi/strapi';
import { SUBMISSION_UID } from '../../moderation/contract';
import testimonySubmissionView from './config/admin-view';

/**
 * The fields of a submission that the Content Manager may not write: every
 * field its edit view shows read-only (./config/admin-view.ts),
 * i.e. the moderation state (changed only by the moderation routes, which
 * also publish or unpublish the Testimony), the reader's consents, the raw
 * story and the system fields.
 *
 * The form sends every field back on save, so without this an editor saving
 * a page opened before a colleague approved it would put the old status
 * back, while the testimony stays online.
 */
export const CONTENT_MANAGER_READ_ONLY_FIELDS: readonly string[] = Object.entries(testimonySubmissionView.fields)
  .filter(([, field]) => field.readOnly === true)
  .map(([name]) => name);

const READ_ONLY = new Set(CONTENT_MANAGER_READ_ONLY_FIELDS);

const GUARDED_ACTIONS = new Set(['create', 'update', 'clone']);

interface RouteState {
  route?: { info?: { pluginName?: string } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops the read-only fields from submission writes that come from the Content Manager's routes. */
export function registerModerationGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SUBMISSION_UID || !GUARDED_ACTIONS.has(context.action)) return next();
    const state = strapi.requestContext.get()?.state as RouteState | undefined;
    const params: unknown = context.params;
    if (state?.route?.info?.pluginName === 'content-manager' && isRecord(params) && isRecord(params.data)) {
      params.data = Object.fromEntries(Object.entries(params.data).filter(([field]) => !READ_ONLY.has(field)));
    }
    return next();
  });
}
