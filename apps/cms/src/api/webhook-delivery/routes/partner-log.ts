import { API_TOKEN_STRATEGIES } from '../../../api-tokens/auth';

/**
 * `GET /api/webhook-deliveries`: a partner's own delivery log
 * (../lib/partner-log.ts). API tokens only (`auth.strategies`): without one
 * the answer is 401, not the Public role's 403; a read-only token may call
 * it (the action ends in `find`), and sees only the webhooks the redazione
 * linked to it. The global `read-rate-limit` and `http-cache` middlewares
 * apply, as to every public GET. The rest of the type (its core routes)
 * stays admin-only: this file declares no other route.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/webhook-deliveries',
      handler: 'api::webhook-delivery.partner-log.find', // TOKEN_ONLY_READ_ACTIONS (src/bootstrap/public-permissions.ts)
      config: { auth: { strategies: [...API_TOKEN_STRATEGIES] } },
    },
  ],
};
