/**
 * The public forms' endpoints of the CMS, as the site's server relays them
 * (issue #16, item 7). Readers' browsers never call the CMS: they send the
 * forms to the site's own origin, at the same paths, and the site's server
 * forwards exactly these endpoints (apps/web/server/utils/public-forms) to
 * the CMS, authenticated as the site, with the reader's address in
 * `SITE_CLIENT_ADDRESS_HEADER`. The CMS believes that header only from a
 * request carrying the site's own token (apps/cms/src/site-token/client-address.ts),
 * so its per-reader limits stay per reader.
 */

/** The reader's address as the site's server saw it; believed by the CMS only from the site. */
export const SITE_CLIENT_ADDRESS_HEADER = 'X-Site-Client-Address';

/** One relayed endpoint: its method, its path under `/api` (parameters as `:name`), and how long the CMS may take. */
export interface PublicFormEndpoint {
  method: 'GET' | 'POST';
  path: string;
  /** The CMS checks a submission for personal data before answering: writes get longer. */
  timeoutMs: number;
  /** Whether the request has a JSON body (and may carry an Idempotency-Key). */
  body: boolean;
}

/** Every endpoint a reader's browser may reach through the site, and nothing else. */
export const PUBLIC_FORM_ENDPOINTS = {
  formToken: { method: 'GET', path: '/form-tokens/:form', timeoutMs: 8000, body: false },
  altchaChallenge: { method: 'GET', path: '/altcha/challenge', timeoutMs: 8000, body: false },
  submitTestimony: { method: 'POST', path: '/testimony-submissions', timeoutMs: 20_000, body: true },
  submissionStatus: { method: 'GET', path: '/testimony-submissions/status/:token', timeoutMs: 8000, body: false },
  withdrawSubmission: { method: 'POST', path: '/testimony-submissions/withdraw/:token', timeoutMs: 10_000, body: false },
  sendContactMessage: { method: 'POST', path: '/contact-messages', timeoutMs: 20_000, body: true },
  subscribeNewsletter: { method: 'POST', path: '/newsletter-subscriptions', timeoutMs: 20_000, body: true },
  confirmNewsletter: { method: 'POST', path: '/newsletter-subscriptions/confirm', timeoutMs: 10_000, body: true },
  unsubscribeNewsletter: { method: 'POST', path: '/newsletter-subscriptions/unsubscribe', timeoutMs: 10_000, body: true },
  newsletterData: { method: 'GET', path: '/newsletter-subscriptions/data/:token', timeoutMs: 8000, body: false },
} as const satisfies Record<string, PublicFormEndpoint>;

export type PublicFormEndpointName = keyof typeof PUBLIC_FORM_ENDPOINTS;

/** Largest form body relayed (the CMS's own cap of the content API's bodies, config/middlewares.ts). */
export const PUBLIC_FORM_MAX_BODY_BYTES = 64 * 1024;

/** Private submission tokens travel in the path: never write them to the logs. */
const PRIVATE_PATH = /(\/testimony-submissions\/(?:status|withdraw)\/|\/newsletter-subscriptions\/data\/)[^/?#]+/;
/** The newsletter's one-click unsubscribe carries its token in the query (RFC 8058). */
const PRIVATE_QUERY = /(\/newsletter-subscriptions\/unsubscribe\?(?:[^#]*&)?token=)[^&#]+/;

/** A URL or path with the private token of a status or withdrawal request replaced by `[token]`. */
export const maskPrivateTokens = (url: string): string => url.replace(PRIVATE_PATH, '$1[token]').replace(PRIVATE_QUERY, '$1[token]');
