import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PartnerWebhooksConfig } from './config';
import { DELIVERY_UID, WEBHOOK_UID, type DeliveryStatus } from './deliveries';
import { WEBHOOK_CONTENT_TYPES, WEBHOOK_EVENT_TYPES } from './event';
import { checkWebhookUrl } from './url-policy';
import { PREVIEW_TOKEN_NAME } from '../../../preview/token';
import { SITE_TOKEN_NAME } from '../../../site-token';

/** Shortest secret an admin may type in: an HMAC key must not be guessable. */
export const MIN_SECRET_LENGTH = 32;

/** A new webhook secret: `whsec_` and 32 random bytes, base64url (43 characters). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A list field of the webhook (JSON array of allowed strings): empty or
 * absent means "all" and is stored as the full list, so the admin sees what
 * is selected. Anything else is refused with the allowed values.
 */
function normalizeList(field: string, label: string, value: unknown, allowed: readonly string[]): string[] {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [...allowed];
  const list = Array.isArray(value) ? value : [value];
  const unknown = list.filter((item) => typeof item !== 'string' || !allowed.includes(item));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `${label}: ${unknown.map((item) => JSON.stringify(item)).join(', ')} non è tra i valori ammessi. Scrivi una lista JSON con alcuni di questi: ${JSON.stringify(allowed)} (vuoto = tutti).`,
      { errors: [{ path: [field], message: 'Valore non ammesso', name: 'ValidationError', value: unknown }] },
    );
  }
  return [...new Set(list as string[])];
}

/** What the guard needs to know of an API token, looked up by its name. */
export interface ApiTokenFacts {
  type: string;
  kind?: string | null;
}
export type FindApiToken = (name: string) => Promise<ApiTokenFacts | null>;

/** The site's own tokens: never a partner's. */
const SITE_TOKENS: readonly string[] = [SITE_TOKEN_NAME, PREVIEW_TOKEN_NAME];

/**
 * The API token a webhook is linked to (its name, as in Settings > API
 * Tokens): with it, the partner reads this webhook's delivery log
 * (`GET /api/webhook-deliveries`). Empty means none. It must exist, be a
 * content-API read-only token, and not be one of the site's own.
 */
async function checkApiToken(value: unknown, findToken: FindApiToken): Promise<string | null> {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') return null;
  const refuse = (message: string): never => {
    throw new errors.ValidationError(message, { errors: [{ path: ['apiToken'], message, name: 'ValidationError', value: name }] });
  };
  if (SITE_TOKENS.includes(name)) refuse(`«${name}» è un token del sito, non di un partner: scrivi il nome del token di sola lettura creato per questo partner.`);
  const token = await findToken(name);
  if (!token || (token.kind !== undefined && token.kind !== null && token.kind !== 'content-api')) {
    refuse(`Nessun token API si chiama «${name}»: crealo in Impostazioni › API Tokens (tipo «Read-only») e scrivi qui il suo nome esatto.`);
  }
  if (token!.type !== 'read-only') refuse(`Il token «${name}» non è di sola lettura: ai partner si danno solo token «Read-only».`);
  return name;
}

/** Looks an API token up by name in Strapi's own table. */
export const apiTokenFinder = (strapi: Core.Strapi): FindApiToken => async (name) =>
  (await strapi.db.query('admin::api-token').findOne({ where: { name }, select: ['type', 'kind'] })) as ApiTokenFacts | null;

/**
 * Checks and completes a webhook's fields before the document service
 * writes them: the URL (https, public address), the event and type lists,
 * the secret, generated when empty (at creation, or when the admin
 * empties the field to change it), and the partner's API token. Only the
 * fields present are touched.
 */
