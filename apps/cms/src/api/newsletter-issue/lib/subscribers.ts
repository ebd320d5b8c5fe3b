import type { Core, UID } from '@strapi/strapi';
import { subscriberLinks } from '../../newsletter-subscriber/lib/links';
import type { RecipientLinks } from './render';

/**
 * The sending side's view of the subscribers (the type is owned by
 * src/api/newsletter-subscriber): read through the query engine, only the
 * fields a send needs.
 */
export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';
export const CONFIRMED = 'confermato';

export interface Recipient {
  id: number;
  documentId: string;
  email: string;
  subscriberStatus: string;
  interests: unknown;
  linkSecret: string;
}

export const subscribersQuery = (strapi: Core.Strapi) => strapi.db.query(SUBSCRIBER_UID as UID.Schema);

/** Confirmed subscribers, a page at a time in id order (documentId and interests only). */
export async function confirmedPage(strapi: Core.Strapi, afterId: number, size: number): Promise<Array<Pick<Recipient, 'id' | 'documentId' | 'interests'>>> {
  return (await subscribersQuery(strapi).findMany({
    where: { subscriberStatus: CONFIRMED, id: { $gt: afterId } },
    select: ['id', 'documentId', 'interests'],
    orderBy: { id: 'asc' },
    limit: size,
  })) as Array<Pick<Recipient, 'id' | 'documentId' | 'interests'>>;
}

/** The subscribers of these documentIds (those erased meanwhile are missing). */
export async function recipientsByDocumentId(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, Recipient>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await subscribersQuery(strapi).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['id', 'documentId', 'email', 'subscriberStatus', 'interests', 'linkSecret'],
  })) as Recipient[];
  return new Map(rows.map((row) => [row.documentId, row]));
}

export const linksOf = (recipient: Pick<Recipient, 'documentId' | 'linkSecret'>): RecipientLinks => subscriberLinks(recipient);
