import { describe, expect, it } from 'vitest';
import { CONTACT_TOPICS, CONTACT_TOPIC_LABELS } from '../contact-messages';
import { contactMessageSchema, type ContactMessageInput } from './contact-message';
import { toFieldErrors } from './schema-helpers';

const valid: ContactMessageInput = {
  name: 'Marta Rossi',
  email: 'marta@example.org',
  topic: 'libro',
  message: 'Vorrei sapere se il libro esiste anche in formato e-book.',
  privacyAccepted: true,
};

const errorsOf = (input: unknown) => {
  const result = contactMessageSchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error, input);
};
const codesOf = (input: unknown) => errorsOf(input).map((e) => e.code).sort();

describe('contactMessageSchema', () => {
  it('accepts a complete message and trims the text', () => {
    const parsed = contactMessageSchema.parse({ ...valid, name: '  Marta Rossi ', email: ' marta@example.org ', message: `  ${valid.message}\n` });
    expect(parsed).toEqual(valid);
  });

  it('takes an empty or missing name as none', () => {
    expect(contactMessageSchema.parse({ ...valid, name: '   ' }).name).toBeUndefined();
    const { name: _name, ...withoutName } = valid;
    expect(contactMessageSchema.parse(withoutName).name).toBeUndefined();
  });

  it('marks every missing required field as required, with an Italian message', () => {
    const errors = errorsOf({});
    expect(errors.map((e) => e.code).sort()).toEqual(['email.required', 'message.required', 'privacyAccepted.required', 'topic.required']);
    expect(errors.find((e) => e.field === 'email')?.message).toMatch(/ti rispondiamo/);
    expect(errors.find((e) => e.field === 'topic')?.message).toBe('Scegli l\'argomento del messaggio.');
  });

  it('tells a blank e-mail (required) from a wrong one (invalid)', () => {
    expect(codesOf({ ...valid, email: '  ' })).toEqual(['email.required']);
    expect(errorsOf({ ...valid, email: 'marta@' })).toEqual([
      { field: 'email', code: 'email.invalid', message: expect.stringMatching(/non sembra valido/) },
    ]);
    expect(codesOf({ ...valid, email: 42 })).toEqual(['email.invalid']);
    expect(codesOf({ ...valid, email: `${'a'.repeat(250)}@example.org` })).toEqual(['email.too_long']);
  });

  it('wants a message of 20 to 5000 characters, counted after trimming', () => {
    expect(errorsOf({ ...valid, message: `  ${'x'.repeat(19)}  ` })).toEqual([
      { field: 'message', code: 'message.too_short', message: expect.stringMatching(/almeno 20 caratteri/) },
    ]);
    expect(codesOf({ ...valid, message: 'x'.repeat(20) })).toEqual([]);
    expect(codesOf({ ...valid, message: 'x'.repeat(5000) })).toEqual([]);
    expect(codesOf({ ...valid, message: 'x'.repeat(5001) })).toEqual(['message.too_long']);
  });

  it('limits the name to 80 characters', () => {
    expect(codesOf({ ...valid, name: 'x'.repeat(81) })).toEqual(['name.too_long']);
  });

  it('accepts only the known topics', () => {
    for (const topic of CONTACT_TOPICS) expect(codesOf({ ...valid, topic }), topic).toEqual([]);
    expect(codesOf({ ...valid, topic: 'reclamo' })).toEqual(['topic.invalid']);
    expect(Object.keys(CONTACT_TOPIC_LABELS)).toEqual([...CONTACT_TOPICS]);
  });

  it('requires the privacy checkbox to be ticked', () => {
    expect(codesOf({ ...valid, privacyAccepted: false })).toEqual(['privacyAccepted.required']);
    expect(codesOf({ ...valid, privacyAccepted: 'true' })).toEqual(['privacyAccepted.invalid']);
  });

  it('refuses fields that are not in the form (mass assignment)', () => {
    expect(errorsOf({ ...valid, messageStatus: 'risposto', internalNote: 'x', ipHash: 'f' })).toEqual(expect.arrayContaining([
      { field: 'messageStatus', code: 'unknown_field', message: 'Il campo «messageStatus» non fa parte del modulo.' },
      expect.objectContaining({ field: 'internalNote', code: 'unknown_field' }),
      expect.objectContaining({ field: 'ipHash', code: 'unknown_field' }),
    ]));
  });

  it('refuses values of the wrong type, one error per field', () => {
    expect(codesOf({ name: ['x'], email: null, topic: 3, message: { text: 'ciao' }, privacyAccepted: 1 }))
      .toEqual(['email.required', 'message.invalid', 'name.invalid', 'privacyAccepted.invalid', 'topic.invalid']);
  });
});
