import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canReadDrafts, type RequestAuth } from '../preview/token';

/**
 * Strapi 5 lets any role with `find` read drafts with `?status=draft`. The
 * public API serves published content only; drafts are readable solely with a
 * full-access API token or the site's read-only «Anteprima sito» token (used
 * server-side by the site's preview, see src/preview/token.ts).
 */
const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const status = policyContext.request.query?.status as unknown;
  if (status === undefined || status === 'published') return true;

  const { auth } = (policyContext as unknown as { state: { auth?: RequestAuth } }).state;
  if (canReadDrafts(auth)) return true;

  throw new errors.PolicyError(
    'Drafts are not available through the public API: remove the "status" parameter or use status=published.',
  );
};

export default publishedOnly;
