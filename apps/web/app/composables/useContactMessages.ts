import type { ContactMessageData, ContactMessageReceipt, ContactMessagesClient, FieldError, SubmissionsClient } from '@chiudete/types';
import type { InjectionKey } from 'vue';
import { usePublicForm, type AntiAbuseInput, type PublicFormTexts } from './usePublicForm';

/**
 * The contact form, from the browser to this site's server, which relays it
 * to the CMS (server/utils/public-forms): form token
 * (form `contact`), ALTCHA challenge and `POST /api/contact-messages`.
 * Client-only, no SSR cache; failures as `FieldError[]` with Italian
 * messages (usePublicForm.ts, shared with the testimony form). The typed
 * client of `@chiudete/types` is loaded when the reader starts using the
 * form (loadFormClient); tests provide a fake one
 * under `CONTACT_API_KEY`.
 */
export type ContactApi = Pick<SubmissionsClient, 'formToken' | 'challengeUrl'> & ContactMessagesClient;

export const CONTACT_API_KEY: InjectionKey<ContactApi> = Symbol('contact-api');

export type ContactSendResult = { ok: true; receipt: ContactMessageReceipt } | { ok: false; errors: FieldError[] };

const CONTACT_TEXTS: PublicFormTexts = {
  notSent: 'il messaggio non è stato inviato',
  shorten: 'Accorcia il messaggio e riprova.',
};

export function useContactMessages() {
  const injected = inject(CONTACT_API_KEY, null);
  /** The form's calls: the typed client, loaded when first needed (or the tests' fake). */
  async function api(): Promise<ContactApi> {
    if (injected) return injected;
    const cms = (await loadFormClient()).formClient();
    return {
      formToken: (form) => cms.submissions.formToken(form),
      challengeUrl: () => cms.submissions.challengeUrl(),
      send: (data) => cms.contactMessages.send(data),
    };
  }
  const form = usePublicForm('contact', api, CONTACT_TEXTS);

  /** Sends a validated message; whatever the outcome, the form token is spent. */
  async function send(data: ContactMessageData, antiAbuse: AntiAbuseInput): Promise<ContactSendResult> {
    const client = await api().catch(() => null);
    if (!client) return { ok: false, errors: [UNREACHABLE_ERROR] };
    const result = await form.send((fields) => client.send({ ...data, ...fields }), antiAbuse);
    return result.ok ? { ok: true, receipt: result.value } : result;
  }

  return {
    /** URL the ALTCHA widget fetches its challenge from (this site, relayed to the CMS), once the client is loaded. */
    challengeUrl: async () => (await api()).challengeUrl(),
    /** Asks for a fresh form token: call it when the reader starts filling the form in (the fill time starts now). */
    startFilling: form.startFilling,
    send,
  };
}
