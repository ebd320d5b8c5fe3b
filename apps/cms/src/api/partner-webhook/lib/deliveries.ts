import { randomBytes, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { WEBHOOK_HEADERS, signWebhookPayload, type WebhookEvent } from '@chiudete/types/webhooks';
import type { ContentChange, InTransaction } from '../../../content-events';
import type { PartnerWebhooksConfig } from './config';
import { WEBHOOK_CONTENT_TYPES, WEBHOOK_EVENT_TYPES, eventTypeOf, newEventId, toPingEvent, toWebhookEvent, type DeliveryAction } from './event';
import { sendWebhook, type SendResult } from './send';
import { WEBHOOK_UID, type PingOutcome } from '../ping-contract';

/*
 * The delivery queue of the partner webhooks, kept in the database (the
 * `webhook-delivery` rows are also the admins' delivery log):
 *
 * 1. a public-content change inserts one `pending` row per matching, enabled
 *    webhook INSIDE the transaction of the change (an outbox: the rows
 *    commit or roll back with it, src/content-events/in-transaction.ts);
 *    after the commit, the instance that made the change claims and sends
 *    them at once (unless PARTNER_WEBHOOKS_IMMEDIATE_SEND=false);
 * 2. a failed attempt sets `nextAttemptAt` by the backoff (30 s, 2 min,
 *    10 min, 1 h, 6 h); after the 6th the row is `failed`;
 * 3. a cron task (config/cron-tasks.ts, every 10 s, on one instance at a
 *    time) calls `retryDueDeliveries`: it picks up the rows whose first
 *    attempt never happened (the instance died right after the commit) and
 *    the retries that are due. Each row is claimed with one conditional
 *    UPDATE (status still pending, attempts unchanged, lease free or
 *    expired), so two instances never send the same attempt. A lease
 *    outlives the 5 s timeout; an instance that dies mid-send leaves a lease
 *    that expires, and the row is retried.
 *
 * Delivery is at least once: a partner that answered 2xx too late, or an
 * instance that died after sending, gets the same event (same `id`) again.
 */

export { WEBHOOK_UID };
export const DELIVERY_UID = 'api::webhook-delivery.webhook-delivery';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookRow {
  id: number;
  documentId: string;
  name: string;
  url: string;
  enabled: boolean;
  secret: string | null;
  events: unknown;
  contentTypes: unknown;
  /** The name of the partner's API token that reads this webhook's log (`GET /api/webhook-deliveries`). */
  apiToken?: string | null;
}

export interface DeliveryRow {
  id: number;
  documentId: string;
  eventId: string;
  action: DeliveryAction;
  /** Null for a test ping. */
  contentType: string | null;
  entryDocumentId: string | null;
  payload: WebhookEvent;
  deliveryStatus: DeliveryStatus;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | Date | null;
  deliveredAt: string | Date | null;
  leaseUntil: string | Date | null;
  leaseToken: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  webhook?: WebhookRow | null;
}

/** A claimed delivery: the row, its webhook, and the token proving the claim. */
interface Claim {
  row: DeliveryRow;
  webhook: WebhookRow | null | undefined;
  token: string;
}

export interface RetryRunResult {
  /** Rows this run claimed and handled. */
  attempted: number;
  delivered: number;
  /** Rows that will be tried again later. */
  rescheduled: number;
  /** Rows that became `failed` (attempts exhausted, or webhook gone or disabled). */
  failed: number;
}

const asList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;

/** Whether a webhook wants this change: enabled, subscribed to the event, and to the type. */
export function webhookWants(webhook: Pick<WebhookRow, 'enabled' | 'events' | 'contentTypes'>, change: Pick<ContentChange, 'action' | 'type'>): boolean {
  if (!webhook.enabled) return false;
  const events = asList(webhook.events) ?? [...WEBHOOK_EVENT_TYPES];
  const types = asList(webhook.contentTypes) ?? [...WEBHOOK_CONTENT_TYPES];
  return events.includes(eventTypeOf(change.action)) && types.includes(change.type);
}

/**
 * The wait before the next attempt once `attempts` attempts have failed, in
 * ms, or null when none is left. ±10 % jitter spreads a burst of failures.
 */
export function nextAttemptDelayMs(attempts: number, config: Pick<PartnerWebhooksConfig, 'maxAttempts' | 'retryDelaysSeconds'>, random: () => number = Math.random): number | null {
  if (attempts >= config.maxAttempts) return null;
  const seconds = config.retryDelaysSeconds[Math.min(attempts, config.retryDelaysSeconds.length) - 1] ?? 0;
  return Math.round(seconds * 1000 * (0.9 + 0.2 * random()));
}

/** A Strapi-style documentId (24 lowercase letters and digits): rows are written with the query engine, which does not make one. */
const newDocumentId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte, i) => alphabet[byte % (i === 0 ? 26 : 36)]).join('');
};

