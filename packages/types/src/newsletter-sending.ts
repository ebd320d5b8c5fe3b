/**
 * The sending side of the newsletter (issue #14): the statuses of an issue
 * and of one recipient's send, with their Italian labels (the admin shows
 * these), and the body of the bounce/complaint webhook
 * (`POST /api/newsletter-events`, docs/newsletter.md). Plain data: the admin
 * bundle imports it through `@chiudete/types/labels`.
 */

/** An issue's life: written, being sent, sent, stopped by the redazione. */
export const NEWSLETTER_ISSUE_STATUS_LABELS = {
  bozza: 'Bozza',
  in_invio: 'In invio',
  inviata: 'Inviata',
  interrotta: 'Interrotta',
} as const satisfies Record<string, string>;
export type NewsletterIssueStatus = keyof typeof NEWSLETTER_ISSUE_STATUS_LABELS;

/** Written by the redazione, or the automatic weekly digest. */
export const NEWSLETTER_ISSUE_KIND_LABELS = {
  manuale: 'Scritta dalla redazione',
  settimanale: 'Riepilogo settimanale automatico',
} as const satisfies Record<string, string>;
export type NewsletterIssueKind = keyof typeof NEWSLETTER_ISSUE_KIND_LABELS;

/**
 * One recipient's send: queued, handed to the SMTP server right now, sent,
 * failed after its attempts, cancelled (unsubscribed meanwhile, or the issue
 * stopped), or unknown: the worker died between handing it over and
 * recording it, so it may have left and is never sent again.
 */
export const NEWSLETTER_SEND_STATUS_LABELS = {
  in_coda: 'In coda',
  in_invio: 'In invio adesso',
  inviata: 'Inviata',
  fallita: 'Non inviata (errore)',
  annullata: 'Annullata',
  esito_incerto: 'Forse inviata (interruzione)',
} as const satisfies Record<string, string>;
export type NewsletterSendStatus = keyof typeof NEWSLETTER_SEND_STATUS_LABELS;

/** What the mail provider reported about an address (`POST /api/newsletter-events`). */
export const NEWSLETTER_EVENT_TYPES = ['bounce', 'complaint'] as const;
export type NewsletterEventType = (typeof NEWSLETTER_EVENT_TYPES)[number];

/**
 * The `data` of `POST /api/newsletter-events` (body `{ "data": NewsletterEvent }`, header `X-Newsletter-Events-Secret`):
 * a bounce (`hard: true` for a permanent failure, the default; `false` for a
 * full mailbox and the like) or a complaint (the reader marked it as spam).
 * A hard bounce and a complaint erase the subscriber.
 */
export interface NewsletterEvent {
  type: NewsletterEventType;
  email: string;
  hard?: boolean;
  /** The provider's words, kept on the send rows (at most 500 characters). */
  reason?: string;
}

/** The header carrying the shared secret of the events webhook (NEWSLETTER_EVENTS_SECRET). */
export const NEWSLETTER_EVENTS_SECRET_HEADER = 'x-newsletter-events-secret';
