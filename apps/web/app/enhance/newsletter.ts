import { PARTS } from './names';
import { part } from './parts';

/**
 * The newsletter's subscription form on pages without Vue (NewsletterSignup.vue).
 * This part only waits: the form's code (the form token, the proof of work,
 * the request and its errors: ./newsletter-form.ts, a script of its own)
 * is loaded when the reader first focuses a field or sends, so pages where
 * nobody subscribes never download it. Its address is in the root's
 * `data-script` (the build names it with a content hash).
 */
export interface NewsletterFormModule {
  mountNewsletterForm(root: HTMLElement, form: HTMLFormElement): void;
}

const NAMES = PARTS.newsletter;

export function enhanceNewsletter(root: HTMLElement): void {
  const form = part(root, NAMES.form, HTMLFormElement);
  const src = root.dataset.script;
  if (!src) return;
  // Disabled in the server's HTML, for readers without JavaScript: usable now.
  part(root, NAMES.submit, HTMLButtonElement).disabled = false;
  let loading: Promise<void> | undefined;
  let pendingSubmit = false;

  const load = () => {
    loading ??= (import(/* @vite-ignore */ src) as Promise<NewsletterFormModule>).then(
      (module) => {
        form.removeEventListener('submit', holdSubmit);
        module.mountNewsletterForm(root, form);
        if (pendingSubmit) form.requestSubmit();
      },
      () => {
        part(root, NAMES.status, HTMLElement).textContent = 'Il modulo non si è caricato: controlla la connessione e ricarica la pagina.';
      },
    );
    return loading;
  };
  // Until the form's code is here, a submission waits for it (and is sent once it is).
  const holdSubmit = (event: Event) => {
    event.preventDefault();
    pendingSubmit = true;
    void load();
  };
  form.addEventListener('submit', holdSubmit);
  form.addEventListener('focusin', () => void load(), { once: true });
}
