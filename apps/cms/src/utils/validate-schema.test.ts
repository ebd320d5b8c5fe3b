import { describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import { approveRequestSchema, rejectRequestSchema } from '@chiudete/types/forms';
import { validateSchema, type Schema } from './validate-schema';

/** The error `validateSchema` throws for `input`. */
function refusal<T>(schema: Schema<T>, input: unknown): errors.ValidationError {
  try {
    validateSchema(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return error as errors.ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('validateSchema: a zod schema, refused in the envelope of Strapi\'s own validation', () => {
  it('returns the parsed data', () => {
    expect(validateSchema(rejectRequestSchema, { reason: 'spam', note: 'nota' })).toEqual({ reason: 'spam', note: 'nota' });
  });

  it('one problem: its message, and one { path, message, name, value }', () => {
    const error = refusal(approveRequestSchema, { title: 42 });
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Titolo: dev\'essere un testo.');
    expect(error.details).toEqual({ errors: [{ path: ['title'], message: 'Titolo: dev\'essere un testo.', name: 'ValidationError', value: 42 }] });
  });

  it('several problems: their count, one error per field in the schema\'s order, then the unknown keys (the body as value)', () => {
    const body = { reason: 'noioso', note: 5, extra: 1 };
    const error = refusal(rejectRequestSchema, body);
    expect(error.message).toBe('3 errors occurred');
    expect(error.details).toEqual({
      errors: [
        { path: ['reason'], message: expect.stringMatching(/^Motivo del rifiuto non valido: scegli uno fra /), name: 'ValidationError', value: 'noioso' },
        { path: ['note'], message: 'Nota: dev\'essere un testo.', name: 'ValidationError', value: 5 },
        { path: [], message: 'Campo sconosciuto: extra. Si possono mandare solo reason e note.', name: 'ValidationError', value: body },
      ],
    });
  });

  it('a missing field has no value', () => {
    expect(refusal(rejectRequestSchema, {}).details).toEqual({
      errors: [{ path: ['reason'], message: 'Scegli il motivo del rifiuto.', name: 'ValidationError', value: undefined }],
    });
  });
});
