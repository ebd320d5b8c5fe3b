import type { PublicContentType } from './registry';

/**
 * The JSON body of a partner webhook (sent by the CMS, apps/cms/src/api/partner-webhook):
 * its types, and the list of event types (the one list the CMS, the OpenAPI
 * document and the verifier read). Shared by the main entry and `@chiudete/types/webhooks`.
 */

/** What can happen to the public version of an entry: the events a webhook subscribes to. */
export const CONTENT_WEBHOOK_EVENT_TYPES = ['content.published', 'content.unpublished'] as const;

/** The test ping an administrator sends from the CMS admin (never subscribed to). */
export const PING_WEBHOOK_EVENT_TYPE = 'webhook.ping';

/** Every event type a webhook can receive. */
export const WEBHOOK_EVENT_TYPES = [...CONTENT_WEBHOOK_EVENT_TYPES, PING_WEBHOOK_EVENT_TYPE] as const;

/** What happened to the public version of an entry. */
export type ContentWebhookEventType = typeof CONTENT_WEBHOOK_EVENT_TYPES[number];

/** Every event type: the content events, and the test ping an administrator sends from the CMS admin. */
export type WebhookEventType = typeof WEBHOOK_EVENT_TYPES[number];

/** The public content types an event can be about (the REST API's types, in the singular: the registry's public types). */
export type WebhookContentType = PublicContentType;

/** An entry was published, updated or unpublished. */
export interface ContentWebhookEvent {
  /** Unique per change (`evt_…`): the same in every retry of a delivery; use it to drop duplicates. */
  id: string;
  type: ContentWebhookEventType;
  /** ISO 8601 time of the change in the CMS. */
  createdAt: string;
  data: {
    type: WebhookContentType;
    documentId: string;
    /** Null for types without a slug (the Global settings). */
    slug: string | null;
    /** The page on the site (gone after `content.unpublished`). */
    url: string;
    /** The entry in the public REST API: read it for the new content (404 after `content.unpublished`). */
    apiUrl: string;
  };
}

/**
 * A test sent by an administrator («Invia un ping di prova» in the CMS
 * admin) to check an endpoint: signed like every event, sent once (never
 * retried), about no content. Answer it with a 2xx and ignore it otherwise.
 */
export interface PingWebhookEvent {
  /** `evt_…`, new for every ping. */
  id: string;
  type: typeof PING_WEBHOOK_EVENT_TYPE;
  /** ISO 8601 time the ping was sent. */
  createdAt: string;
  data: {
    /** The webhook's name in the CMS (usually the partner's name). */
    webhook: string;
  };
}

/** Every event a webhook receives: tell them apart by `type`. */
export type WebhookEvent = ContentWebhookEvent | PingWebhookEvent;
