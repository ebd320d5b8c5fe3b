import { describe, expect, it } from 'vitest';
import { REJECTION_REASONS } from '../vocabulary';
import { approveRequestSchema, rejectRequestSchema } from './moderation';

const problems = (schema: typeof approveRequestSchema | typeof rejectRequestSchema, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('approveRequestSchema', () => {
  it('takes the texts as sent, each optional', () => {
    expect(approveRequestSchema.parse({})).toEqual({});
    expect(approveRequestSchema.parse({ title: '  Titolo  ', displayName: '', redactedStory: 'x'.repeat(8000) }))
      .toEqual({ title: '  Titolo  ', displayName: '', redactedStory: 'x'.repeat(8000) });
  });

  it('says which field is not a text or is too long, field by field', () => {
    expect(problems(approveRequestSchema, { title: 42, displayName: null, redactedStory: 'x'.repeat(8001) })).toEqual([
      ['title', 'Titolo: dev\'essere un testo.'],
      ['displayName', 'Firma: dev\'essere un testo.'],
      ['redactedStory', 'Racconto: al massimo 8000 caratteri.'],
    ]);
    expect(problems(approveRequestSchema, { title: 'x'.repeat(141) })).toEqual([['title', 'Titolo: al massimo 140 caratteri.']]);
  });

  it('names unknown fields after the others, and refuses what is not an object', () => {
    expect(problems(approveRequestSchema, { contactEmail: 'x', title: 5, other: 1 })).toEqual([
      ['title', 'Titolo: dev\'essere un testo.'],
      ['', 'Campo sconosciuto: contactEmail, other. Si possono mandare solo title, displayName e redactedStory.'],
    ]);
    expect(problems(approveRequestSchema, JSON.parse('{"__proto__": {"x": 1}}'))).toEqual([
      ['', 'Campo sconosciuto: __proto__. Si possono mandare solo title, displayName e redactedStory.'],
    ]);
    for (const body of [[], 'testo', 42, null]) {
      expect(problems(approveRequestSchema, body)).toEqual([['', 'Il corpo della richiesta dev\'essere un oggetto JSON con title, displayName e redactedStory.']]);
    }
  });
});

describe('rejectRequestSchema', () => {
  it('accepts a coded reason and a note', () => {
    expect(rejectRequestSchema.parse({ reason: 'spam' })).toEqual({ reason: 'spam' });
    expect(rejectRequestSchema.parse({ reason: 'altro', note: 'x'.repeat(2000) })).toEqual({ reason: 'altro', note: 'x'.repeat(2000) });
  });

  it('asks for a missing reason and lists the valid ones for a wrong one', () => {
    expect(problems(rejectRequestSchema, {})).toEqual([['reason', 'Scegli il motivo del rifiuto.']]);
    const invalid = `Motivo del rifiuto non valido: scegli uno fra ${REJECTION_REASONS.join(', ')}.`;
    for (const reason of ['noioso', null, 5, '', ['spam']]) {
      expect(problems(rejectRequestSchema, { reason })).toEqual([['reason', invalid]]);
    }
  });

  it('checks the note and refuses unknown fields', () => {
    expect(problems(rejectRequestSchema, { reason: 'noioso', note: 5, extra: 1 })).toEqual([
      ['reason', `Motivo del rifiuto non valido: scegli uno fra ${REJECTION_REASONS.join(', ')}.`],
      ['note', 'Nota: dev\'essere un testo.'],
      ['', 'Campo sconosciuto: extra. Si possono mandare solo reason e note.'],
    ]);
    expect(problems(rejectRequestSchema, { reason: 'spam', note: 'x'.repeat(2001) })).toEqual([['note', 'Nota: al massimo 2000 caratteri.']]);
  });
});
