/**
 * The issue's admin actions as the server (./admin-routes.ts) and the admin
 * panel (src/admin/newsletter) both see them. Plain data and types only:
 * the admin bundle imports this file.
 */

export const NEWSLETTER_ISSUE_UID = 'api::newsletter-issue.newsletter-issue';

const base = (documentId: string) => `/admin/newsletter-issues/${encodeURIComponent(documentId)}`;

export const NEWSLETTER_ADMIN_ROUTES = {
  /** GET → 200 { data: { subject, html, text, bytes } } */
  preview: (documentId: string) => `${base(documentId)}/preview`,
  /** POST → 200 { data: { to } } */
  test: (documentId: string) => `${base(documentId)}/test`,
  /** POST → 202 { data: { documentId, issueStatus } } */
  send: (documentId: string) => `${base(documentId)}/send`,
} as const;

export interface NewsletterPreview {
  subject: string;
  html: string;
  text: string;
  /** The size of the HTML and text parts, in bytes. */
  bytes: number;
}
