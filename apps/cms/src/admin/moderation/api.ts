import { adminApi } from '@strapi/strapi/admin';
import {
  MODERATION_ROUTES,
  PERSONAL_DATA_KIND_LABELS,
  PUBLIC_TEXT_FIELD_LABELS,
  SUBMISSION_UID,
  TESTIMONY_UID,
  type ApproveRequest,
  type Finding,
  type PublicTextField,
  type ModerationErrorCode,
  type ModerationResult,
  type PersonalDataReport,
  type RejectRequest,
  type RemainingPersonalData,
} from '../../moderation/contract';

/**
 * The moderation routes as RTK Query endpoints of the admin's own API slice,
 * so that a decision invalidates the Content Manager's cache of the
 * submission ('Document' tag): the edit view refetches and its form shows
 * the new status at once, without reloading the page.
 */

type DocumentTag = { type: 'Document'; id: string };

/** The tags the Content Manager gives a document, and every document of a type. */
const documentTags = (documentId: string): DocumentTag[] => [
  { type: 'Document', id: `${SUBMISSION_UID}_${documentId}` },
  { type: 'Document', id: `${SUBMISSION_UID}_ALL_ITEMS` },
  { type: 'Document', id: `${TESTIMONY_UID}_ALL_ITEMS` },
];

const moderationApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (builder) => ({
    markSubmissionInReview: builder.mutation<ModerationResult, { documentId: string }>({
      query: ({ documentId }) => ({ url: MODERATION_ROUTES.inReview(documentId), method: 'POST' }),
      transformResponse: (response: { data: ModerationResult }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => documentTags(documentId),
    }),
    approveSubmission: builder.mutation<ModerationResult, { documentId: string; body: ApproveRequest }>({
      query: ({ documentId, body }) => ({ url: MODERATION_ROUTES.approve(documentId), method: 'POST', data: body }),
      transformResponse: (response: { data: ModerationResult }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => documentTags(documentId),
    }),
    rejectSubmission: builder.mutation<ModerationResult, { documentId: string; body: RejectRequest }>({
      query: ({ documentId, body }) => ({ url: MODERATION_ROUTES.reject(documentId), method: 'POST', data: body }),
      transformResponse: (response: { data: ModerationResult }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => documentTags(documentId),
    }),
    getSubmissionPersonalData: builder.query<PersonalDataReport, { documentId: string }>({
      query: ({ documentId }) => ({ url: MODERATION_ROUTES.personalData(documentId), method: 'GET' }),
      transformResponse: (response: { data: PersonalDataReport }) => response.data,
      // Same tag as the document: saving the form (e.g. a corrected redactedStory) refreshes the report.
      providesTags: (_result, _error, { documentId }) => [{ type: 'Document', id: `${SUBMISSION_UID}_${documentId}` }],
    }),
  }),
});

export const {
  useMarkSubmissionInReviewMutation,
  useApproveSubmissionMutation,
  useRejectSubmissionMutation,
  useGetSubmissionPersonalDataQuery,
} = moderationApi;

/** An error of a moderation route, as the admin's fetch layer reports it. */
export interface ModerationError {
  message: string;
  code?: ModerationErrorCode;
  remaining?: RemainingPersonalData[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The message (Italian, from the server) and details of a failed call. */
export function moderationError(error: unknown): ModerationError {
  if (!isRecord(error)) return { message: 'Operazione non riuscita: riprova tra poco.' };
  const details = isRecord(error.details) ? error.details : {};
  const message = typeof error.message === 'string' && error.message ? error.message : 'Operazione non riuscita: riprova tra poco.';
  return {
    message: error.status === 403 || error.name === 'PolicyError' ? 'Il tuo ruolo non permette di moderare le testimonianze: chiedi a un amministratore.' : message,
    code: typeof details.code === 'string' ? (details.code as ModerationErrorCode) : undefined,
    remaining: Array.isArray(details.remaining) ? (details.remaining as RemainingPersonalData[]) : undefined,
  };
}

/** One piece of personal data left in a public text, as a line: «Titolo: E-mail «x@y.it»». */
export const remainingLine = (field: PublicTextField, finding: Finding): string =>
  `${PUBLIC_TEXT_FIELD_LABELS[field]}: ${PERSONAL_DATA_KIND_LABELS[finding.kind]} «${finding.match}»`;
