import type { AxiosInstance } from 'axios';
import type { TestimonySubmissionInput } from './forms/testimony-submission';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency';

/**
 * The public, write-side endpoints of testimony submissions (the CMS
 * contract; see apps/cms/src/api/testimony-submission).
 */
export type SubmissionStatus = 'nuova' | 'in_revisione' | 'approvata' | 'rifiutata' | 'ritirata';

/** Anti-abuse fields sent along with any public form (see apps/cms/src/api/anti-abuse). */
export interface AntiAbuseFields {
  /** Honeypot: always empty for humans. */
  website?: string;
  /** Signed form token from `GET /api/form-tokens/:form` (minimum fill time). */
  formToken: string;
  /** ALTCHA payload (base64) produced by the widget from `GET /api/altcha/challenge`. */
  altcha: string;
}

export interface SubmissionReceipt {
  /** The submission's id (documentId). */
  id: string;
  status: SubmissionStatus;
  /** Private token for the status/withdraw page: shown once, stored hashed. */
  accessToken: string;
  /**
   * Whether the submitter gave a contact e-mail, to which the CMS sends the
   * private link (once, after the row is committed): the confirmation page
   * says so instead of "we cannot send it again".
   */
  linkEmailed: boolean;
}

/**
 * The private status page of a submission on the site (`siteUrl`): the page
 * the confirmation shows and the e-mail to the submitter links to. The token
 * travels in the fragment, which browsers never send to a server nor put in
 * a Referer.
 */
export function submissionStatusUrl(siteUrl: string, accessToken: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/testimonianze/stato#${encodeURIComponent(accessToken)}`;
}

export interface SubmissionState {
  status: SubmissionStatus;
  title: string;
  submittedAt: string;
  moderatedAt: string | null;
  withdrawnAt: string | null;
  /** Slug of the published testimony, once approved. */
  testimonySlug: string | null;
  /** Whether the reader can still withdraw it. */
  canWithdraw: boolean;
}

export interface FormToken {
  token: string;
  /** Seconds that must pass between issuing the token and submitting the form. */
  minFillSeconds: number;
  expiresAt: string;
}

export interface SubmitOptions {
  /**
   * The form fill's idempotency key (a UUID, `crypto.randomUUID()`): the same
   * key on a retry returns the first answer, never a second submission.
   */
  idempotencyKey?: string;
}

export interface SubmissionsClient {
  formToken(form: 'testimony' | 'contact' | 'newsletter'): Promise<FormToken>;
  /** URL the ALTCHA widget fetches its challenge from. */
  challengeUrl(): string;
  submit(data: TestimonySubmissionInput & AntiAbuseFields, options?: SubmitOptions): Promise<SubmissionReceipt>;
  status(accessToken: string): Promise<SubmissionState>;
  withdraw(accessToken: string): Promise<SubmissionState>;
}

export function submissionsClient(
  http: AxiosInstance,
  call: <R>(request: () => Promise<{ data: R }>, method: string, path: string) => Promise<R>,
): SubmissionsClient {
  const token = (accessToken: string) => encodeURIComponent(accessToken);
  return {
    formToken: async (form) =>
      (await call<{ data: FormToken }>(() => http.get(`/form-tokens/${form}`), 'GET', `/form-tokens/${form}`)).data,
    challengeUrl: () => `${http.defaults.baseURL ?? ''}/altcha/challenge`,
    submit: async (data, options = {}) => {
      const headers = options.idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: options.idempotencyKey } : {};
      return (await call<{ data: SubmissionReceipt }>(() => http.post('/testimony-submissions', { data }, { headers }), 'POST', '/testimony-submissions')).data;
    },
    status: async (accessToken) =>
      (await call<{ data: SubmissionState }>(() => http.get(`/testimony-submissions/status/${token(accessToken)}`), 'GET', '/testimony-submissions/status/…')).data,
    withdraw: async (accessToken) =>
      (await call<{ data: SubmissionState }>(() => http.post(`/testimony-submissions/withdraw/${token(accessToken)}`), 'POST', '/testimony-submissions/withdraw/…')).data,
  };
}
