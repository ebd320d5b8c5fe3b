import type { Pagination } from './rest';
import type { WebhookContentType, WebhookEventType } from './webhook-event';

/**
 * The delivery log a partner reads with its own API token
 * (`GET /api/webhook-deliveries`): the deliveries of the webhooks the
 * redazione linked to that token, newest first. The contract between the CMS
 * (apps/cms/src/api/webhook-delivery), the typed client and partners.
 */

/** Where a delivery stands: queued or waiting for a retry, answered with a 2xx, or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERIES_PAGE_SIZE_DEFAULT = 25;
export const WEBHOOK_DELIVERIES_PAGE_SIZE_MAX = 100;
/** Highest `page` accepted: a guard against absurd offsets. */
export const WEBHOOK_DELIVERIES_PAGE_MAX = 1000;

/** The query string of `GET /api/webhook-deliveries`. */
export interface WebhookDeliveriesParams {
  /** Only the deliveries in this state. */
  status?: WebhookDeliveryStatus;
  /** Only the deliveries created at or after this time (ISO 8601 date or date-time, or a Date). */
  since?: string | Date;
  /** From 1 (default 1). */
  page?: number;
  /** 1 to 100 (default 25). */
  pageSize?: number;
}

/** One delivery: one event to one of your endpoints, with the outcome of its last attempt. */
export interface WebhookDelivery {
  /** The `X-Chiudete-Delivery` header of its requests: the same in every retry. */
  deliveryId: string;
  /** The event's `id` (`evt_…`), as in the body you received. */
  eventId: string;
  eventType: WebhookEventType;
  /** The content the event is about; null for `webhook.ping`. */
  contentType: WebhookContentType | null;
  /** The entry's documentId; null for `webhook.ping`. */
  entryDocumentId: string | null;
  status: WebhookDeliveryStatus;
  /** Attempts made so far (at most 6; a ping is sent once). */
  attempts: number;
  /** Your endpoint's status code at the last attempt; null when it did not answer. */
  lastHttpStatus: number | null;
  /** What went wrong at the last attempt (with the start of your answer's body); null on success. */
  lastError: string | null;
  /** When the next attempt goes out (ISO 8601); null when delivered or failed. */
  nextAttemptAt: string | null;
  /** When your endpoint answered 2xx (ISO 8601); null until then. */
  deliveredAt: string | null;
  /** When the delivery was created, i.e. when the change happened (ISO 8601). */
  createdAt: string;
  /** When the delivery last changed: the end of its last attempt (ISO 8601). */
  updatedAt: string;
  /** Which of your endpoints it went to. */
  webhook: { name: string; url: string };
}

/** `GET /api/webhook-deliveries`: a page of deliveries, newest first. */
export interface WebhookDeliveriesResponse {
  data: WebhookDelivery[];
  meta: {
    pagination: Pagination;
    /** The endpoints linked to your token (empty: ask the redazione to link them). */
    webhooks: Array<{ name: string; url: string }>;
  };
}

/** The delivery log of the endpoints linked to your token. */
export interface WebhookDeliveriesClient {
  /** `GET /api/webhook-deliveries`: one page, newest first, filtered by `status` and `since`. */
  list(params?: WebhookDeliveriesParams): Promise<WebhookDeliveriesResponse>;
}
