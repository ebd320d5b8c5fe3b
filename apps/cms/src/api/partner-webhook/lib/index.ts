import type { Core } from '@strapi/strapi';
import { onContentChangeInTransaction } from '../../../content-events';
import { registerAdminGuard } from './admin-guard';
import type { PartnerWebhooksConfig } from './config';
import { createPartnerWebhooks, type PartnerWebhooks } from './deliveries';

export type { PartnerWebhooksConfig } from './config';
export { DELIVERY_UID, WEBHOOK_UID, nextAttemptDelayMs, webhookWants } from './deliveries';
export type { DeliveryRow, DeliveryStatus, PartnerWebhooks, RetryRunResult, WebhookRow } from './deliveries';
export type { PingOutcome } from '../ping-contract';

const instances = new WeakMap<Core.Strapi, PartnerWebhooks>();

/** The partner webhooks of this Strapi (the cron task and the tests use it). */
export function partnerWebhooks(strapi: Core.Strapi): PartnerWebhooks {
  let instance = instances.get(strapi);
  if (!instance) {
    instance = createPartnerWebhooks(strapi, strapi.config.get<PartnerWebhooksConfig>('partner-webhooks'));
    instances.set(strapi, instance);
  }
  return instance;
}

/**
 * Signed webhooks for partners (bootstrap): checks what admins save on them
 * and turns every public-content change into deliveries, written in the
 * change's own transaction. Who may see them:
 * src/bootstrap/default-roles.ts.
 */
export async function registerPartnerWebhooks(strapi: Core.Strapi): Promise<void> {
  registerAdminGuard(strapi, strapi.config.get<PartnerWebhooksConfig>('partner-webhooks'));
  // The outbox: the delivery rows are written in the transaction of the change (src/content-events/in-transaction.ts).
  onContentChangeInTransaction(strapi, async (change) => {
    await partnerWebhooks(strapi).enqueue(change);
  });
}
