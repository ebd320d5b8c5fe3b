import { describe, expect, it } from 'vitest';
import { contactMessageSchema, toFieldErrors } from '@chiudete/types/forms';
import { contactErrorSummary, contactFieldId, emptyContactForm, sortContactErrors, toContactInput } from './contact';

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
