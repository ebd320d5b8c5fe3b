import type { ContactMessagesClient, NewsletterClient, SubmissionsClient } from '@chiudete/types';
import type { InjectionKey, Ref } from 'vue';
import type { FormValues } from '~/utils/public-form';

/**
 * What the public forms load once they are used, and never with the page
 * (issue #10): each a chunk of its own, loaded once; a failed load (network)
 * is tried again on the next call.
 */
function loadOnce<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | null = null;
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = null;
      throw cause;
    });
    return loading;
  };
}

/** The typed client of the forms' endpoints (with axios, relayed by this site's server) and the mapping of its errors: app/lazy/form-client.ts. */
export const loadFormClient = loadOnce(() => import('~/lazy/form-client'));

/** The shared zod schemas of the forms: app/lazy/form-schemas.ts. */
export const loadFormSchemas = loadOnce(() => import('~/lazy/form-schemas'));

/** The public forms' calls (the typed client's `submissions`, `contactMessages` and `newsletter`), through this site's server. */
export interface FormsClient {
  submissions: SubmissionsClient;
  contactMessages: ContactMessagesClient;
  newsletter: NewsletterClient;
}

/** Tests provide a fake `FormsClient` under this key (only the network is faked). */
export const FORMS_CLIENT_KEY: InjectionKey<FormsClient> = Symbol('forms-client');

/**
 * The forms' calls, from the browser to this site's server, which relays
 * them to the CMS (server/utils/public-forms): the typed client of
 * `@chiudete/types`, loaded when first needed (loadFormClient), or the
 * tests' fake. Call it in setup; the returned function may be called any time after.
 */
export function useFormsClient(): () => Promise<FormsClient> {
  const injected = inject(FORMS_CLIENT_KEY, null);
  return async () => injected ?? (await loadFormClient()).formClient();
}

/**
 * Calls `start` once, the first time the reader focuses, taps or clicks
 * something inside `root` (a form): the moment to fetch what the form needs
 * to check and send itself, which the page does not load.
 */
export function useFirstUse(root: Readonly<Ref<HTMLElement | null>>, start: () => void): void {
  const EVENTS = ['focusin', 'pointerdown'] as const;
  let element: HTMLElement | null = null;
  const onUse = () => {
    stop();
    start();
  };
  function stop(): void {
    for (const name of EVENTS) element?.removeEventListener(name, onUse);
    element = null;
  }
  onMounted(() => {
    element = root.value;
    for (const name of EVENTS) element?.addEventListener(name, onUse);
  });
  onBeforeUnmount(stop);
}

/**
 * The starting values of a form that hydrates when the reader first uses it
 * (`hydrate-on-interaction`): the reader may type while its code loads, and
 * hydration would reset every control to the component's state (v-model).
 * So, while hydrating over the server's HTML, the state starts from what the
 * controls hold (found by their `name`); otherwise from `empty`. Call it in
 * the setup of the component whose root is the `<form>`.
 */
export function useFormValuesOnHydration<T extends FormValues>(empty: T): T {
  const values = { ...empty };
  if (!import.meta.client) return values;
  const form = getCurrentInstance()?.vnode.el;
  if (!(form instanceof HTMLFormElement)) return values;
  for (const name of Object.keys(empty) as Array<keyof T & string>) {
    const control = form.elements.namedItem(name);
    if (typeof empty[name] === 'boolean') {
      if (control instanceof HTMLInputElement) values[name] = control.checked as T[typeof name];
    } else if (control instanceof RadioNodeList || control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) {
      values[name] = control.value as T[typeof name];
    }
  }
  return values;
}
