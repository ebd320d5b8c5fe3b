import type { PublicContentType } from './registry';

/**
 * The JSON body of a partner webhook (sent by the CMS, apps/cms/src/api/partner-webhook).
 * Types only: shared by the main entry and `@chiudete/types/webhooks`.
 */

/** What happened to the public version of an entry. */
export type WebhookEventType = 'content.published' | 'content.unpublished';

/** The public content types an event can be about (the REST API's types, in the singular: the registry's public types). */
export type WebhookContentType = PublicContentType;

export interface WebhookEvent {
  /** Unique per change (`evt_…`): the same in every retry of a delivery; use it to drop duplicates. */
  id: string;
  type: WebhookEventType;
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
