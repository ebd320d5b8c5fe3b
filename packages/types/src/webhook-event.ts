import type { PublicContentType } from './registry';

/**
 * The JSON body of a partner webhook (sent by the CMS, apps/cms/src/api/partner-webhook).
 * Types only: shared by the main entry and `@chiudete/types/webhooks`.
 */

/** What happened to the public version of an entry. */
export type ContentWebhookEventType = 'content.published' | 'content.unpublished';

/** Every event type: the content events, and the test ping an administrator sends from the CMS admin. */
export type WebhookEventType = ContentWebhookEventType | 'webhook.ping';

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
  type: 'webhook.ping';
  /** ISO 8601 time the ping was sent. */
  createdAt: string;
  data: {
    /** The webhook's name in the CMS (usually the partner's name). */
    webhook: string;
  };
}

/** Every event a webhook receives: tell them apart by `type`. */
export type WebhookEvent = ContentWebhookEvent | PingWebhookEvent;
