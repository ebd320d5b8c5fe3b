/**
 * The admin's test ping of a partner webhook, as the server (./admin-routes.ts,
 * lib/deliveries.ts) and the admin panel (src/admin/partner-webhooks) both
 * see it. Plain data and types only: the admin bundle imports this file.
 */

export const WEBHOOK_UID = 'api::partner-webhook.partner-webhook';

/** `POST /admin/partner-webhooks/:documentId/ping` (admin API, mounted under /admin). */
export const PING_ROUTE = (documentId: string) => `/admin/partner-webhooks/${encodeURIComponent(documentId)}/ping`;

/** What a test ping did, in `data`. */
export interface PingOutcome {
  /** The delivery's id (`X-Chiudete-Delivery`): its row in the delivery log. */
  deliveryId: string;
  eventId: string;
  /** A 2xx arrived. */
  ok: boolean;
  /** The partner's status code, or null when none arrived. */
  status: number | null;
  /** From sending to the outcome, ms. */
  durationMs: number;
  /** The start of the partner's answer (at most 300 characters), or null. */
  answer: string | null;
  /** What went wrong (network error, timeout, status and body), or null. */
  error: string | null;
}
