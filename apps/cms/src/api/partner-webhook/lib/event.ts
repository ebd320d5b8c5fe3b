import { randomBytes } from 'node:crypto';
import type { WebhookEvent, WebhookEventType } from '@chiudete/types/webhooks';
import type { ContentAction, ContentChange, PublicContentType } from '../../../content-events';

/** Every event a webhook can subscribe to, and every type it can filter on. */
export const WEBHOOK_EVENT_TYPES = ['content.published', 'content.unpublished'] as const satisfies readonly WebhookEventType[];
export const WEBHOOK_CONTENT_TYPES = ['article', 'testimony', 'answer', 'video', 'book-release', 'author', 'category', 'global'] as const satisfies readonly PublicContentType[];

export const eventTypeOf = (action: ContentAction): WebhookEventType => (action === 'published' ? 'content.published' : 'content.unpublished');

/**
 * The site's page of an entry (the URLs of CONTENT.md; apps/web/app/pages).
 * Videos and the book have one page for all of them.
 */
export function sitePath(type: PublicContentType, slug: string | null): string {
  const withSlug = (base: string) => (slug ? `${base}/${encodeURIComponent(slug)}` : base);
  switch (type) {
    case 'article': return withSlug('/articoli');
    case 'testimony': return withSlug('/testimonianze');
    case 'answer': return withSlug('/risposte');
    case 'author': return withSlug('/autori');
    case 'category': return withSlug('/categorie');
    case 'video': return '/video';
    case 'book-release': return '/libro';
    case 'global': return '/';
  }
}

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
