import { adminApi } from '@strapi/strapi/admin';
import { PING_ROUTE, type PingOutcome } from '../../api/partner-webhook/ping-contract';

const DELIVERY_UID = 'api::webhook-delivery.webhook-delivery';

/**
 * The test ping as an RTK Query mutation of the admin's own API slice: it
 * invalidates the Content Manager's list of deliveries, so the «Consegna
 * webhook» log shows the new row without a reload.
 */
const pingApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (builder) => ({
    pingPartnerWebhook: builder.mutation<PingOutcome, { documentId: string }>({
      query: ({ documentId }) => ({ url: PING_ROUTE(documentId), method: 'POST' }),
      transformResponse: (response: { data: PingOutcome }) => response.data,
      invalidatesTags: [{ type: 'Document', id: `${DELIVERY_UID}_ALL_ITEMS` }],
    }),
  }),
});

export const { usePingPartnerWebhookMutation } = pingApi;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The message (Italian, from the server) of a failed call. */
export function pingError(error: unknown): string {
  if (!isRecord(error)) return 'Ping non inviato: riprova tra poco.';
  if (error.status === 403 || error.name === 'PolicyError') return 'Il tuo ruolo non permette di modificare i webhook dei partner: chiedi a un amministratore.';
  return typeof error.message === 'string' && error.message ? error.message : 'Ping non inviato: riprova tra poco.';
}

/** The outcome in one Italian line: «Risposta 200 in 84 ms» / «Nessuna risposta dopo 5012 ms». */
export function outcomeLine(outcome: PingOutcome): string {
  const time = `${outcome.durationMs} ms`;
  if (outcome.status === null) return `Nessuna risposta dopo ${time}`;
  return `${outcome.ok ? 'Risposta' : 'Errore'} HTTP ${outcome.status} in ${time}`;
}
