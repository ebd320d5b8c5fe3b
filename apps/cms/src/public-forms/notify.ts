import type { Core } from '@strapi/strapi';
import type { SubmissionsConfig } from '../../config/submissions';

/**
 * E-mails to the redazione about what readers send through the public forms
 * (testimonies, contact messages), through Strapi's e-mail plugin (the
 * nodemailer provider, config/plugins.ts): who receives them, links into
 * the admin, safe text, and sending after the row is committed without
 * making the reader wait.
 */

/** The project's address (CONTENT.md): the last resort when neither EMAIL_REDAZIONE nor the site settings give one. */
export const DEFAULT_REDAZIONE_EMAIL = 'redazione@chiudeteicallcenter.eu';
const LOCAL_CMS_URL = 'http://localhost:1337';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Omitted: the text, escaped (see `sendToRedazione`). */
  html?: string;
  /** Where a reply goes (e.g. the reader who wrote). */
  replyTo?: string;
}

interface EmailPluginConfig {
  providerOptions?: { jsonTransport?: boolean };
}

interface EmailService {
  send(message: EmailMessage): Promise<unknown>;
}

/** Whitespace (newlines included) folded to single spaces: for subjects and one-line facts. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[char] ?? char);

/** Control characters other than tab and newline (a reader's text in a plain-text e-mail). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A reader's multi-line text for a plain-text e-mail: newlines normalised, control characters dropped. */
export const plainText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');

/** The CMS's public origin (PUBLIC_URL), for links in e-mails. */
export const cmsUrlOf = (strapi: Core.Strapi): string => strapi.config.get<string>('server.url', '') || LOCAL_CMS_URL;

/** The Content Manager's edit page of one entry. */
export const adminEditUrl = (cmsUrl: string, uid: string, documentId: string): string =>
  `${cmsUrl.replace(/\/+$/, '')}/admin/content-manager/collection-types/${uid}/${documentId}`;

/**
 * Who receives the notifications: EMAIL_REDAZIONE when set, otherwise the
 * contact address the editors keep in «Impostazioni del sito»
 * (Global.contactEmail), otherwise the project's address.
 */
export async function redazioneAddress(strapi: Core.Strapi): Promise<string> {
  const configured = strapi.config.get<SubmissionsConfig>('submissions').redazioneEmail;
  if (configured) return configured;
  const global = await strapi.documents('api::global.global').findFirst({ fields: ['contactEmail'] });
  return global?.contactEmail?.trim() || DEFAULT_REDAZIONE_EMAIL;
}

/** A plain text as the HTML part of an e-mail: escaped, line breaks kept. */
export const textAsHtml = (text: string): string =>
  `<div style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(text)}</div>`;

export interface SendOptions {
  /** Prefix of the log line, e.g. `[contact]`. */
  tag: string;
  /**
   * Whether subject and text may be written to the log when SMTP is not configured:
   * not when they hold a reader's personal data (logs are kept and shipped
   * with less care than the database).
   */
  logText: boolean;
  /** Who the log names instead of the address, when it is a reader's (personal data): e.g. `the submitter`. */
  recipientLabel?: string;
}

/**
 * Sends one e-mail; rejects on failure.
 * A message without `html` gets its text, escaped, as the HTML part: the
 * nodemailer provider would otherwise send the raw text AS HTML
 * (`html: options.html ?? options.text`), and a reader's `<img src=…>` would
 * render in the redazione's mail client.
 */
export async function sendToRedazione(strapi: Core.Strapi, message: EmailMessage, { tag, logText, recipientLabel }: SendOptions): Promise<void> {
  await (strapi.plugin('email').service('email') as EmailService).send({ ...message, html: message.html ?? textAsHtml(message.text) });

  // Without SMTP_HOST the provider renders the message to JSON and sends nothing: show it in the log.
  if (strapi.config.get<EmailPluginConfig>('plugin::email').providerOptions?.jsonTransport) {
    const what = logText ? `: "${message.subject}"\n${message.text}` : ' (subject and text not logged: they hold personal data, read them in the admin)';
    strapi.log.info(`${tag} SMTP_HOST is not set, e-mail NOT sent to ${recipientLabel ?? message.to}${what}`);
  }
}

/**
 * Runs a notification after the reader's row is committed, without making
 * the reader wait: its failure (SMTP down...) is logged, never turned into
 * a failed submission.
 */
export function notifyInBackground(strapi: Core.Strapi, tag: string, what: string, notify: () => Promise<void>): void {
  void notify().catch((error: unknown) => {
    strapi.log.error(`${tag} could not notify the editors of ${what}: ${error instanceof Error ? error.message : String(error)}`);
  });
}
