import type { Core } from '@strapi/strapi';
import type { WebhookContentType, WebhookDeliveriesResponse, WebhookDelivery } from '@chiudete/types';
import type { WebhookDeliveriesQuery } from '@chiudete/types/forms';
import { DELIVERY_UID, WEBHOOK_UID, type DeliveryRow, type WebhookRow } from '../../partner-webhook/lib';
import { eventTypeOfDelivery } from '../../partner-webhook/lib/event';

/**
 * The delivery log a partner reads with its own API token
 * (`GET /api/webhook-deliveries`, docs/partners.md «The delivery log»):
 * the deliveries of the webhooks whose `apiToken` names that token, and
 * nothing else. The columns are picked here, one by one: never the secret,
 * the lease, the body sent, another webhook or its URL.
 */

/** The delivery columns a partner sees (the row's documentId is its `X-Chiudete-Delivery`). */
const PARTNER_COLUMNS = [
  'documentId', 'eventId', 'action', 'contentType', 'entryDocumentId', 'deliveryStatus', 'attempts',
  'lastHttpStatus', 'lastError', 'nextAttemptAt', 'deliveredAt', 'createdAt', 'updatedAt',
] as const;

type LogRow = Pick<DeliveryRow, (typeof PARTNER_COLUMNS)[number]> & { webhook: { id: number } | null };
type LinkedWebhook = Pick<WebhookRow, 'id' | 'name' | 'url'>;

const isoOrNull = (value: string | Date | number | null): string | null => (value === null ? null : new Date(value).toISOString());

function toDelivery(row: LogRow, webhook: LinkedWebhook): WebhookDelivery {
  return {
    deliveryId: row.documentId,
    eventId: row.eventId,
    eventType: eventTypeOfDelivery(row.action),
    contentType: (row.contentType as WebhookContentType | null) ?? null,
    entryDocumentId: row.entryDocumentId ?? null,
    status: row.deliveryStatus,
    attempts: row.attempts,
    lastHttpStatus: row.lastHttpStatus ?? null,
    lastError: row.lastError ?? null,
    nextAttemptAt: isoOrNull(row.nextAttemptAt),
    deliveredAt: isoOrNull(row.deliveredAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    webhook: { name: webhook.name, url: webhook.url },
  };
}

/** One page of the log of the webhooks linked to the API token named `tokenName`, newest first. */
export async function partnerDeliveryLog(strapi: Core.Strapi, tokenName: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveriesResponse> {
  const { page, pageSize } = query;
  const webhooks = (await strapi.db.query(WEBHOOK_UID).findMany({
    where: { apiToken: tokenName },
    select: ['id', 'name', 'url'],
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })) as LinkedWebhook[];
  const linked = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  const meta = (total: number) => ({
    pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    webhooks: webhooks.map(({ name, url }) => ({ name, url })),
  });
  if (webhooks.length === 0) return { data: [], meta: meta(0) };

  const where = {
    webhook: { id: { $in: [...linked.keys()] } },
    ...(query.status ? { deliveryStatus: query.status } : {}),
    ...(query.since ? { createdAt: { $gte: query.since } } : {}),
  };
  const [total, rows] = await Promise.all([
    strapi.db.query(DELIVERY_UID).count({ where }) as Promise<number>,
    strapi.db.query(DELIVERY_UID).findMany({
      where,
      select: [...PARTNER_COLUMNS],
      populate: { webhook: { select: ['id'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }) as Promise<LogRow[]>,
  ]);
  // Every row's webhook is one of `linked` (the where clause): the guard keeps it so if that ever changed.
  const data = rows.flatMap((row) => {
    const webhook = row.webhook ? linked.get(row.webhook.id) : undefined;
    return webhook ? [toDelivery(row, webhook)] : [];
  });
  return { data, meta: meta(total) };
}
