import type { Core } from '@strapi/strapi';
import { NEWSLETTER_EVENT_TYPES, type NewsletterEvent } from '@chiudete/types';
import { SEND_UID } from './content';
import { SUBSCRIBER_UID, subscribersQuery } from './subscribers';

/**
 * Bounces and complaints reported by the mail provider
 * (`POST /api/newsletter-events`, docs/newsletter.md): recorded on the
 * subscriber's send rows; a hard bounce or a complaint erases the subscriber
 * (nothing more is ever sent to that address).
 */

export interface EventOutcome {
  /** Send rows that now carry the event. */
  recorded: number;
  erased: boolean;
}

const MAX_EMAIL = 254;
const MAX_REASON = 500;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body `{ data: NewsletterEvent }` (the API's envelope, like every POST), checked; a list of Italian problems when it is not one. */
export function parseNewsletterEvent(body: unknown): { event: NewsletterEvent } | { problems: string[] } {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(data)) return { problems: ['Il corpo deve essere JSON: { "data": { "type": "bounce" | "complaint", "email": "…" } }.'] };
  const unknownKeys = Object.keys(data).filter((key) => !['type', 'email', 'hard', 'reason'].includes(key));
  if (unknownKeys.length > 0) return { problems: [`Campi sconosciuti: ${unknownKeys.slice(0, 5).join(', ')} (ammessi: type, email, hard, reason).`] };
  const { type, email, hard, reason } = data;
  const problems: string[] = [];
  if (typeof type !== 'string' || !(NEWSLETTER_EVENT_TYPES as readonly string[]).includes(type)) problems.push('type: deve essere "bounce" o "complaint".');
  if (typeof email !== 'string' || email.trim().length > MAX_EMAIL || !/^[^\s@]+@[^\s@]+$/.test(email.trim())) problems.push('email: serve l\'indirizzo e-mail a cui si riferisce l\'evento.');
  if (hard !== undefined && typeof hard !== 'boolean') problems.push('hard: deve essere true o false (omesso = true).');
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON)) problems.push(`reason: testo di al massimo ${MAX_REASON} caratteri.`);
  if (problems.length > 0) return { problems };
  return { event: { type: type as NewsletterEvent['type'], email: (email as string).trim(), ...(typeof hard === 'boolean' ? { hard } : {}), ...(reason === undefined ? {} : { reason: reason as string }) } };
}

export async function recordNewsletterEvent(strapi: Core.Strapi, event: NewsletterEvent, now = new Date()): Promise<EventOutcome> {
  const subscriber = (await subscribersQuery(strapi).findOne({ where: { emailKey: event.email.toLowerCase() }, select: ['documentId'] })) as { documentId: string } | null;
  if (!subscriber) return { recorded: 0, erased: false };
  const hard = event.type === 'complaint' || event.hard !== false;
  const label = event.type === 'complaint' ? 'Reclamo (segnata come spam)' : hard ? 'Rimbalzo definitivo' : 'Rimbalzo temporaneo';
  const providerEvent = `${label} il ${now.toISOString()}${event.reason ? `: ${event.reason}` : ''}`.slice(0, 600);
  const { count } = await strapi.db.query(SEND_UID).updateMany({ where: { subscriberDocumentId: subscriber.documentId }, data: { providerEvent } });
  if (hard) {
    // As an unsubscription: the address is erased; its queued sends become «Annullata» when their turn comes.
    await strapi.documents(SUBSCRIBER_UID as never).delete({ documentId: subscriber.documentId });
  }
  return { recorded: count, erased: hard };
}
