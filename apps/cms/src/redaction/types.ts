/** The kinds of personal data the moderation policy forbids publishing. */
export type PersonalDataKind
  = | 'phone'
    | 'email'
    | 'codice_fiscale'
    | 'iban'
    | 'pod'
    | 'pdr'
    | 'customer_code'
    | 'contract_code'
    | 'url'
    | 'person_name';

/** One piece of personal data found in a text: `text.slice(start, end) === match`. */
export interface Finding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  match: string;
}

/**
 * A detector's raw result. `priority` only breaks ties between overlapping
 * candidates of the same length (e.g. a 10-digit number introduced by
 * "codice cliente" is a customer code, not a phone number); it never leaves
 * this module.
 */
export interface Candidate extends Finding {
  priority: number;
}

export type Detector = (text: string) => Candidate[];

/** Italian placeholders that replace each kind in the published text. */
export const PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  phone: '[telefono rimosso]',
  email: '[e-mail rimossa]',
  codice_fiscale: '[codice fiscale rimosso]',
  iban: '[IBAN rimosso]',
  pod: '[codice POD rimosso]',
  pdr: '[codice PDR rimosso]',
  customer_code: '[codice cliente rimosso]',
  contract_code: '[codice contratto rimosso]',
  url: '[link rimosso]',
  person_name: '[nome rimosso]',
};

/**
 * Tie-break order for overlapping candidates of equal length: data introduced
 * by an explicit label or validated by a check digit beats a shape-only match.
 */
export const PRIORITY = {
  iban: 100,
  codice_fiscale: 95,
  pod: 90,
  labelledPdr: 85,
  customer_code: 80,
  contract_code: 80,
  email: 70,
  url: 60,
  phone: 50,
  person_name: 40,
  barePdr: 30,
} as const;
