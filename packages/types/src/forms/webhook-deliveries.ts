import { z } from 'zod';
import { WEBHOOK_DELIVERIES_PAGE_MAX, WEBHOOK_DELIVERIES_PAGE_SIZE_DEFAULT, WEBHOOK_DELIVERIES_PAGE_SIZE_MAX, WEBHOOK_DELIVERY_STATUSES } from '../webhook-deliveries';

/**
 * The query string of `GET /api/webhook-deliveries`
 * (`?status=&since=&page=&pageSize=`), as the CMS validates it. Values
 * arrive as strings; unknown parameters (`fields`, `filters`, `populate`…)
 * are refused (strict object).
 */
const integer = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

const SINCE_MESSAGE = '«since» deve essere una data ISO 8601, es. 2026-11-28 o 2026-11-28T10:00:00Z.';

export const webhookDeliveriesQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES, { error: `Lo stato deve essere uno tra: ${WEBHOOK_DELIVERY_STATUSES.join(', ')}.` }).optional(),
  since: z
    .union([z.iso.date({ error: SINCE_MESSAGE }), z.iso.datetime({ offset: true, error: SINCE_MESSAGE })], { error: SINCE_MESSAGE })
    .transform((text) => new Date(text))
    .optional(),
  page: integer(1, WEBHOOK_DELIVERIES_PAGE_MAX, `La pagina deve essere un numero intero da 1 a ${WEBHOOK_DELIVERIES_PAGE_MAX}.`).default(1),
  pageSize: integer(1, WEBHOOK_DELIVERIES_PAGE_SIZE_MAX, `Le consegne per pagina devono essere un numero intero da 1 a ${WEBHOOK_DELIVERIES_PAGE_SIZE_MAX}.`).default(WEBHOOK_DELIVERIES_PAGE_SIZE_DEFAULT),
});

export type WebhookDeliveriesQuery = z.output<typeof webhookDeliveriesQuerySchema>;
