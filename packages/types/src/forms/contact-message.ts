import { z } from 'zod';
import {
  CONTACT_MESSAGE_MAX_LENGTH,
  CONTACT_MESSAGE_MIN_LENGTH,
  CONTACT_NAME_MAX_LENGTH,
  CONTACT_TOPICS,
} from '../contact-messages';
import { mustBeTrue, optionalText, requiredEmail, requiredText } from './schema-helpers';

/**
 * The contact form (/contatti): one schema for the browser form and the CMS
 * endpoint, like the testimony form's. Italian messages; `toFieldErrors`
 * gives each a code (`message.too_short`, `email.required`, ...). Strict:
 * any other key is refused as `unknown_field`.
 */
export const contactMessageSchema = z.strictObject({
  name: optionalText(CONTACT_NAME_MAX_LENGTH, `Il nome può avere al massimo ${CONTACT_NAME_MAX_LENGTH} caratteri.`),
  email: requiredEmail({
    required: 'Scrivi il tuo indirizzo e-mail: è lì che ti rispondiamo.',
    invalid: 'Questo indirizzo e-mail non sembra valido: controllalo (per esempio nome@esempio.it).',
    long: 'L\'indirizzo e-mail è troppo lungo.',
  }),
  topic: z.enum(CONTACT_TOPICS, { error: 'Scegli l\'argomento del messaggio.' }),
  message: requiredText(CONTACT_MESSAGE_MIN_LENGTH, CONTACT_MESSAGE_MAX_LENGTH, {
    required: 'Scrivi il tuo messaggio.',
    short: `Il messaggio deve avere almeno ${CONTACT_MESSAGE_MIN_LENGTH} caratteri: spiegaci di che cosa hai bisogno.`,
    long: `Il messaggio può avere al massimo ${CONTACT_MESSAGE_MAX_LENGTH} caratteri.`,
  }),
  privacyAccepted: mustBeTrue('Per inviare il messaggio devi accettare l\'informativa sulla privacy.'),
});

export type ContactMessageInput = z.input<typeof contactMessageSchema>;
export type ContactMessage = z.output<typeof contactMessageSchema>;
