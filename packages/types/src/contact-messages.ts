import type { AxiosInstance } from 'axios';
import type { ContactMessageInput } from './forms/contact-message';
import type { AntiAbuseFields } from './submissions';

/**
 * The contact form (`POST /api/contact-messages`, the CMS contract; see
 * apps/cms/src/api/contact-message). Write-only: nobody outside the admin
 * ever reads a message back. The form token and the ALTCHA challenge come
 * from the same endpoints as the testimony form's (`submissions.formToken('contact')`,
 * `submissions.challengeUrl()`).
 */

/** What a message is about (the CMS's `topic` enumeration), in the order the form offers them. */
export const CONTACT_TOPICS = ['informazioni', 'stampa', 'libro', 'segnalazione', 'altro'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

export const CONTACT_TOPIC_LABELS: Record<ContactTopic, string> = {
  informazioni: 'Informazioni sul progetto',
  stampa: 'Stampa e interviste',
  libro: 'Il libro',
  segnalazione: 'Segnalazione di un errore',
  altro: 'Altro',
};

/** Where the redazione stands with a message (the CMS's `messageStatus`). */
export const CONTACT_MESSAGE_STATUSES = ['nuovo', 'letto', 'risposto'] as const;
export type ContactMessageStatus = (typeof CONTACT_MESSAGE_STATUSES)[number];

export const CONTACT_MESSAGE_STATUS_LABELS: Record<ContactMessageStatus, string> = {
  nuovo: 'Nuovo',
  letto: 'Letto',
  risposto: 'Risposto',
};

/** Length limits of the message (shared by the form's hint and the schema). */
export const CONTACT_MESSAGE_MIN_LENGTH = 20;
export const CONTACT_MESSAGE_MAX_LENGTH = 5000;
export const CONTACT_NAME_MAX_LENGTH = 80;

/** The CMS's answer to a message: its id, and nothing the reader sent. */
export interface ContactMessageReceipt {
  id: string;
}

export interface ContactMessagesClient {
  /** Sends a message with its anti-abuse fields; resolves once the CMS has stored it (202). */
  send(data: ContactMessageInput & AntiAbuseFields): Promise<ContactMessageReceipt>;
}

export function contactMessagesClient(
  http: AxiosInstance,
  call: <R>(request: () => Promise<{ data: R }>, method: string, path: string) => Promise<R>,
): ContactMessagesClient {
  return {
    send: async (data) =>
      (await call<{ data: ContactMessageReceipt }>(() => http.post('/contact-messages', { data }), 'POST', '/contact-messages')).data,
  };
}
