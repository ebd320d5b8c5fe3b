/**
 * The public write side of testimony submissions. Deliberately NO core
 * routes (find, findOne, update, delete): the public can never read
 * submissions, only the state of its own one through the private token.
 * `auth: false`: no users-permissions role is involved; abuse is handled by
 * the route middlewares.
 */

/** A route middleware by name, or with its config (Strapi accepts both; its types only the first). */
type RouteMiddleware = string | { name: string; config: Record<string, unknown> };

interface PublicRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  config: { auth: false; middlewares: RouteMiddleware[] };
}

const tokenRoute = (method: PublicRoute['method'], action: 'status' | 'withdraw'): PublicRoute => ({
  method,
  path: `/testimony-submissions/${action}/:token`,
  handler: `testimony-submission.${action}`,
  config: { auth: false, middlewares: ['api::testimony-submission.token-rate-limit'] },
});

const routes: PublicRoute[] = [
  {
    method: 'POST',
    path: '/testimony-submissions',
    handler: 'testimony-submission.submit',
    config: {
      auth: false,
      // A retry of a stored submission (same Idempotency-Key) is answered before the anti-abuse checks,
      // which would refuse its already spent proof of work; it creates nothing.
      middlewares: ['api::testimony-submission.idempotent-replay', { name: 'api::anti-abuse.anti-abuse', config: { form: 'testimony' } }],
    },
  },
  tokenRoute('GET', 'status'),
  tokenRoute('POST', 'withdraw'),
];

export default { type: 'content-api' as const, routes };
