/**
 * The contact form's one public route: POST /api/contact-messages.
 * Deliberately NO core routes (find, findOne, update, delete): messages are
 * read in the admin only, by the Moderatore role. `auth: false`: no
 * users-permissions role is involved; abuse is handled by the shared
 * anti-abuse middleware, with the contact form's own token, rate limits
 * and counters (config `{ form: 'contact' }`). The body size is capped for
 * the whole public API by `global::body-limit` (config/middlewares.ts).
 */

/** A route middleware with its config (Strapi accepts it; its route types only take names). */
interface RouteMiddleware {
  name: string;
  config: Record<string, unknown>;
}

interface PublicRoute {
  method: 'POST';
  path: string;
  handler: string;
  config: { auth: false; middlewares: RouteMiddleware[] };
}

const routes: PublicRoute[] = [
  {
    method: 'POST',
    path: '/contact-messages',
    handler: 'contact-message.submit',
    config: {
      auth: false,
      middlewares: [{ name: 'api::anti-abuse.anti-abuse', config: { form: 'contact' } }],
    },
  },
];

export default { type: 'content-api' as const, routes };
