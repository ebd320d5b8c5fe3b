import { CONTACT_MESSAGE_MAX_LENGTH, CONTACT_MESSAGE_MIN_LENGTH, type ContactMessageData, type ContactTopic } from '@chiudete/types';
import type { PublicFormDefinition } from './public-form';

/** Pure helpers of the contact form (/contatti): its fields, their controls' ids, its values, its definition (CONTACT_FORM). */

/** The fields of the form, in the order a reader meets them (the error summary follows it). */
export const CONTACT_FIELDS = ['topic', 'message', 'name', 'email', 'privacyAccepted'] as const;

export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The id of a field's control (the error summary links to it). */
export const contactFieldId = (field: ContactField): string => `contatto-${field}`;

/** What the controls hold: an empty string for "not chosen yet". */
export type ContactFormValues = {
  topic: ContactTopic | '';
  message: string;
  name: string;
  email: string;
  privacyAccepted: boolean;
};

export function emptyContactForm(): ContactFormValues {
  return { topic: '', message: '', name: '', email: '', privacyAccepted: false };
}

/** The values as the shared schema expects them: an unchosen topic is missing (the schema then says "choose…"). */
export function toContactInput(values: ContactFormValues): Record<string, unknown> {
  return { ...values, topic: values.topic || undefined };
}

/** The hint under the message: its length limits, in words. */
export const CONTACT_MESSAGE_HINT = `Da ${CONTACT_MESSAGE_MIN_LENGTH} a ${new Intl.NumberFormat('it-IT').format(CONTACT_MESSAGE_MAX_LENGTH)} caratteri. Non scrivere dati che non servono a risponderti (codici cliente, numeri di contratto…).`;

/** The contact form, for usePublicForm (useContactForm). */
export const CONTACT_FORM: PublicFormDefinition<ContactField, ContactFormValues, ContactMessageData> = {
  form: 'contact',
  schema: (schemas) => schemas.contactMessageSchema,
  fields: CONTACT_FIELDS,
  controlId: contactFieldId,
  empty: emptyContactForm,
  toInput: toContactInput,
  texts: {
    failure: 'Il messaggio non è stato inviato',
    notSent: 'il messaggio non è stato inviato',
    shorten: 'Accorcia il messaggio e riprova.',
    submitLabel: 'Invia il messaggio',
    sentStatus: 'Messaggio inviato.',
  },
};
