import type { AntiAbuseFields, FieldError, FormToken } from '@chiudete/types';

/**
 * What every public form (testimony, contact) does around its own POST, from
 * the browser to this site's server, which relays it to the CMS: a signed form token fetched when the
 * reader starts filling the form in (the CMS measures the fill time from
 * it), the minimum fill time waited out, the token spent on each attempt,
 * and any failure turned into `FieldError[]` with Italian messages, like the
 * shared schema's own (publicFormErrors, loaded with the client: loadFormClient).
 * Client-only by design: no SSR cache.
 */

/** The forms the CMS issues tokens for (`GET /api/form-tokens/:form`). */
export type PublicFormName = 'testimony' | 'contact';

/** Where the form token comes from (the typed client's `submissions.formToken`, or a fake in tests). */
export interface FormTokenSource {
  formToken(form: PublicFormName): Promise<FormToken>;
}

export interface AntiAbuseInput {
  /** The honeypot, as the reader (or a bot) left it. */
  website: string;
  /** The ALTCHA payload produced by the widget. */
  altcha: string;
}

/** The words that differ from form to form in the failure messages. */
export interface PublicFormTexts {
  /** What did not happen, lower case: «la storia non è stata inviata». */
  notSent: string;
  /** What to shorten after a 413: «Accorcia la storia e riprova.» */
  shorten: string;
}

export type PublicFormResult<R> = { ok: true; value: R } | { ok: false; errors: FieldError[] };

/** Margin over the CMS's minimum fill time, and before a token's expiry. */
const FILL_MARGIN_MS = 500;
const EXPIRY_MARGIN_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The form token and the sending of one public form. `api` gives the CMS
 * calls once loaded. Call `startFilling()` when the reader starts filling the
 * form in; `send(post, antiAbuse)` waits for a usable token, spends it on
 * `post` and, after a failure, asks for a new one at once so that its fill
 * time runs while the reader corrects the form.
 */
export function usePublicForm(form: PublicFormName, api: () => Promise<FormTokenSource>, texts: PublicFormTexts) {
  /** The current form token, and when it arrived (the CMS measures from its issue, a bit earlier). */
  let current: { token: FormToken; receivedAt: number } | null = null;
  let pending: Promise<boolean> | null = null;

  /** Asks for a fresh form token: the fill time starts now. */
  function startFilling(): Promise<boolean> {
    pending ??= api()
      .then((source) => source.formToken(form))
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

  /** A usable token: fetched again when missing or about to expire, after waiting out the minimum fill time. */
  async function readyToken(): Promise<string | null> {
    if (pending) await pending;
    const expires = current ? Date.parse(current.token.expiresAt) : Number.NaN;
    if (!current || (Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS < Date.now())) {
      if (!(await startFilling())) return null;
    }
    if (!current) return null;
    const minimum = current.token.minFillSeconds * 1000;
    const remaining = minimum > 0 ? minimum + FILL_MARGIN_MS - (Date.now() - current.receivedAt) : 0;
    if (remaining > 0) await sleep(remaining);
    return current.token.token;
  }

  /** Sends the form once; whatever the outcome, the token is spent. */
  async function send<R>(post: (fields: AntiAbuseFields) => Promise<R>, antiAbuse: AntiAbuseInput): Promise<PublicFormResult<R>> {
    const formToken = await readyToken();
    if (!formToken) return { ok: false, errors: [UNREACHABLE_ERROR] };
    current = null;
    try {
      return { ok: true, value: await post({ website: antiAbuse.website, altcha: antiAbuse.altcha, formToken }) };
    } catch (cause) {
      console.warn(`[${form} form] send:`, cause instanceof Error ? cause.message : cause);
      void startFilling();
      const errors = await loadFormClient().then(({ publicFormErrors }) => publicFormErrors(cause, texts), () => [UNREACHABLE_ERROR]);
      return { ok: false, errors };
    }
  }

  return { startFilling, send };
}
