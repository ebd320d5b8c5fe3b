import { randomBytes } from 'node:crypto';
import { PUBLIC_CONTENT_TYPES, sitePath } from '@chiudete/types';
import type { WebhookEvent, WebhookEventType } from '@chiudete/types/webhooks';
import type { ContentAction, ContentChange } from '../../../content-events';

/** Every event a webhook can subscribe to, and every type it can filter on. */
export const WEBHOOK_EVENT_TYPES = ['content.published', 'content.unpublished'] as const satisfies readonly WebhookEventType[];
export const WEBHOOK_CONTENT_TYPES = PUBLIC_CONTENT_TYPES;

export const eventTypeOf = (action: ContentAction): WebhookEventType => (action === 'published' ? 'content.published' : 'content.unpublished');

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
export function toWebhookEvent(change: ContentChange, id: string, links: EventLinks): WebhookEvent {
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
