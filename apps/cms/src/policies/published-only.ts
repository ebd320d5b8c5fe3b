import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { type?: string };
}

/**
 * Strapi 5 lets any role with `find` read drafts with `?status=draft`. The
 * public API serves published content only; drafts are readable solely with a
 * full-access API token (used server-side by the site's preview).
 */
const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const status = policyContext.request.query?.status as unknown;
  if (status === undefined || status === 'published') return true;

  const { auth } = (policyContext as unknown as { state: { auth?: RequestAuth } }).state;
  const isFullAccessToken = auth?.strategy?.name === 'api-token' && auth.credentials?.type === 'full-access';
  if (isFullAccessToken) return true;

  throw new errors.PolicyError(
    'Drafts are not available through the public API: remove the "status" parameter or use status=published.',
  );
};

export default publishedOnly;
