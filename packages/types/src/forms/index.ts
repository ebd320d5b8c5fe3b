// `@chiudete/types/forms`: the form schemas (zod). A separate entry point so
// that pages without a form do not load zod.
export { testimonySubmissionSchema } from './testimony-submission';
export type { TestimonySubmissionInput, TestimonySubmission as TestimonySubmissionData } from './testimony-submission';
export { contactMessageSchema } from './contact-message';
export type { ContactMessageInput, ContactMessage as ContactMessageData } from './contact-message';
export { newsletterSubscriptionSchema, newsletterTokenSchema } from './newsletter-subscription';
export type { NewsletterSubscriptionInput, NewsletterSubscription as NewsletterSubscriptionData, NewsletterTokenInput } from './newsletter-subscription';
export { searchQuerySchema } from './search';
export type { SearchQueryInput, SearchQuery } from './search';
export { approveRequestSchema, rejectRequestSchema } from './moderation';
export type { ApproveRequest, RejectRequest } from './moderation';
export { sitemapPageQuerySchema, sitemapTypeSchema } from './sitemap';
export type { SitemapPageQuery } from './sitemap';
export { osservatorioQuerySchema } from './osservatorio';
export type { OsservatorioQuery } from './osservatorio';
export { webhookDeliveriesQuerySchema } from './webhook-deliveries';
export type { WebhookDeliveriesQuery } from './webhook-deliveries';
export { toFieldErrors } from './schema-helpers';
export type { FieldError } from './field-error';
export * from './limits';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, isIdempotencyKey } from '../idempotency';
