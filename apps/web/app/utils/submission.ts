import {
  STORY_MAX_LENGTH,
  STORY_MIN_LENGTH,
  type Channel,
  type Role,
  type Sector,
  type TestimonySubmissionData,
} from '@chiudete/types';
import type { PublicFormDefinition } from './public-form';

/**
 * Pure helpers of the testimony submission pages: the form's values, the
 * fields in the order the form shows them, the access token in the URL
 * fragment, and the Italian texts of each status.
 */

/** The fields of the form, in the order a reader meets them (the error summary follows it). */
export const SUBMISSION_FIELDS = [
  'role',
  'companyBrand',
  'outsourcer',
  'sector',
  'channel',
  'eventMonth',
  'title',
  'story',
  'displayName',
  'contactEmail',
  'consentToPublish',
  'privacyAccepted',
] as const;

export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

export function isSubmissionField(field: string): field is SubmissionField {
  return (SUBMISSION_FIELDS as readonly string[]).includes(field);
}

/**
 * The id of a field's control (the error summary links to it). The role is a
 * radio group: its first radio stands for it, unless `option` names another.
 */
export function submissionFieldId(field: SubmissionField, option?: string): string {
  if (field === 'role') return `invio-role-${option ?? 'cliente'}`;
  return `invio-${field}`;
}

/** What the controls hold: empty strings for "not chosen yet". */
export type SubmissionFormValues = {
  role: Role | '';
  companyBrand: string;
  outsourcer: string;
  sector: Sector | '';
  channel: Channel | '';
  eventMonth: string;
  title: string;
  story: string;
  displayName: string;
  contactEmail: string;
  consentToPublish: boolean;
  privacyAccepted: boolean;
};

export function emptySubmissionForm(): SubmissionFormValues {
  return {
    role: '',
    companyBrand: '',
    outsourcer: '',
    sector: '',
    channel: '',
    eventMonth: '',
    title: '',
    story: '',
    displayName: '',
    contactEmail: '',
    consentToPublish: false,
    privacyAccepted: false,
  };
}

/**
 * The values as the shared schema expects them: an unchosen select or an
 * empty month is missing (the schema then says "choose…", not "invalid").
 */
export function toSubmissionInput(values: SubmissionFormValues): Record<string, unknown> {
  return {
    ...values,
    role: values.role || undefined,
    sector: values.sector || undefined,
    channel: values.channel || undefined,
    eventMonth: values.eventMonth.trim() || undefined,
  };
}

/** The testimony form, for usePublicForm (useTestimonyForm). */
export const TESTIMONY_FORM: PublicFormDefinition<SubmissionField, SubmissionFormValues, TestimonySubmissionData> = {
  form: 'testimony',
  schema: (schemas) => schemas.testimonySubmissionSchema,
  fields: SUBMISSION_FIELDS,
  controlId: (field) => submissionFieldId(field),
  empty: emptySubmissionForm,
  toInput: toSubmissionInput,
  texts: {
    failure: 'La storia non è stata inviata',
    notSent: 'la storia non è stata inviata',
    shorten: 'Accorcia la storia e riprova.',
    submitLabel: 'Invia la testimonianza',
    sentStatus: 'Storia inviata.',
  },
};

const count = new Intl.NumberFormat('it-IT');

/** The live counter under the story: characters as the schema counts them (trimmed). */
export function storyCounterText(length: number): string {
  if (length === 0) return `Almeno ${count.format(STORY_MIN_LENGTH)} caratteri, al massimo ${count.format(STORY_MAX_LENGTH)}.`;
  const written = length === 1 ? '1 carattere' : `${count.format(length)} caratteri`;
  if (length < STORY_MIN_LENGTH) {
    const missing = STORY_MIN_LENGTH - length;
    return `${written}: ${missing === 1 ? 'ne manca 1' : `ne mancano ${count.format(missing)}`} per arrivare al minimo di ${count.format(STORY_MIN_LENGTH)}.`;
  }
  if (length <= STORY_MAX_LENGTH) return `${written} su un massimo di ${count.format(STORY_MAX_LENGTH)}.`;
  return `${written}: ${count.format(length - STORY_MAX_LENGTH)} oltre il massimo di ${count.format(STORY_MAX_LENGTH)}. Accorcia la storia.`;
}

/** Where the counter stands, for its colour. */
export function storyCounterState(length: number): 'empty' | 'short' | 'ok' | 'long' {
  if (length === 0) return 'empty';
  if (length < STORY_MIN_LENGTH) return 'short';
  return length <= STORY_MAX_LENGTH ? 'ok' : 'long';
}
