import { describe, expect, it } from 'vitest';
import { contactMessageSchema, toFieldErrors } from '@chiudete/types/forms';
import { CONTACT_FORM, contactFieldId, emptyContactForm, toContactInput } from './contact';
import { fieldErrorSummary, sortFieldErrors, type SortedFieldErrors } from './form-errors';

const sortContactErrors = (errors: Parameters<typeof sortFieldErrors>[0]) => sortFieldErrors(errors, CONTACT_FORM.fields);
const contactErrorSummary = (sorted: SortedFieldErrors<(typeof CONTACT_FORM.fields)[number]>) => fieldErrorSummary(sorted, CONTACT_FORM.fields, CONTACT_FORM.controlId);

const errorsOf = (input: Record<string, unknown>) => {
  const result = contactMessageSchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error, input);
};

describe('the contact form helpers', () => {
  it('turns an empty form into the schema\'s "required" errors, in the form\'s order, linked to the controls', () => {
    const sorted = sortContactErrors(errorsOf(toContactInput(emptyContactForm())));
    expect(Object.keys(sorted.fields).sort()).toEqual(['email', 'message', 'privacyAccepted', 'topic']);
    const items = contactErrorSummary(sorted);
    expect(items.map((item) => item.target)).toEqual(['contatto-topic', 'contatto-message', 'contatto-email', 'contatto-privacyAccepted']);
    expect(items[0]?.message).toBe('Scegli l\'argomento del messaggio.');
  });

  it('is the contact form, with its schema, empty values and ids', () => {
    expect(CONTACT_FORM.form).toBe('contact');
    expect(CONTACT_FORM.schema({ contactMessageSchema } as Parameters<typeof CONTACT_FORM.schema>[0])).toBe(contactMessageSchema);
    expect(CONTACT_FORM.empty()).toEqual(emptyContactForm());
    expect(CONTACT_FORM.controlId('email')).toBe('contatto-email');
  });

  it('passes a filled form to the schema as it is', () => {
    const values = { topic: 'stampa' as const, message: 'Siamo una radio locale e vorremmo intervistarvi.', name: '', email: 'radio@example.org', privacyAccepted: true };
    expect(errorsOf(toContactInput(values))).toEqual([]);
  });

  it('lists errors of fields the form does not show (and of the whole form) after the fields, without a link', () => {
    const sorted = sortContactErrors([
      { field: '_form', code: 'antiabuse.too_fast', message: 'Troppo in fretta.' },
      { field: 'messageStatus', code: 'unknown_field', message: 'Il campo «messageStatus» non fa parte del modulo.' },
      { field: 'email', code: 'email.invalid', message: 'E-mail non valida.' },
    ]);
    expect(contactErrorSummary(sorted)).toEqual([
      { message: 'E-mail non valida.', target: contactFieldId('email') },
      { message: 'Troppo in fretta.' },
      { message: 'Il campo «messageStatus» non fa parte del modulo.' },
    ]);
  });
});
