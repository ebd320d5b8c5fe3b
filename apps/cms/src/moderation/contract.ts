import type { HighlightSegment } from '../redaction';
import type { Finding, PersonalDataKind } from '../redaction/types';
import type { SubmissionStatus } from '@chiudete/types/labels';

/**
 * The moderation of testimony submissions, as the server
 * (api/testimony-submission/services/moderation.ts, its admin routes) and the
 * admin panel (src/admin/moderation) both see it: statuses, coded rejection
 * reasons and their Italian labels, the admin routes and their payloads.
 *
 * Plain data and types only: the admin bundle imports this file, so it must
 * not import anything that runs on the server.
 */

export type { HighlightSegment } from '../redaction';
export type { Finding, PersonalDataKind } from '../redaction/types';

// Statuses, rejection reasons and their Italian labels: one source, shared with the site (packages/types).
export { REJECTION_REASONS, REJECTION_REASON_LABELS, SUBMISSION_STATUS_LABELS } from '@chiudete/types/labels';
export type { RejectionReason, SubmissionStatus } from '@chiudete/types/labels';

/** Statuses a submission can be approved from. */
export const APPROVABLE_STATUSES: readonly SubmissionStatus[] = ['nuova', 'in_revisione'];
/** Statuses a submission can be rejected from: an approved one can still be taken off the site. */
export const REJECTABLE_STATUSES: readonly SubmissionStatus[] = ['nuova', 'in_revisione', 'approvata'];

export const PERSONAL_DATA_KIND_LABELS: Readonly<Record<PersonalDataKind, string>> = {
  phone: 'Telefono',
  email: 'E-mail',
  codice_fiscale: 'Codice fiscale',
  iban: 'IBAN',
  pod: 'POD',
  pdr: 'PDR',
  customer_code: 'Codice cliente',
  contract_code: 'Codice contratto',
  url: 'Link',
  person_name: 'Nome',
};

/** What each status means for the editor, and what to do next. */
export const SUBMISSION_STATUS_HELP: Readonly<Record<SubmissionStatus, string>> = {
  nuova: 'Appena arrivata: nessuno l\'ha ancora valutata.',
  in_revisione:
    'La redazione la sta valutando. Controlla il racconto senza dati personali, correggilo se serve e salva, poi usa «Approva e pubblica» o «Rifiuta».',
  approvata: 'Approvata: è pubblicata sul sito come Testimonianza. Con «Rifiuta» la togli dal sito.',
  rifiutata: 'Rifiutata: non è sul sito e non si può pubblicare. I dati personali si cancellano da soli dopo il periodo di conservazione.',
  ritirata: 'Ritirata da chi l\'ha inviata: è stata tolta dal sito e i suoi dati personali sono stati cancellati.',
};

/** The public fields of a submission that end up on the site when it is approved. */
export const PUBLIC_TEXT_FIELDS = ['title', 'displayName', 'companyBrand', 'redactedStory'] as const;
export type PublicTextField = (typeof PUBLIC_TEXT_FIELDS)[number];

export const PUBLIC_TEXT_FIELD_LABELS: Readonly<Record<PublicTextField, string>> = {
  title: 'Titolo',
  displayName: 'Firma',
  companyBrand: 'Azienda',
  redactedStory: 'Racconto da pubblicare',
};

/** Personal data still present in a text that would be published. */
export interface RemainingPersonalData {
  field: PublicTextField;
  findings: Finding[];
}

/** Limits of the public Testimony (api::testimony.testimony schema): one source, with the request schemas (packages/types). */
export { TESTIMONY_LIMITS } from '@chiudete/types';

/**
 * POST …/approve and …/reject bodies, as their zod schemas in `@chiudete/types/forms`
 * (approveRequestSchema, rejectRequestSchema) read them: the server validates with those;
 * only the types come here, so the admin bundle does not load zod.
 */
export type { ApproveRequest, RejectRequest } from '@chiudete/types/forms';

/** What every moderation route answers with, in `data`. */
export interface ModerationResult {
  documentId: string;
  status: SubmissionStatus;
  moderatedAt: string | null;
  /** The public Testimony of an approved submission. */
  testimony: { documentId: string; slug: string; published: boolean } | null;
}

/** GET …/personal-data, in `data`: what the editor needs to see what was masked. */
export interface PersonalDataReport {
  documentId: string;
  status: SubmissionStatus;
  /** The story as it arrived, with the personal data found in it; null once erased. */
  raw: { segments: HighlightSegment[]; findings: Finding[] } | null;
  /** The text that would be published, with whatever personal data is still in it. */
  redacted: { segments: HighlightSegment[]; findings: Finding[] } | null;
  /** Personal data left in any public field (title, signature, company, story): approval is refused while not empty. */
  remaining: RemainingPersonalData[];
  personalDataErasedAt: string | null;
}

/** `error.details.code` of the moderation errors, so that the admin can react to each. */
export type ModerationErrorCode
  = | 'invalid_status'
    | 'consent_missing'
    | 'personal_data_found'
    | 'invalid_text';

/**
 * The admin routes. Strapi mounts them on its admin API (prefix `/admin`),
 * authenticated by the admin session, never on the content API (`/api`).
 */
export const MODERATION_ROUTES = {
  approve: (documentId: string) => `/admin/testimony-submissions/${encodeURIComponent(documentId)}/approve`,
  reject: (documentId: string) => `/admin/testimony-submissions/${encodeURIComponent(documentId)}/reject`,
  inReview: (documentId: string) => `/admin/testimony-submissions/${encodeURIComponent(documentId)}/in-review`,
  personalData: (documentId: string) => `/admin/testimony-submissions/${encodeURIComponent(documentId)}/personal-data`,
} as const;

export const SUBMISSION_UID = 'api::testimony-submission.testimony-submission';
export const TESTIMONY_UID = 'api::testimony.testimony';
