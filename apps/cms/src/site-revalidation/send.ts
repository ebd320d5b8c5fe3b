import type { RevalidationRequest } from './payload';
import type { SiteRevalidationConfig } from './config';

export interface SendLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface SendResult {
  ok: boolean;
  attempts: number;
  /** The last HTTP status, 0 when the site did not answer. */
  status: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Worth another try: no answer, overloaded or failing. A 4xx is a configuration problem that retrying does not fix. */
const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * POSTs one revalidation request, with a timeout per attempt and a few
 * retries. Never throws: a lost purge only means the site shows the old
 * version until its cache TTL, so failures are logged, not raised.
 */
export async function sendRevalidation(config: SiteRevalidationConfig, request: RevalidationRequest, log: SendLogger): Promise<SendResult> {
  const what = `${request.action} ${request.type} ${request.documentId}`;
  // Ends: the attempt after the last delay returns whatever happens.
  for (let attempt = 1; ; attempt++) {
    let status: number;
    let reason: string;
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${config.secret}` },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      status = response.status;
      reason = `${response.status} ${response.statusText}`;
      await response.body?.cancel();
      if (response.ok) return { ok: true, attempts: attempt, status };
    } catch (error) {
      status = 0;
      reason = (error as Error).name === 'TimeoutError' ? `no answer within ${config.timeoutMs} ms` : (error as Error).message;
    }
    const delay = config.retryDelaysMs[attempt - 1];
    if (!retryable(status) || delay === undefined) {
      log.error(`[site-revalidation] [POST] "${config.url}" failed for ${what} after ${attempt} attempt(s): ${reason}. The site shows the change when its cache expires.`);
      return { ok: false, attempts: attempt, status };
    }
    log.warn(`[site-revalidation] [POST] "${config.url}" attempt ${attempt} for ${what}: ${reason}; retrying in ${delay} ms`);
    await sleep(delay);
  }
}
