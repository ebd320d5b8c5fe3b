/**
 * The mail provider's bounces and complaints: POST /api/newsletter-events
 * (docs/newsletter.md). `auth: false` for the users-permissions roles: the
 * caller proves itself with the shared secret (header
 * X-Newsletter-Events-Secret = NEWSLETTER_EVENTS_SECRET), checked by the
 * controller; without the variable set the endpoint refuses every call.
 * No other route: the send log is read in the admin only.
 */

interface ProviderRoute {
  method: 'POST';
  path: string;
  handler: string;
  config: { auth: false };
}

const routes: ProviderRoute[] = [
  {
    method: 'POST',
    path: '/newsletter-events',
    handler: 'newsletter-events.receive',
    config: { auth: false },
  },
];

export default { type: 'content-api' as const, routes };
