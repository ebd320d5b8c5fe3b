/**
 * The newsletter's public routes (issue #14). Deliberately NO core routes:
 * subscribers are read in the admin only (Moderatore, Super Admin). The
 * subscription goes through the idempotent replay and the shared anti-abuse
 * middleware with the newsletter's own token, limits and counters (`{ form:
 * 'newsletter' }`); the link operations need a token signed for the
 * subscriber (lib/links.ts), so they need no proof of work: a mail client's
 * one-click unsubscribe (RFC 8058) could not give one.
 */

/** A route middleware with its config (Strapi accepts it; its route types only take names). */
interface RouteMiddleware {
  name: string;
  config: Record<string, unknown>;
}

interface PublicRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  config: { auth: false; middlewares?: Array<string | RouteMiddleware> };
}

const routes: PublicRoute[] = [
  {
    method: 'POST',
    path: '/newsletter-subscriptions',
    handler: 'subscription.subscribe',
    config: {
      auth: false,
      middlewares: ['api::newsletter-subscriber.idempotent-replay', { name: 'api::anti-abuse.anti-abuse', config: { form: 'newsletter' } }],
    },
  },
  { method: 'POST', path: '/newsletter-subscriptions/confirm', handler: 'subscription.confirm', config: { auth: false } },
  { method: 'POST', path: '/newsletter-subscriptions/unsubscribe', handler: 'subscription.unsubscribe', config: { auth: false } },
  { method: 'GET', path: '/newsletter-subscriptions/data/:token', handler: 'subscription.myData', config: { auth: false } },
];

export default { type: 'content-api' as const, routes };
