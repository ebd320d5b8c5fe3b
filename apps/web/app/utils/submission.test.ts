import { describe, expect, it } from 'vitest';
import { testimonySubmissionSchema, toFieldErrors } from '@chiudete/types/forms';
import { fieldErrorSummary, sortFieldErrors } from './form-errors';
import {
  TESTIMONY_FORM,
  emptySubmissionForm,
  storyCounterState,
  storyCounterText,
  submissionFieldId,
  toSubmissionInput,
} from './submission';
import { accessTokenFromHash, submissionStatusUrl } from './submission-link';
import { SUBMISSION_STATUS_TEXT } from './submission-status';

describe('toSubmissionInput', () => {
  it('is the testimony form\'s, with its schema', () => {
    expect(TESTIMONY_FORM.toInput).toBe(toSubmissionInput);
    expect(TESTIMONY_FORM.schema({ testimonySubmissionSchema } as Parameters<typeof TESTIMONY_FORM.schema>[0])).toBe(testimonySubmissionSchema);
  });

  it('turns unchosen selects and an empty month into missing values, so the schema asks for them', () => {
    const input = toSubmissionInput(emptySubmissionForm());
    const result = testimonySubmissionSchema.safeParse(input);
    expect(result.success).toBe(false);
    const codes = result.success ? [] : toFieldErrors(result.error, input).map((error) => error.code);
    expect(codes).toEqual(expect.arrayContaining(['role.required', 'sector.required', 'channel.required', 'eventMonth.required', 'story.required']));
    expect(codes).not.toContain('unknown_field');
  });
});

describe('the testimony form\'s errors (TESTIMONY_FORM\'s fields, sortFieldErrors, fieldErrorSummary)', () => {
  it('keeps the first error of each field, sends unknown fields to the form, and follows the form\'s order', () => {
    const sorted = sortFieldErrors([
      { field: 'story', code: 'story.too_short', message: 'Storia corta' },
      { field: 'role', code: 'role.required', message: 'Scegli il ruolo' },
      { field: 'story', code: 'story.personal_data', message: 'Dati personali' },
      { field: '_form', code: 'antiabuse.too_fast', message: 'Troppo veloce' },
      { field: 'submissionStatus', code: 'unknown_field', message: 'Campo estraneo' },
    ], TESTIMONY_FORM.fields);
    expect(sorted.fields.story?.message).toBe('Storia corta');
    expect(sorted.form.map((error) => error.code)).toEqual(['antiabuse.too_fast', 'unknown_field']);
    expect(fieldErrorSummary(sorted, TESTIMONY_FORM.fields, TESTIMONY_FORM.controlId)).toEqual([
      { message: 'Scegli il ruolo', target: 'invio-role-cliente' },
      { message: 'Storia corta', target: 'invio-story' },
      { message: 'Troppo veloce' },
      { message: 'Campo estraneo' },
    ]);
  });

  it('names the controls', () => {
    expect(submissionFieldId('story')).toBe('invio-story');
    expect(submissionFieldId('role', 'operatore')).toBe('invio-role-operatore');
  });
});

describe('storyCounterText', () => {
  it('tells how far the story is from the limits', () => {
    expect(storyCounterText(0)).toBe('Almeno 200 caratteri, al massimo 8000.');
    expect(storyCounterText(1)).toBe('1 carattere: ne mancano 199 per arrivare al minimo di 200.');
    expect(storyCounterText(199)).toBe('199 caratteri: ne manca 1 per arrivare al minimo di 200.');
    expect(storyCounterText(200)).toBe('200 caratteri su un massimo di 8000.');
    expect(storyCounterText(8010)).toBe('8010 caratteri: 10 oltre il massimo di 8000. Accorcia la storia.');
    expect([0, 50, 200, 8000, 8001].map(storyCounterState)).toEqual(['empty', 'short', 'ok', 'ok', 'long']);
  });
});

describe('accessTokenFromHash', () => {
  it('reads #<token> and #t=<token>', () => {
    expect(accessTokenFromHash('#Ab3_xY-9zQ7kLm2n')).toBe('Ab3_xY-9zQ7kLm2n');
    expect(accessTokenFromHash('#t=Ab3_xY-9zQ7kLm2n')).toBe('Ab3_xY-9zQ7kLm2n');
  });

  it('refuses what cannot be a token', () => {
    expect(accessTokenFromHash('')).toBeNull();
    expect(accessTokenFromHash('#')).toBeNull();
    expect(accessTokenFromHash('#corto')).toBeNull();
    expect(accessTokenFromHash('#<script>alert(1)</script>')).toBeNull();
    expect(accessTokenFromHash('#%E0%A4%A')).toBeNull();
  });

  it('round-trips with the private link', () => {
    const url = submissionStatusUrl('https://chiudeteicallcenter.eu/', 'Ab3_xY-9zQ7kLm2n');
    expect(url).toBe('https://chiudeteicallcenter.eu/testimonianze/stato#Ab3_xY-9zQ7kLm2n');
    expect(accessTokenFromHash(new URL(url).hash)).toBe('Ab3_xY-9zQ7kLm2n');
  });
});

describe('SUBMISSION_STATUS_TEXT', () => {
  it('has the Italian label of every status', () => {
    expect(Object.fromEntries(Object.entries(SUBMISSION_STATUS_TEXT).map(([status, text]) => [status, text.label]))).toEqual({
      nuova: 'Ricevuta, in attesa di moderazione',
      in_revisione: 'In revisione',
      approvata: 'Pubblicata',
      rifiutata: 'Non pubblicata',
      ritirata: 'Ritirata: i tuoi dati personali sono stati cancellati',
    });
  });
});
