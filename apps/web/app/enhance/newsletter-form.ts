import { PARTS } from './names';
import { part } from './parts';

/**
 * The newsletter form's code, loaded on first use (./newsletter.ts): like
 * the site's other forms it asks this site (which relays to the CMS) for a
 * form token and an ALTCHA challenge, solves the challenge, and sends the
 * form with an idempotency key. The CMS validates everything again; its
 * Italian field errors are shown in the form's alert. A script of its own,
 * built by modules/enhance-script.ts.
 */

const NAMES = PARTS.newsletter;

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

interface Challenge {
  algorithm: string;
  challenge: string;
  salt: string;
  signature: string;
  maxnumber?: number;
}

const UNREACHABLE = 'Non siamo riusciti a inviare l\'iscrizione: controlla la connessione e riprova.';

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Solves an ALTCHA challenge (SHA-256 of salt + number) as the widget does: the widget's payload, base64 JSON. */
export async function solveChallenge(challenge: Challenge): Promise<string> {
  const started = Date.now();
  const encoder = new TextEncoder();
  const max = challenge.maxnumber ?? 1_000_000;
  for (let number = 0; number <= max; number++) {
    if (hex(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge.salt}${number}`))) === challenge.challenge) {
      const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature, took: Date.now() - started };
      return btoa(JSON.stringify(payload));
    }
  }
  throw new Error('ALTCHA challenge not solved');
}

/** What the form sends: the address, the interests ticked, the consent. */
export function formData(form: HTMLFormElement): { email: string; interests: string[]; privacyAccepted: boolean } {
  const data = new FormData(form);
  return {
    email: String(data.get('email') ?? '').trim(),
    interests: data.getAll('interests').map(String),
    privacyAccepted: data.get('privacyAccepted') === 'true',
  };
}

/** The errors of a refused answer, or one form error when the answer has none to show. */
export function errorsOf(status: number, body: unknown): FieldError[] {
  const errors = (body as { error?: { details?: { errors?: FieldError[] } } } | null)?.error?.details?.errors;
  if (status === 400 && Array.isArray(errors) && errors.length > 0) return errors;
  if (status === 429) return [{ field: '_form', code: 'rate_limited', message: 'Troppi invii da questa connessione in poco tempo: riprova tra qualche minuto.' }];
  return [{ field: '_form', code: 'unavailable', message: UNREACHABLE }];
}

const getJson = async <T>(path: string): Promise<T> => {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`[GET] "${path}": ${res.status}`);
  return (await res.json()) as T;
};

export function mountNewsletterForm(root: HTMLElement, form: HTMLFormElement): void {
  const status = part(root, NAMES.status, HTMLElement);
  const done = part(root, NAMES.done, HTMLElement);
  const submit = part(root, NAMES.submit, HTMLButtonElement);
  let fillKey: string | undefined;
  let sending = false;

  const show = (errors: FieldError[]) => {
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const error of errors) form.querySelector(`[name="${error.field.split('.')[0]}"]`)?.setAttribute('aria-invalid', 'true');
    status.replaceChildren(...errors.map((error) => Object.assign(document.createElement('p'), { textContent: error.message })));
    status.setAttribute('tabindex', '-1');
    status.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    const data = formData(form);
    const local: FieldError[] = [];
    if (!data.email) local.push({ field: 'email', code: 'email.required', message: 'Scrivi il tuo indirizzo e-mail: è lì che ti mandiamo la newsletter.' });
    if (!data.privacyAccepted) local.push({ field: 'privacyAccepted', code: 'privacyAccepted.required', message: 'Per iscriverti devi accettare l\'informativa sulla privacy.' });
    if (local.length > 0) {
      show(local);
      return;
    }
    sending = true;
    submit.disabled = true;
    status.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Invio in corso…' }));
    fillKey ??= crypto.randomUUID();
    void (async () => {
      try {
        const { data: token } = await getJson<{ data: { token: string; minFillSeconds: number } }>('/api/form-tokens/newsletter');
        const fillableAt = Date.now() + token.minFillSeconds * 1000 + 50;
        const altcha = await solveChallenge(await getJson<Challenge>('/api/altcha/challenge'));
        const wait = fillableAt - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const website = String(new FormData(form).get('website') ?? '');
        const res = await fetch('/api/newsletter-subscriptions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': fillKey! },
          body: JSON.stringify({ data: { ...data, formToken: token.token, altcha, website } }),
        });
        if (res.status === 202) {
          form.hidden = true;
          done.hidden = false;
          status.replaceChildren();
          done.setAttribute('tabindex', '-1');
          done.focus();
          return;
        }
        show(errorsOf(res.status, await res.json().catch(() => null)));
        if (res.status === 422) fillKey = crypto.randomUUID();
      } catch {
        show(errorsOf(0, null));
      } finally {
        sending = false;
        submit.disabled = false;
      }
    })();
  });
}
