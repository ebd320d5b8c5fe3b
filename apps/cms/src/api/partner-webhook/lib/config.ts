import { isDevelopmentMode } from '../../../utils/development-mode';

/**
 * Settings of the partner webhooks (config/partner-webhooks.ts). The delivery
 * policy (timeout, backoff, attempts) is fixed here and documented for
 * partners in docs/partners.md: change both together.
 */
export interface PartnerWebhooksConfig {
  /** The site's public origin, for `data.url` in the events (SITE_URL). */
  siteUrl: string;
  /** The CMS's public origin, for `data.apiUrl` (PUBLIC_URL; else http://localhost:<PORT>). */
  cmsUrl: string;
  /**
   * Whether webhook URLs may use plain http and point at loopback, private
   * or link-local addresses (PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS; default: no,
   * yes only with the explicit development flag CMS_DEVELOPMENT=true).
   */
  allowLocalUrls: boolean;
  /**
   * Whether the instance that makes a change sends its deliveries right after
   * the commit (PARTNER_WEBHOOKS_IMMEDIATE_SEND, default true). False leaves
   * every send to the poller (the worker, CMS_ROLE=worker): web instances
   * then make no outgoing calls, at the cost of up to 10 s of delay.
   */
  immediateSend: boolean;
  /** Per-attempt timeout, ms. */
  timeoutMs: number;
  /** Attempts before a delivery is `failed` (the first one included). */
  maxAttempts: number;
  /** Wait after failed attempt n (1-based) before attempt n + 1, seconds: maxAttempts - 1 values. */
  retryDelaysSeconds: readonly number[];
  /** How long a claimed delivery belongs to the instance sending it, seconds (longer than timeoutMs). */
  leaseSeconds: number;
  /** Deliveries one retry run takes at most. */
  batchSize: number;
  /** Days delivered and failed deliveries stay in the log (PARTNER_WEBHOOKS_RETENTION_DAYS). */
  retentionDays: number;
}

type Env = Record<string, string | undefined>;

const RETRY_DELAYS_SECONDS = [30, 2 * 60, 10 * 60, 60 * 60, 6 * 60 * 60] as const;

/** An http(s) URL without its trailing slash; `keepPath` keeps a path prefix (a CMS served under /cms). */
function httpUrl(name: string, value: string, keepPath: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Partner webhooks: ${name}="${value}" must be an http(s) origin, e.g. https://chiudeteicallcenter.eu.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Partner webhooks: ${name}="${value}" must be an http(s) origin, e.g. https://chiudeteicallcenter.eu.`);
  }
  return keepPath ? `${url.origin}${url.pathname}`.replace(/\/+$/, '') : url.origin;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = value?.trim().toLowerCase();
  if (!text) return fallback;
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw new Error(`Partner webhooks: ${name}="${value}" must be true or false.`);
}

export function readPartnerWebhooksConfig(env: Env): PartnerWebhooksConfig {
  const port = env.PORT?.trim() || '1337';
  const retention = env.PARTNER_WEBHOOKS_RETENTION_DAYS?.trim() || '30';
  if (!/^\d+$/.test(retention) || Number(retention) < 1 || Number(retention) > 3650) {
    throw new Error(`Partner webhooks: PARTNER_WEBHOOKS_RETENTION_DAYS="${retention}" must be a whole number of days between 1 and 3650.`);
  }
  return {
    siteUrl: httpUrl('SITE_URL', env.SITE_URL?.trim() || 'http://localhost:3000', false),
    cmsUrl: httpUrl('PUBLIC_URL', env.PUBLIC_URL?.trim() || `http://localhost:${port}`, true),
    allowLocalUrls: flag('PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS', env.PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS, isDevelopmentMode(env)),
    immediateSend: flag('PARTNER_WEBHOOKS_IMMEDIATE_SEND', env.PARTNER_WEBHOOKS_IMMEDIATE_SEND, true),
    timeoutMs: 5_000,
    maxAttempts: RETRY_DELAYS_SECONDS.length + 1,
    retryDelaysSeconds: RETRY_DELAYS_SECONDS,
    leaseSeconds: 60,
    batchSize: 20,
    retentionDays: Number(retention),
  };
}
