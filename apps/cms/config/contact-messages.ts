import type { Core } from '@strapi/strapi';
import { wholeNumber } from './submissions';

/**
 * Contact messages (src/api/contact-message). Read with
 * `strapi.config.get('contact-messages')`. The recipient of their e-mails
 * is the same as the submissions' (EMAIL_REDAZIONE, config/submissions.ts).
 */
export interface ContactMessagesConfig {
  /** Days after its arrival before a message loses its personal data (name, e-mail, text, note, ipHash). */
  retentionDays: number;
}

const config = ({ env }: Core.Config.Shared.ConfigParams): ContactMessagesConfig => ({
  retentionDays: wholeNumber('CONTACT_MESSAGE_RETENTION_DAYS', env('CONTACT_MESSAGE_RETENTION_DAYS'), 365, 1, 3650),
});

export default config;