export async function prepareWebhookData(data: Record<string, unknown>, isCreate: boolean, config: Pick<PartnerWebhooksConfig, 'allowLocalUrls'>, findToken: FindApiToken): Promise<void> {
  if (isCreate || 'url' in data) {
    const url = typeof data.url === 'string' ? data.url.trim() : '';
    const problem = url ? await checkWebhookUrl(url, config) : 'Scrivi l\'indirizzo (URL) a cui il partner riceve gli avvisi.';
    if (problem) {
      throw new errors.ValidationError(problem, { errors: [{ path: ['url'], message: problem, name: 'ValidationError', value: url }] });
    }
    data.url = url;
  }
  if (isCreate || 'events' in data) data.events = normalizeList('events', 'Eventi', data.events, WEBHOOK_EVENT_TYPES);
  if (isCreate || 'contentTypes' in data) data.contentTypes = normalizeList('contentTypes', 'Tipi di contenuto', data.contentTypes, WEBHOOK_CONTENT_TYPES);
  if (isCreate || 'secret' in data) {
    const secret = typeof data.secret === 'string' ? data.secret.trim() : '';
    if (secret === '') data.secret = newWebhookSecret();
    else if (secret.length < MIN_SECRET_LENGTH) {
      const message = `Il segreto deve avere almeno ${MIN_SECRET_LENGTH} caratteri: lascia il campo vuoto e salva per generarne uno sicuro.`;
      throw new errors.ValidationError(message, { errors: [{ path: ['secret'], message, name: 'ValidationError', value: null }] });
    } else data.secret = secret;
  }
  if ('apiToken' in data) data.apiToken = await checkApiToken(data.apiToken, findToken);
}

interface RouteState {
  route?: { info?: { pluginName?: string } };
}

/**
 * What an admin may change on a delivery in the Content Manager: nothing
 * but the status, and only to put it back in the queue (`pending`: sent
 * again within a minute, attempts counted from zero) or to give it up
 * (`failed`). A test ping is never sent again (send a new one). The log
 * itself is written by the system.
 */
export async function prepareDeliveryEdit(strapi: Core.Strapi, documentId: string | undefined, data: Record<string, unknown>, now = new Date()): Promise<Record<string, unknown>> {
  const wanted = data.deliveryStatus as DeliveryStatus | undefined;
  const current = documentId
    ? ((await strapi.db.query(DELIVERY_UID).findOne({ where: { documentId }, select: ['deliveryStatus', 'action'] })) as { deliveryStatus: DeliveryStatus; action: string } | null)
    : null;
  if (!wanted || wanted === current?.deliveryStatus) return {};
  if (wanted === 'delivered') {
    const message = 'Una consegna risulta «delivered» solo quando il partner risponde: per rispedirla scegli «pending», per annullarla «failed».';
    throw new errors.ValidationError(message, { errors: [{ path: ['deliveryStatus'], message, name: 'ValidationError', value: wanted }] });
  }
  if (wanted === 'pending' && current?.action === 'ping') {
    const message = 'Un ping di prova non si rispedisce: inviane uno nuovo con «Invia un ping di prova» nella pagina del webhook.';
    throw new errors.ValidationError(message, { errors: [{ path: ['deliveryStatus'], message, name: 'ValidationError', value: wanted }] });
  }
  if (wanted === 'pending') {
    return { deliveryStatus: 'pending', attempts: 0, nextAttemptAt: now, deliveredAt: null, leaseUntil: null, leaseToken: null };
  }
  return { deliveryStatus: 'failed', nextAttemptAt: null, lastError: 'Annullata da un amministratore.' };
}

/**
 * The document-service middleware of the two types: every write of a
 * webhook goes through `prepareWebhookData` (Content Manager or code); writes
 * of deliveries from the Content Manager through `prepareDeliveryEdit`.
 * The system itself writes deliveries with the query engine, which this does
 * not see.
 */
export function registerAdminGuard(strapi: Core.Strapi, config: Pick<PartnerWebhooksConfig, 'allowLocalUrls'>): void {
  strapi.documents.use(async (context, next) => {
    const params: unknown = context.params;
    if (context.uid === WEBHOOK_UID && ['create', 'update', 'clone'].includes(context.action) && isRecord(params)) {
      if (!isRecord(params.data)) params.data = {};
      const data = params.data as Record<string, unknown>;
      // A clone gets its own secret: two partners never share one.
      if (context.action === 'clone') data.secret = '';
      await prepareWebhookData(data, context.action === 'create', config, apiTokenFinder(strapi));
    }
    if (context.uid === DELIVERY_UID && ['create', 'update', 'clone'].includes(context.action)) {
      const state = strapi.requestContext.get()?.state as RouteState | undefined;
      if (state?.route?.info?.pluginName === 'content-manager') {
        if (context.action !== 'update' || !isRecord(params)) {
          throw new errors.ValidationError('Le consegne le registra il sistema: qui si possono solo rimettere in coda («pending»), annullare («failed») o eliminare.');
        }
        const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
        params.data = await prepareDeliveryEdit(strapi, documentId, isRecord(params.data) ? params.data : {});
      }
    }
    return next();
  });
}
