export type * from './generated/content';
export type * from './blocks';
export type * from './rest';
export { blocksToText } from './blocks';
export { createStrapiClient } from './client';
export type { ContentClients, StrapiClient, StrapiClientOptions, CollectionClient, SingleTypeClient, SitemapClient } from './client';
export { StrapiError, isStrapiError, isStrapiErrorBody, errorKindOf } from './errors';
export type { StrapiErrorBody, StrapiErrorInit, StrapiErrorKind } from './errors';
export type { RetryOptions, RetryEvent } from './retry';
export type { ChangeField, IterateParams, SinceIterator, SinceParams } from './pagination';
export type { ContentWebhookEvent, ContentWebhookEventType, PingWebhookEvent, WebhookEvent, WebhookEventType, WebhookContentType } from './webhook-event';
export { CONTENT_WEBHOOK_EVENT_TYPES, PING_WEBHOOK_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './webhook-event';
export { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_DELIVERIES_PAGE_SIZE_DEFAULT, WEBHOOK_DELIVERIES_PAGE_SIZE_MAX, WEBHOOK_DELIVERIES_PAGE_MAX } from './webhook-deliveries';
export type { WebhookDelivery, WebhookDeliveryStatus, WebhookDeliveriesParams, WebhookDeliveriesResponse, WebhookDeliveriesClient } from './webhook-deliveries';
export { toQueryString } from './query';
export type { QueryValue } from './query';
export * from './vocabulary';
export * from './forms/limits';
export type { TestimonySubmissionInput, TestimonySubmission as TestimonySubmissionData } from './forms/testimony-submission';
export type { FieldError } from './forms/field-error';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, isIdempotencyKey } from './idempotency';
export { ANTI_ABUSE_BUSY } from './forms/field-error';
export type { SubmitOptions, SubmissionsClient, SubmissionReceipt, SubmissionState, SubmissionStatus, AntiAbuseFields, FormToken } from './submissions';
export { submissionStatusUrl } from './submissions';
export {
  CONTACT_TOPICS,
  CONTACT_TOPIC_LABELS,
  CONTACT_MESSAGE_STATUSES,
  CONTACT_MESSAGE_STATUS_LABELS,
  CONTACT_MESSAGE_MIN_LENGTH,
  CONTACT_MESSAGE_MAX_LENGTH,
  CONTACT_NAME_MAX_LENGTH,
} from './contact-messages';
export type { ContactTopic, ContactMessageStatus, ContactMessageReceipt, ContactMessagesClient } from './contact-messages';
export type { ContactMessageInput, ContactMessage as ContactMessageData } from './forms/contact-message';
export {
  NEWSLETTER_TESTIMONIES_INTEREST,
  NEWSLETTER_TESTIMONIES_INTEREST_LABEL,
  NEWSLETTER_SUBSCRIBER_STATUSES,
  NEWSLETTER_SUBSCRIBER_STATUS_LABELS,
  NEWSLETTER_LIMITS,
  NEWSLETTER_LINK_PURPOSES,
  NEWSLETTER_PAGES,
  NEWSLETTER_NOTICE_VERSION,
  NEWSLETTER_NOTICE_TEXT,
} from './newsletter';
export type {
  NewsletterSubscriberStatus,
  NewsletterLinkPurpose,
  NewsletterSubscriptionReceipt,
  NewsletterConfirmation,
  NewsletterUnsubscription,
  NewsletterSubscriberData,
  NewsletterClient,
} from './newsletter';
export {
  NEWSLETTER_ISSUE_STATUS_LABELS,
  NEWSLETTER_ISSUE_KIND_LABELS,
  NEWSLETTER_SEND_STATUS_LABELS,
  NEWSLETTER_EVENT_TYPES,
  NEWSLETTER_EVENTS_SECRET_HEADER,
} from './newsletter-sending';
export type { NewsletterIssueStatus, NewsletterIssueKind, NewsletterSendStatus, NewsletterEventType, NewsletterEvent } from './newsletter-sending';
export type { NewsletterSubscriptionInput, NewsletterSubscription as NewsletterSubscriptionData } from './forms/newsletter-subscription';
export { SEARCH_TYPES, SEARCH_TYPE_LABELS, SEARCH_QUERY_MIN_LENGTH, SEARCH_QUERY_MAX_LENGTH, SEARCH_PAGE_SIZE_DEFAULT, SEARCH_PAGE_SIZE_MAX, SEARCH_PAGE_MAX, SEARCH_MAX_RESULTS } from './search';
export type { SearchType, SearchSegment, SearchHit, SearchMeta, SearchResponse, SearchParams } from './search';
export { SITEMAP_TYPES, SITEMAP_PAGE_SIZE_MAX, SITEMAP_PAGE_MAX } from './sitemap';
export type { SitemapType, SitemapTypeSummary, SitemapIndexResponse, SitemapEntry, SitemapPageResponse } from './sitemap';
export { REQUEST_ID_HEADER, REQUEST_ID_MAX_LENGTH, isValidRequestId, generateRequestId, acceptRequestId } from './request-id';
export { runHealthChecks } from './health';
export type { HealthReport, HealthCheck, HealthCheckOutcome } from './health';
export { PREVIEW_TYPES, PREVIEW_FRAME_SIGNAL_TYPE, PREVIEW_FRAME_STATES, PREVIEW_REFUSAL_REASONS, PREVIEW_SIGNAL_SCRIPT_PATH, previewSignalScript } from './preview-types';
export type { PreviewType, PreviewFrameState, PreviewRefusalReason } from './preview-types';
export { SITE_CLIENT_ADDRESS_HEADER, PUBLIC_FORM_ENDPOINTS, PUBLIC_FORM_MAX_BODY_BYTES, maskPrivateTokens } from './public-forms';
export type { PublicFormEndpoint, PublicFormEndpointName } from './public-forms';
export {
  CONTENT_TYPE_REGISTRY,
  CONTENT_TYPE_NAMES,
  PUBLIC_CONTENT_TYPES,
  DRAFT_AND_PUBLISH_TYPES,
  RELATED_TYPES,
  SITEMAP_CONTENT_TYPES,
  SCHEDULED_CONTENT_TYPES,
  publicContentType,
  publicTypeOfUid,
  uidOf,
  relatedFields,
  linkedTypes,
  hasEntryPages,
  sitePath,
  listPath,
  contentTypeDocs,
} from './registry';
export type {
  ContentTypeName,
  ContentTypeUid,
  ContentTypeEntry,
  PublicContentType,
  PublicContentTypeEntry,
  DraftAndPublishType,
  RelatedType,
  SitemapContentType,
  SingleContentType,
  ContentClientKey,
} from './registry';
export { OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT, OSSERVATORIO_MONTH_PATTERN, OSSERVATORIO_COMPANY_SLUG_PATTERN, OSSERVATORIO_LICENSE, osservatorioCompanySlug } from './osservatorio';
export type { OsservatorioParams, OsservatorioCount, OsservatorioMonth, OsservatorioCompany, OsservatorioAggregates, OsservatorioResponse } from './osservatorio';
