import { describe, expect, it } from 'vitest';
import { testimonySubmissionSchema, toFieldErrors, type TestimonySubmissionInput } from './testimony-submission';

const valid: TestimonySubmissionInput = {
  role: 'cliente',
  displayName: 'Marta da Bari',
  contactEmail: 'marta@example.org',
  sector: 'telefonia',
  companyBrand: 'Gestore Esempio',
  channel: 'assistenza_telefonica',
  eventMonth: '2019-03',
  title: 'Tre chiamate, tre risposte diverse',
  story: 'Ho chiamato il servizio clienti tre volte per la stessa bolletta. '.repeat(5),
  consentToPublish: true,
  privacyAccepted: true,
};

const errorsOf = (input: unknown) => {
  const result = testimonySubmissionSchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error, input);
};

describe('testimonySubmissionSchema', () => {
  it('accepts a complete submission and trims text', () => {
    const parsed = testimonySubmissionSchema.parse({ ...valid, displayName: '  Marta da Bari  ' });
    expect(parsed.displayName).toBe('Marta da Bari');
  });

  it('accepts an empty e-mail as none', () => {
    expect(testimonySubmissionSchema.parse({ ...valid, contactEmail: '' }).contactEmail).toBeUndefined();
  });

  it('gives one coded Italian message per wrong field', () => {
    const errors = errorsOf({ ...valid, story: 'Troppo corta', contactEmail: 'non-una-mail', eventMonth: '2019-13', privacyAccepted: false });
    expect(errors.map((e) => e.code).sort()).toEqual(['contactEmail.invalid', 'eventMonth.invalid', 'privacyAccepted.required', 'story.too_short']);
    expect(errors.find((e) => e.field === 'story')?.message).toMatch(/almeno 200 caratteri/);
  });

  it('marks missing fields as required', () => {
    const codes = errorsOf({}).map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['role.required', 'story.required', 'title.required', 'consentToPublish.required']));
  });

  it('refuses fields that are not in the form (mass assignment)', () => {
    const errors = errorsOf({ ...valid, submissionStatus: 'approvata', publishedAt: '2020-01-01' });
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'submissionStatus', code: 'unknown_field' }),
      expect.objectContaining({ field: 'publishedAt', code: 'unknown_field' }),
    ]));
  });

  it('asks customers for the company, not operators', () => {
    expect(errorsOf({ ...valid, companyBrand: undefined }).map((e) => e.code)).toEqual(['companyBrand.required']);
    expect(errorsOf({ ...valid, role: 'operatore', companyBrand: undefined })).toEqual([]);
  });

  it('tells a customer about the missing company together with the other errors', () => {
    const codes = errorsOf({ ...valid, companyBrand: undefined, story: 'corta' }).map((e) => e.code).sort();
    expect(codes).toEqual(['companyBrand.required', 'story.too_short']);
  });

  it('refuses a month in the future', () => {
    expect(errorsOf({ ...valid, eventMonth: '2099-01' }).map((e) => e.code)).toEqual(['eventMonth.future']);
  });
});
