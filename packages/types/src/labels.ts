import { CONTACT_MESSAGE_STATUS_LABELS, CONTACT_TOPIC_LABELS } from './contact-messages';
import { NEWSLETTER_ISSUE_KIND_LABELS, NEWSLETTER_ISSUE_STATUS_LABELS, NEWSLETTER_SEND_STATUS_LABELS } from './newsletter-sending';
import { NEWSLETTER_SUBSCRIBER_STATUS_LABELS } from './newsletter';
import {
  BOOK_FORMAT_LABELS,
  CHANNEL_LABELS,
  REJECTION_REASONS,
  REJECTION_REASON_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
  SOCIAL_PLATFORM_LABELS,
  SUBMISSION_STATUS_LABELS,
} from './vocabulary';

/**
 * The Italian label of every enumeration value the CMS stores, in one place:
 * the Strapi admin shows these instead of the codes (`in_revisione`,
 * `e_commerce`…) in edit views, list columns and list filters, and the site
 * and partners use the same maps. Plain data, no dependency: the admin
 * bundle imports it as `@chiudete/types/labels`.
 *
 * A vocabulary is found by its set of values (Strapi gives the admin an
 * attribute's `enum`, not what it means), so no two vocabularies may have
 * the same set of values; the CMS tests check that every enumeration of
 * every content type and component has exactly one here.
 */

/** Partner webhook deliveries (the CMS's `webhook-delivery`): administrators only. */
export const WEBHOOK_DELIVERY_ACTION_LABELS: Readonly<Record<'published' | 'unpublished' | 'ping', string>> = {
  published: 'Pubblicazione',
  unpublished: 'Ritiro dal sito',
  ping: 'Ping di prova',
};

export const WEBHOOK_DELIVERY_STATUS_LABELS: Readonly<Record<'pending' | 'delivered' | 'failed', string>> = {
  pending: 'In attesa',
  delivered: 'Consegnata',
  failed: 'Non consegnata',
};

export type EnumLabels = Readonly<Record<string, string>>;

/** Every vocabulary of the CMS's enumerations. */
export const ENUM_LABELS: readonly EnumLabels[] = [
  SUBMISSION_STATUS_LABELS,
  REJECTION_REASON_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
  CHANNEL_LABELS,
  BOOK_FORMAT_LABELS,
  SOCIAL_PLATFORM_LABELS,
  CONTACT_TOPIC_LABELS,
  CONTACT_MESSAGE_STATUS_LABELS,
  WEBHOOK_DELIVERY_ACTION_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  NEWSLETTER_ISSUE_STATUS_LABELS,
  NEWSLETTER_ISSUE_KIND_LABELS,
  NEWSLETTER_SEND_STATUS_LABELS,
  NEWSLETTER_SUBSCRIBER_STATUS_LABELS,
];

const sameValues = (labels: EnumLabels, values: readonly string[]): boolean => {
  const keys = Object.keys(labels);
  return keys.length === new Set(values).size && values.every((value) => Object.hasOwn(labels, value));
};

/** The labels of the enumeration with exactly these values, or undefined when none is known. */
export function enumLabelsFor(values: readonly string[]): EnumLabels | undefined {
  return ENUM_LABELS.find((labels) => sameValues(labels, values));
}

/** The Italian label of one value of an enumeration (the value itself when unknown). */
export function enumLabel(values: readonly string[], value: string): string {
  const labels = enumLabelsFor(values);
  return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
}

export {
  BOOK_FORMAT_LABELS,
  CHANNEL_LABELS,
  CONTACT_MESSAGE_STATUS_LABELS,
  CONTACT_TOPIC_LABELS,
  NEWSLETTER_ISSUE_KIND_LABELS,
  NEWSLETTER_ISSUE_STATUS_LABELS,
  NEWSLETTER_SEND_STATUS_LABELS,
  NEWSLETTER_SUBSCRIBER_STATUS_LABELS,
  REJECTION_REASONS,
  REJECTION_REASON_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
  SOCIAL_PLATFORM_LABELS,
  SUBMISSION_STATUS_LABELS,
};
export type { RejectionReason } from './vocabulary';
export type { SubmissionStatus } from './submissions';
