import type { Core } from '@strapi/strapi';
import { CONTACT_TOPIC_LABELS, type ContactTopic } from '@chiudete/types';
import { adminEditUrl, cmsUrlOf, oneLine, plainText, redazioneAddress, sendToRedazione, type EmailMessage } from '../../../public-forms';

/**
 * The e-mail to the redazione about a new contact message: plain text (its
 * HTML part is the same text, escaped: the reader's words never become
 * markup), the whole message (contact
 * messages are never published, so nothing is redacted), and Reply-To set
 * to the reader, so that answering the e-mail answers them.
 */

const CONTACT_MESSAGE_UID = 'api::contact-message.contact-message';

/** What the e-mail shows of a message. */
export interface ContactMessageSummary {
  documentId: string;
  topic: ContactTopic;
  name?: string | null;
  email: string;
  message: string;
  receivedAt: Date;
}

const receivedAtFormat = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' });

export function composeContactMessageEmail(summary: ContactMessageSummary, { to, cmsUrl }: { to: string; cmsUrl: string }): EmailMessage {
  const topic = CONTACT_TOPIC_LABELS[summary.topic];
  const name = summary.name ? oneLine(plainText(summary.name)) : '';
  const email = oneLine(summary.email);
  const link = adminEditUrl(cmsUrl, CONTACT_MESSAGE_UID, summary.documentId);

  const text = [
    'È arrivato un messaggio dal modulo «Contatti» del sito.',
    '',
    `Argomento: ${topic}`,
    `Nome: ${name || '(non indicato)'}`,
    `E-mail: ${email}`,
    `Ricevuto il: ${receivedAtFormat.format(summary.receivedAt)}`,
    '',
    'Messaggio:',
    '',
    plainText(summary.message).trim(),
    '',
    `Per rispondere basta rispondere a questa e-mail: la risposta va a ${email}.`,
    `Il messaggio nel pannello di amministrazione (per segnarlo come letto o risposto): ${link}`,
    '',
    '-- ',
    'Messaggio automatico del sito Chiudete i Call Center. Contiene dati personali: non inoltrarlo fuori dalla redazione.',
  ].join('\n');

  return {
    to,
    replyTo: email,
    subject: `Messaggio dal sito: ${topic}${name ? ` (da ${name})` : ''}`,
    text,
  };
}

const notificationService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Sends a stored message to the redazione. Rejects on failure: the caller logs it. */
  async newMessage(documentId: string): Promise<void> {
    const row = await strapi.documents(CONTACT_MESSAGE_UID).findOne({
      documentId,
      fields: ['topic', 'name', 'email', 'message', 'createdAt'],
    });
    if (!row) throw new Error(`contact message ${documentId} not found`);
    const { topic, email, message } = row;
    if (!topic || !email || !message) throw new Error(`contact message ${documentId} lacks a required field`);

    const mail = composeContactMessageEmail(
      { documentId, topic, name: row.name, email, message, receivedAt: new Date(row.createdAt ?? Date.now()) },
      { to: await redazioneAddress(strapi), cmsUrl: cmsUrlOf(strapi) },
    );
    await sendToRedazione(strapi, mail, { tag: '[contact]', logText: false });
  },
});

export type ContactNotificationService = ReturnType<typeof notificationService>;

export default notificationService;