const newLeaseToken = (): string => randomUUID();
const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface PartnerWebhooks {
  /**
   * Inserts the deliveries of one change, in the open transaction when there
   * is one, and sends them once it commits (not awaited). Returns the rows.
   */
  enqueue(change: ContentChange, now?: Date): Promise<DeliveryRow[]>;
  /** Claims and sends the deliveries due at `now` (the cron task; tests pass a later `now`). */
  retryDueDeliveries(now?: Date): Promise<RetryRunResult>;
  /** Deletes delivered and failed deliveries older than the retention. Returns how many. */
  purgeOldDeliveries(now?: Date): Promise<number>;
  /**
   * Sends a signed `webhook.ping` to the webhook now, once (never retried),
   * and records it in the log. Null when there is no such webhook.
   */
  ping(webhookDocumentId: string): Promise<PingOutcome | null>;
  /** Resolves once the sends started by `enqueue` have finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createPartnerWebhooks(strapi: Core.Strapi, config: PartnerWebhooksConfig): PartnerWebhooks {
  const deliveries = () => strapi.db.query(DELIVERY_UID);
  const inFlight = new Set<Promise<unknown>>();

  const restPathOf = (change: ContentChange): string => {
    const model = strapi.contentTypes[change.uid];
    return (model?.kind === 'singleType' ? model.info.singularName : model?.info.pluralName) ?? change.type;
  };

  /** One signed POST of a delivery's body: the headers of every attempt (docs/partners.md «The request»). */
  function sendSigned(webhook: { url: string; secret: string }, payload: WebhookEvent, deliveryId: string, attempt: number, sentAt: Date, keepAnswer = false): Promise<SendResult> {
    const body = JSON.stringify(payload);
    return sendWebhook({
      url: webhook.url,
      body,
      timeoutMs: config.timeoutMs,
      allowLocalUrls: config.allowLocalUrls,
      keepAnswer,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ChiudeteWebhooks/1.0 (+https://chiudeteicallcenter.eu)',
        [WEBHOOK_HEADERS.event]: payload.type,
        [WEBHOOK_HEADERS.delivery]: deliveryId,
        [WEBHOOK_HEADERS.signature]: signWebhookPayload({ payload: body, secret: webhook.secret, timestamp: Math.floor(sentAt.getTime() / 1000) }),
        [WEBHOOK_HEADERS.attempt]: String(attempt),
      },
    });
  }

  /** Sends a claimed delivery once and records the outcome; only the holder of the lease writes it. */
  async function attempt({ row, webhook, token }: Claim): Promise<'delivered' | 'rescheduled' | 'failed'> {
    const attempts = row.attempts + 1;
    const sentAt = new Date();
    let result: SendResult;
    if (!webhook || !webhook.enabled || !webhook.secret) {
      const why = !webhook ? 'webhook eliminato' : !webhook.enabled ? 'webhook disattivato' : 'webhook senza segreto';
      await deliveries().updateMany({
        where: { id: row.id, leaseToken: token },
        data: { deliveryStatus: 'failed', lastError: `Non inviata: ${why}.`, nextAttemptAt: null, leaseUntil: null, leaseToken: null, updatedAt: sentAt },
      });
      return 'failed';
    }
    try {
      result = await sendSigned({ url: webhook.url, secret: webhook.secret }, row.payload, row.documentId, attempts, sentAt);
    } catch (error) {
      result = { ok: false, status: null, error: (error as Error).message };
    }

    const finishedAt = new Date();
    const delay = result.ok ? null : nextAttemptDelayMs(attempts, config);
    const outcome = result.ok ? 'delivered' : delay === null ? 'failed' : 'rescheduled';
    await deliveries().updateMany({
      where: { id: row.id, leaseToken: token },
      data: {
        deliveryStatus: outcome === 'rescheduled' ? 'pending' : outcome,
        attempts,
        lastHttpStatus: result.status,
        lastError: result.error === null ? null : truncate(result.error, 1000),
        deliveredAt: result.ok ? finishedAt : null,
        nextAttemptAt: delay === null ? null : new Date(finishedAt.getTime() + delay),
        leaseUntil: null,
        leaseToken: null,
        // updateMany leaves the timestamp alone: the log shows when the last attempt ended.
        updatedAt: finishedAt,
      },
    });
    const label = `[partner-webhooks] ${row.payload.type} ${row.contentType} ${row.entryDocumentId} → «${webhook.name}» (attempt ${attempts})`;
    if (result.ok) strapi.log.info(`${label}: delivered (${result.status})`);
    else strapi.log.warn(`${label}: ${result.error}${outcome === 'failed' ? ' — no attempts left' : ''}`);
    return outcome;
  }

  /** Runs `task` without awaiting it, logged on failure, tracked for `idle()`. */
  function inBackground(task: Promise<unknown>): void {
    const tracked = task.catch((error: unknown) => {
      strapi.log.error(`[partner-webhooks] a delivery failed unexpectedly: ${(error as Error).message}`);
    });
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  }

  /** Claims a row just committed and makes its first attempt (after the commit of the change). */
  async function sendCommitted(row: DeliveryRow, webhook: WebhookRow): Promise<void> {
    const token = await claim(row, new Date());
    // Null: the poller of another instance was quicker; it sends it.
    if (token) await attempt({ row, webhook, token });
  }

  async function enqueue(change: ContentChange, now = new Date()): Promise<DeliveryRow[]> {
    // Joins the transaction of the change when there is one (the document-service middleware opens it).
    return strapi.db.transaction(async ({ onCommit }: InTransaction) => {
      const webhooks = (await strapi.db.query(WEBHOOK_UID).findMany({ where: { enabled: true } })) as WebhookRow[];
      const matching = webhooks.filter((webhook) => webhookWants(webhook, change));
      if (matching.length === 0) return [];

      const event = toWebhookEvent(change, newEventId(), { siteUrl: config.siteUrl, cmsUrl: config.cmsUrl, restPath: restPathOf(change) });
      const rows: Array<{ row: DeliveryRow; webhook: WebhookRow }> = [];
      for (const webhook of matching) {
        const row = (await deliveries().create({
          data: {
            documentId: newDocumentId(),
            webhook: webhook.id,
            eventId: event.id,
            action: change.action,
            contentType: change.type,
            entryDocumentId: change.documentId,
            payload: event,
            deliveryStatus: 'pending',
            attempts: 0,
            // Due at once: if this instance dies before its attempt, the poller sends it.
            nextAttemptAt: now,
            leaseUntil: null,
            leaseToken: null,
          },
        })) as DeliveryRow;
        rows.push({ row, webhook });
      }
      if (config.immediateSend) {
        onCommit(() => {
          for (const { row, webhook } of rows) inBackground(sendCommitted(row, webhook));
        });
      }
      return rows.map(({ row }) => row);
    });
  }

  /** Claims one due row: a single conditional UPDATE, so at most one instance wins it. */
  async function claim(row: DeliveryRow, now: Date): Promise<string | null> {
    const token = newLeaseToken();
    const { count } = (await deliveries().updateMany({
      where: {
        id: row.id,
        deliveryStatus: 'pending',
        attempts: row.attempts,
        $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
      },
      data: { leaseUntil: addSeconds(now, config.leaseSeconds), leaseToken: token },
    })) as { count: number };
    return count === 1 ? token : null;
  }

  async function retryDueDeliveries(now = new Date()): Promise<RetryRunResult> {
    const due = (await deliveries().findMany({
      where: {
        deliveryStatus: 'pending',
        nextAttemptAt: { $lte: now },
        $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
      },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
      limit: config.batchSize,
      populate: { webhook: true },
    })) as DeliveryRow[];

    const result: RetryRunResult = { attempted: 0, delivered: 0, rescheduled: 0, failed: 0 };
    // A few at a time: one slow partner (5 s timeout) does not hold the others back for long.
    const queue = [...due];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const token = await claim(row, now);
        if (!token) continue;
        result.attempted++;
        result[await attempt({ row, webhook: row.webhook, token })]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
    if (result.attempted > 0) {
      strapi.log.info(`[partner-webhooks] retry run: ${result.attempted} attempted, ${result.delivered} delivered, ${result.rescheduled} rescheduled, ${result.failed} failed`);
    }
    return result;
  }

  async function purgeOldDeliveries(now = new Date()): Promise<number> {
    const before = addSeconds(now, -config.retentionDays * 24 * 60 * 60);
    const { count } = (await deliveries().deleteMany({
      where: { deliveryStatus: { $in: ['delivered', 'failed'] }, updatedAt: { $lt: before } },
    })) as { count: number };
    if (count > 0) strapi.log.info(`[partner-webhooks] removed ${count} delivery log row(s) older than ${config.retentionDays} days`);
    return count;
  }

  async function ping(webhookDocumentId: string): Promise<PingOutcome | null> {
    const webhook = (await strapi.db.query(WEBHOOK_UID).findOne({ where: { documentId: webhookDocumentId } })) as WebhookRow | null;
    if (!webhook) return null;
    const deliveryId = newDocumentId();
    const sentAt = new Date();
    const event = toPingEvent(webhook.name, newEventId(), sentAt);
    let result: SendResult;
    try {
      result = webhook.secret
        ? await sendSigned({ url: webhook.url, secret: webhook.secret }, event, deliveryId, 1, sentAt, true)
        : { ok: false, status: null, error: 'Non inviato: webhook senza segreto.' };
    } catch (error) {
      result = { ok: false, status: null, error: (error as Error).message };
    }
    const finishedAt = new Date();
    // Written once, with its outcome: never `pending`, so the poller never sends it again.
    await deliveries().create({
      data: {
        documentId: deliveryId,
        webhook: webhook.id,
        eventId: event.id,
        action: 'ping',
        contentType: null,
        entryDocumentId: null,
        payload: event,
        deliveryStatus: result.ok ? 'delivered' : 'failed',
        attempts: 1,
        lastHttpStatus: result.status,
        lastError: result.error === null ? null : truncate(result.error, 1000),
        nextAttemptAt: null,
        deliveredAt: result.ok ? finishedAt : null,
        leaseUntil: null,
        leaseToken: null,
        createdAt: sentAt,
        updatedAt: finishedAt,
      },
    });
    const label = `[partner-webhooks] webhook.ping → «${webhook.name}»`;
    if (result.ok) strapi.log.info(`${label}: delivered (${result.status})`);
    else strapi.log.warn(`${label}: ${result.error}`);
    return {
      deliveryId,
      eventId: event.id,
      ok: result.ok,
      status: result.status,
      durationMs: finishedAt.getTime() - sentAt.getTime(),
      answer: result.answer || null,
      error: result.error,
    };
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  return { enqueue, retryDueDeliveries, purgeOldDeliveries, ping, idle };
}
