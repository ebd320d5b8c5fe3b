// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enhance } from './enhance';
import { errorsOf, formData, mountNewsletterForm, solveChallenge } from './newsletter-form';

/** The markup NewsletterSignup.vue renders (the parts the script works on). */
function signupMarkup(script = '/_enhance/newsletter.test.js'): string {
  return `<section data-enhance="newsletter" data-script="${script}">
    <form data-part="newsletter-form" method="post" novalidate>
      <div role="alert" data-part="newsletter-status"></div>
      <label for="e">Il tuo indirizzo e-mail</label><input id="e" type="email" name="email">
      <input type="checkbox" name="interests" value="testimonianze" checked>
      <input type="checkbox" name="interests" value="bollette">
      <input type="checkbox" name="interests" value="telemarketing" checked>
      <input type="checkbox" id="p" name="privacyAccepted" value="true"><label for="p">Accetto</label>
      <input type="text" name="website" value="">
      <button type="submit" data-part="newsletter-submit" disabled>Iscrivimi</button>
    </form>
    <div data-part="newsletter-done" hidden><p>Quasi fatto</p></div>
  </section>`;
}

const root = () => document.querySelector<HTMLElement>('[data-enhance="newsletter"]')!;
const form = () => document.querySelector<HTMLFormElement>('form')!;
const status = () => document.querySelector<HTMLElement>('[data-part="newsletter-status"]')!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A real ALTCHA-style challenge: SHA-256 of salt + a small number. */
function challenge(number = 42) {
  const salt = 'sale123';
  return { algorithm: 'SHA-256', challenge: createHash('sha256').update(`${salt}${number}`).digest('hex'), salt, signature: 'firma', maxnumber: 1000 };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the newsletter form (enhancement)', () => {
  it('enables the button that the server disabled for readers without JavaScript', () => {
    document.body.innerHTML = signupMarkup();
    enhance(document);
    expect(document.querySelector('button')!.disabled).toBe(false);
  });

  it('reads what the reader filled in: address, ticked interests, consent', () => {
    document.body.innerHTML = signupMarkup();
    document.querySelector<HTMLInputElement>('[name="email"]')!.value = '  marta@example.org ';
    expect(formData(form())).toEqual({ email: 'marta@example.org', interests: ['testimonianze', 'telemarketing'], privacyAccepted: false });
  });

  it('solves an ALTCHA challenge as the widget does', async () => {
    const payload = JSON.parse(atob(await solveChallenge(challenge(42)))) as Record<string, unknown>;
    expect(payload).toMatchObject({ algorithm: 'SHA-256', number: 42, salt: 'sale123', signature: 'firma' });
  });

  it('says what is missing without calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    document.body.innerHTML = signupMarkup();
    mountNewsletterForm(root(), form());
    form().requestSubmit();
    await settle();
    expect(fetch).not.toHaveBeenCalled();
    expect(status().textContent).toContain('Scrivi il tuo indirizzo e-mail');
    expect(status().textContent).toContain('accettare l\'informativa');
    expect(document.querySelector('[name="email"]')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the form with its proofs and an idempotency key, then shows «controlla la tua casella»', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/form-tokens/newsletter') return Response.json({ data: { token: 'tok', minFillSeconds: 0 } });
      if (url === '/api/altcha/challenge') return Response.json(challenge(7));
      return Response.json({ data: { status: 'received' } }, { status: 202 });
    }));
    document.body.innerHTML = signupMarkup();
    mountNewsletterForm(root(), form());
    document.querySelector<HTMLInputElement>('[name="email"]')!.value = 'marta@example.org';
    document.querySelector<HTMLInputElement>('[name="privacyAccepted"]')!.checked = true;
    form().requestSubmit();
    await vi.waitFor(() => expect(form().hidden, status().textContent ?? '').toBe(true));
    expect(document.querySelector<HTMLElement>('[data-part="newsletter-done"]')!.hidden).toBe(false);
    const post = calls.find((call) => call.url === '/api/newsletter-subscriptions')!;
    expect((post.init!.headers as Record<string, string>)['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const body = JSON.parse(String(post.init!.body)) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({ email: 'marta@example.org', interests: ['testimonianze', 'telemarketing'], privacyAccepted: true, formToken: 'tok', website: '' });
    expect(JSON.parse(atob(String(body.data.altcha)))).toMatchObject({ number: 7 });
  });

  it('shows the CMS\'s Italian field errors, and a clear message when the server cannot be reached', async () => {
    expect(errorsOf(400, { error: { details: { errors: [{ field: 'email', code: 'email.invalid', message: 'Questo indirizzo e-mail non sembra valido' }] } } }))
      .toEqual([{ field: 'email', code: 'email.invalid', message: 'Questo indirizzo e-mail non sembra valido' }]);
    expect(errorsOf(429, null)[0]!.message).toMatch(/Troppi invii/);
    expect(errorsOf(502, null)[0]!.message).toMatch(/controlla la connessione/);

    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    document.body.innerHTML = signupMarkup();
    mountNewsletterForm(root(), form());
    document.querySelector<HTMLInputElement>('[name="email"]')!.value = 'marta@example.org';
    document.querySelector<HTMLInputElement>('[name="privacyAccepted"]')!.checked = true;
    form().requestSubmit();
    await vi.waitFor(() => expect(status().textContent).toMatch(/Non siamo riusciti a inviare/));
    expect(document.querySelector('button')!.disabled).toBe(false);
  });
});
