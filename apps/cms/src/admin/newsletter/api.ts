import { adminApi } from '@strapi/strapi/admin';
import { NEWSLETTER_ADMIN_ROUTES, NEWSLETTER_ISSUE_UID, type NewsletterPreview } from '../../api/newsletter-issue/admin-contract';

/**
 * The issue's actions as RTK Query endpoints of the admin's own API slice
 * (like src/admin/partner-webhooks/api.ts): «Invia» invalidates the
 * document, so the edit view shows «In invio» and the counters without a reload.
 */
const newsletterApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (builder) => ({
    newsletterPreview: builder.query<NewsletterPreview, { documentId: string }>({
      query: ({ documentId }) => ({ url: NEWSLETTER_ADMIN_ROUTES.preview(documentId), method: 'GET' }),
      transformResponse: (response: { data: NewsletterPreview }) => response.data,
      keepUnusedDataFor: 0,
    }),
    sendNewsletterTest: builder.mutation<{ to: string }, { documentId: string }>({
      query: ({ documentId }) => ({ url: NEWSLETTER_ADMIN_ROUTES.test(documentId), method: 'POST' }),
      transformResponse: (response: { data: { to: string } }) => response.data,
    }),
    sendNewsletterIssue: builder.mutation<{ documentId: string; issueStatus: string }, { documentId: string }>({
      query: ({ documentId }) => ({ url: NEWSLETTER_ADMIN_ROUTES.send(documentId), method: 'POST' }),
      transformResponse: (response: { data: { documentId: string; issueStatus: string } }) => response.data,
      invalidatesTags: (_result, _error, { documentId }) => [
        { type: 'Document', id: `${NEWSLETTER_ISSUE_UID}_${documentId}` },
        { type: 'Document', id: `${NEWSLETTER_ISSUE_UID}_ALL_ITEMS` },
      ],
    }),
  }),
});

export const { useNewsletterPreviewQuery, useSendNewsletterTestMutation, useSendNewsletterIssueMutation } = newsletterApi;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The message (Italian, from the server) of a failed call. */
export function newsletterError(error: unknown): string {
  if (!isRecord(error)) return 'Non riuscito: riprova tra poco.';
  if (error.status === 403 || error.name === 'PolicyError') return 'Il tuo ruolo non permette di inviare la newsletter: chiedi a un amministratore.';
  return typeof error.message === 'string' && error.message ? error.message : 'Non riuscito: riprova tra poco.';
}
