import { randomBytes } from 'node:crypto';
import { CONTENT_WEBHOOK_EVENT_TYPES, PUBLIC_CONTENT_TYPES, sitePath } from '@chiudete/types';
import type { ContentWebhookEvent, ContentWebhookEventType, PingWebhookEvent, WebhookEventType } from '@chiudete/types/webhooks';
import type { ContentAction, ContentChange } from '../../../content-events';

/** Every event a webhook can subscribe to, and every type it can filter on. The ping is not subscribed to: an admin sends it. */
export const WEBHOOK_EVENT_TYPES = CONTENT_WEBHOOK_EVENT_TYPES;
export const WEBHOOK_CONTENT_TYPES = PUBLIC_CONTENT_TYPES;

export const eventTypeOf = (action: ContentAction): ContentWebhookEventType => (action === 'published' ? 'content.published' : 'content.unpublished');

/** What a delivery row's `action` records: a content change, or an admin's test ping. */
export type DeliveryAction = ContentAction | 'ping';

/** The event type of a delivery row, from its `action`. */
export const eventTypeOfDelivery = (action: DeliveryAction): WebhookEventType => (action === 'ping' ? 'webhook.ping' : eventTypeOf(action));

/** The site's page of an entry: the registry's (@chiudete/types). */
export { sitePath };

/** `evt_` and 24 random hex digits: one per change, shared by its deliveries to every webhook. */
export const newEventId = (): string => `evt_${randomBytes(12).toString('hex')}`;

export interface EventLinks {
  siteUrl: string;
  cmsUrl: string;
  /** The REST path of the type, e.g. `articles` (`global` for the single type). */
  restPath: string;
}

/**
 * The JSON body partners receive: what changed and where to read it, nothing
 * else (no field of the entry, so nothing private can leak; partners read
 * the public version from `apiUrl`).
 */
export function toWebhookEvent(change: ContentChange, id: string, links: EventLinks): ContentWebhookEvent {
  const api = change.type === 'global' ? `/api/${links.restPath}` : `/api/${links.restPath}/${encodeURIComponent(change.documentId)}`;
  return {
    id,
    type: eventTypeOf(change.action),
    createdAt: change.at,
    data: {
      type: change.type,
      documentId: change.documentId,
      slug: change.slug,
      url: `${links.siteUrl}${sitePath(change.type, change.slug)}`,
      apiUrl: `${links.cmsUrl}${api}`,
    },
  };
}

/** The test ping an admin sends (docs/partners.md «Testing your endpoint»): the webhook's name, nothing else. */
export const toPingEvent = (webhookName: string, id: string, at: Date): PingWebhookEvent => ({
  id,
  type: 'webhook.ping',
  createdAt: at.toISOString(),
  data: { webhook: webhookName },
});
