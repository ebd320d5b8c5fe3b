import type { AxiosInstance } from 'axios';
import type { NewsletterSubscriptionInput } from './forms/newsletter-subscription';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency';
import type { AntiAbuseFields, SubmitOptions } from './submissions';

/**
 * The newsletter (issue #14): the facts the CMS, the site and the e-mails
 * share about subscribers. The subscriber itself
 * (`api::newsletter-subscriber.newsletter-subscriber`) is private: it never
 * leaves the CMS through the public API; readers reach their own data only
 * through the signed links of their e-mails.
 */

/** The interest of readers who want the new testimonies (the other interests are article category slugs). */
export const NEWSLETTER_TESTIMONIES_INTEREST = 'testimonianze';

/** Label of the testimonies' interest, on the form and in the reader's data. */
export const NEWSLETTER_TESTIMONIES_INTEREST_LABEL = 'Nuove testimonianze';

/** Where a subscriber stands (the CMS's `subscriberStatus`): nothing is sent before `confermato`. */
export const NEWSLETTER_SUBSCRIBER_STATUSES = ['da_confermare', 'confermato'] as const;
export type NewsletterSubscriberStatus = (typeof NEWSLETTER_SUBSCRIBER_STATUSES)[number];

export const NEWSLETTER_SUBSCRIBER_STATUS_LABELS: Readonly<Record<NewsletterSubscriberStatus, string>> = {
  da_confermare: 'Da confermare',
  confermato: 'Confermato',
};

/** Limits of the subscription (shared by the form, the zod schema, the CMS and its jobs). */
export const NEWSLETTER_LIMITS = {
  /** Longest e-mail address (RFC 5321's path limit, as the schema's maxLength). */
  emailMaxLength: 254,
  /** Most interests one subscriber may pick (categories plus testimonies). */
  interestsMax: 30,
  /** Longest interest slug. */
  interestMaxLength: 80,
  /** Days an unconfirmed address is kept, and the confirmation link's lifetime. */
  confirmDays: 7,
  /** Days an unsubscribe / "my data" link in an e-mail stays valid (every e-mail carries a fresh one). */
  manageLinkDays: 365,
} as const;

/** The purposes of the signed links in the e-mails: a link signed for one purpose does nothing for another. */
export const NEWSLETTER_LINK_PURPOSES = ['confirm', 'unsubscribe', 'manage'] as const;
export type NewsletterLinkPurpose = (typeof NEWSLETTER_LINK_PURPOSES)[number];

/** The site's pages the links of the e-mails open (the token travels in the URL's fragment, never sent to a server log). */
export const NEWSLETTER_PAGES = {
  confirm: '/newsletter/conferma',
  unsubscribe: '/newsletter/disiscriviti',
  manage: '/newsletter/i-miei-dati',
} as const satisfies Record<NewsletterLinkPurpose, string>;

/**
 * The privacy notice the reader agrees to by subscribing: shown under the
 * form, stored with the subscriber (text and version) as the proof of what
 * was agreed. Change the text and the version together.
 */
export const NEWSLETTER_NOTICE_VERSION = '2026-12-1';
export const NEWSLETTER_NOTICE_TEXT
  = 'Usiamo il tuo indirizzo e-mail solo per mandarti la newsletter di Chiudete i Call Center, con gli argomenti che hai scelto. '
    + 'Non lo diamo a nessuno, non tracciamo aperture né clic. Prima ti chiediamo di confermare con un link: se non confermi entro 7 giorni, '
    + 'l\'indirizzo viene cancellato. Ogni e-mail ha un link per disiscriverti con un clic: l\'indirizzo viene cancellato subito. '
    + 'Con lo stesso link puoi vedere tutti i dati che abbiamo su di te.';

/** The CMS's answer to a subscription: always the same, whether the address was new, waiting or confirmed (no enumeration). */
export interface NewsletterSubscriptionReceipt {
  status: 'received';
}

/** The answer to a confirmation. */
export interface NewsletterConfirmation {
  /** `confermato` now, or `gia_confermato` when the link had already been used. */
  status: 'confermato' | 'gia_confermato';
}

/** The answer to an unsubscription: the address is erased (also when it was already gone). */
export interface NewsletterUnsubscription {
  status: 'cancellato';
}

/** Everything the CMS keeps about one subscriber, as the reader may read it ("i miei dati"). */
export interface NewsletterSubscriberData {
  email: string;
  status: NewsletterSubscriberStatus;
  /** Article category slugs and `testimonianze`; empty: everything. */
  interests: string[];
  consentAt: string;
  confirmedAt: string | null;
  noticeVersion: string;
  noticeText: string;
  createdAt: string;
}

export interface NewsletterClient {
  /**
   * Subscribes with the anti-abuse fields (form token `submissions.formToken('newsletter')`);
   * resolves on the 202, which is the same whether the address was new or known.
   */
  subscribe(data: NewsletterSubscriptionInput & AntiAbuseFields, options?: SubmitOptions): Promise<NewsletterSubscriptionReceipt>;
  /** Confirms with the token of the confirmation e-mail's link. */
  confirm(token: string): Promise<NewsletterConfirmation>;
  /** Unsubscribes (erases the address) with the token of an e-mail's unsubscribe link. */
  unsubscribe(token: string): Promise<NewsletterUnsubscription>;
  /** Everything stored about the subscriber, with the token of an e-mail's "my data" link. */
  myData(token: string): Promise<NewsletterSubscriberData>;
}

export function newsletterClient(
  http: AxiosInstance,
  call: <R>(request: () => Promise<{ data: R }>, method: string, path: string) => Promise<R>,
): NewsletterClient {
  const base = '/newsletter-subscriptions';
  const post = async <R>(path: string, data: unknown, headers?: Record<string, string>) =>
    (await call<{ data: R }>(() => http.post(path, { data }, { headers }), 'POST', path)).data;
  return {
    subscribe: (data, { idempotencyKey } = {}) => post(base, data, idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : {}),
    confirm: (token) => post(`${base}/confirm`, { token }),
    unsubscribe: (token) => post(`${base}/unsubscribe`, { token }),
    myData: async (token) => (await call<{ data: NewsletterSubscriberData }>(() => http.get(`${base}/data/${encodeURIComponent(token)}`), 'GET', `${base}/data/…`)).data,
  };
}
