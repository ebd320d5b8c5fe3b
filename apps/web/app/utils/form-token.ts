import type { FormToken } from '@chiudete/types';
import type { PublicFormName } from './public-form';

/**
 * The signed form token of one public form: fetched when the reader starts
 * filling the form in (the CMS measures the fill time from it), the minimum
 * fill time waited out before sending, spent by each attempt. Used by
 * usePublicForm; `fetchToken` is the typed client's `submissions.formToken`.
 */
export interface FormTokenKeeper {
  /** Asks for a fresh token: the fill time starts now. Resolves false when none could be had. */
  startFilling(): Promise<boolean>;
  /** A usable token, spent (the next attempt needs another): fetched again when missing or about to expire, after the minimum fill time. Null when none could be had. */
  take(): Promise<string | null>;
}

/** Margin over the CMS's minimum fill time, and before a token's expiry. */
const FILL_MARGIN_MS = 500;
const EXPIRY_MARGIN_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFormTokenKeeper(form: PublicFormName, fetchToken: (form: PublicFormName) => Promise<FormToken>): FormTokenKeeper {
  /** The current token, and when it arrived (the CMS measures from its issue, a bit earlier). */
  let current: { token: FormToken; receivedAt: number } | null = null;
  let pending: Promise<boolean> | null = null;

  function startFilling(): Promise<boolean> {
    pending ??= fetchToken(form)
      .then((token) => {
        current = { token, receivedAt: Date.now() };
        return true;
      })
      .catch((cause: unknown) => {
        console.warn(`[${form} form] form token:`, cause instanceof Error ? cause.message : cause);
        current = null;
        return false;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  async function take(): Promise<string | null> {
    if (pending) await pending;
    const expires = current ? Date.parse(current.token.expiresAt) : Number.NaN;
    if (!current || (Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS < Date.now())) {
      if (!(await startFilling())) return null;
    }
    if (!current) return null;
    const minimum = current.token.minFillSeconds * 1000;
    const remaining = minimum > 0 ? minimum + FILL_MARGIN_MS - (Date.now() - current.receivedAt) : 0;
    if (remaining > 0) await sleep(remaining);
    const { token } = current.token;
    current = null;
    return token;
  }

  return { startFilling, take };
}
