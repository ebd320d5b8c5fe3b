import { createHmac, timingSafeEqual } from 'node:crypto';
import { NEWSLETTER_LINK_PURPOSES, NEWSLETTER_PAGES, type NewsletterLinkPurpose } from '@chiudete/types';
import type { NewsletterConfig } from './config';

/**
 * The signed links of the newsletter's e-mails. A token is
 * `<purpose>.<documentId>.<expiry>.<signature>`: the signature is
 * HMAC-SHA256 (key: config `newsletter.linkKey`) of the purpose, the
 * subscriber's documentId, the expiry (Unix seconds) AND the subscriber's
 * own `linkSecret`, so a token works for one purpose, one subscriber, until
 * its expiry, and dies when the subscriber is erased or its secret rotated.
 * The token goes in the URL's fragment on the site (never sent to a server,
 * never in a log) and in the query of the RFC 8058 one-click POST endpoint.
 */

export const SUBSCRIPTIONS_PATH = '/api/newsletter-subscriptions';
export const UNSUBSCRIBE_POST_PATH = `${SUBSCRIPTIONS_PATH}/unsubscribe`;

const DAY_SECONDS = 24 * 60 * 60;
const TOKEN_PATTERN = /^([a-z]+)\.([a-z0-9]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export interface LinkSubject {
  documentId: string;
  linkSecret: string;
}

export interface SubscriberLinks {
  /** The site's unsubscribe page (one click on "Disiscrivimi"). */
  unsubscribe: string;
  /** The CMS's RFC 8058 one-click endpoint, for the `List-Unsubscribe` header. */
  unsubscribePost: string;
  /** The site's "my data" page. */
  manage: string;
}

type LinkSettings = Pick<NewsletterConfig, 'linkKey' | 'siteUrl' | 'cmsUrl' | 'confirmDays' | 'manageLinkDays'>;

const signature = (key: string, purpose: NewsletterLinkPurpose, documentId: string, expiry: number, linkSecret: string): string =>
  createHmac('sha256', Buffer.from(key, 'base64url'))
    .update(`chiudete-newsletter/v1\n${purpose}\n${documentId}\n${expiry}\n${linkSecret}`, 'utf8')
    .digest('base64url');

/** A token for one purpose, valid for `days` from `now`. */
export function signLinkToken(key: string, purpose: NewsletterLinkPurpose, subject: LinkSubject, days: number, now = Date.now()): string {
  const expiry = Math.floor(now / 1000) + days * DAY_SECONDS;
  return `${purpose}.${subject.documentId}.${expiry}.${signature(key, purpose, subject.documentId, expiry, subject.linkSecret)}`;
}

/** What a token says before its signature is checked (the signature needs the subscriber's secret, from the database). */
export interface ParsedLinkToken {
  purpose: NewsletterLinkPurpose;
  documentId: string;
  expiry: number;
  signature: string;
}

/** The parts of a well-formed token, or null for anything else. */
export function parseLinkToken(token: unknown): ParsedLinkToken | null {
  if (typeof token !== 'string') return null;
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, purpose, documentId, expiry, sig] = match as unknown as [string, string, string, string, string];
  if (!(NEWSLETTER_LINK_PURPOSES as readonly string[]).includes(purpose)) return null;
  return { purpose: purpose as NewsletterLinkPurpose, documentId, expiry: Number(expiry), signature: sig };
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/**
 * Whether a parsed token was signed for this purpose and this subscriber
 * (constant-time comparison), and is not expired. `expired` only for a
 * genuine token past its date: a forged one is `invalid` whatever its date.
 */
export function checkLinkToken(key: string, parsed: ParsedLinkToken, purpose: NewsletterLinkPurpose, subject: LinkSubject, now = Date.now()): LinkCheck {
  if (parsed.purpose !== purpose || parsed.documentId !== subject.documentId) return 'invalid';
  const expected = Buffer.from(signature(key, purpose, subject.documentId, parsed.expiry, subject.linkSecret));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return parsed.expiry * 1000 > now ? 'valid' : 'expired';
}

/** The site's page of a purpose, with the token in the fragment. */
const pageUrl = (siteUrl: string, purpose: NewsletterLinkPurpose, token: string): string =>
  `${siteUrl}${NEWSLETTER_PAGES[purpose]}#token=${token}`;

/** The confirmation link of the double opt-in e-mail (valid `confirmDays`). */
export function confirmLink(settings: LinkSettings, subject: LinkSubject, now = Date.now()): string {
  return pageUrl(settings.siteUrl, 'confirm', signLinkToken(settings.linkKey, 'confirm', subject, settings.confirmDays, now));
}

/** The links every e-mail to a subscriber carries, with explicit settings (tests, scripts). */
export function linksWith(settings: LinkSettings, subject: LinkSubject, now = Date.now()): SubscriberLinks {
  const unsubscribeToken = signLinkToken(settings.linkKey, 'unsubscribe', subject, settings.manageLinkDays, now);
  const manageToken = signLinkToken(settings.linkKey, 'manage', subject, settings.manageLinkDays, now);
  return {
    unsubscribe: pageUrl(settings.siteUrl, 'unsubscribe', unsubscribeToken),
    unsubscribePost: `${settings.cmsUrl}${UNSUBSCRIBE_POST_PATH}?token=${unsubscribeToken}`,
    manage: pageUrl(settings.siteUrl, 'manage', manageToken),
  };
}

/** This CMS's newsletter settings (config/newsletter.ts). */
export const newsletterSettings = (): NewsletterConfig => strapi.config.get<NewsletterConfig>('newsletter');

/**
 * The unsubscribe and "my data" links of one subscriber, as every e-mail
 * carries them (the body's links and the `List-Unsubscribe` headers).
 */
export function subscriberLinks(subscriber: LinkSubject): SubscriberLinks {
  return linksWith(newsletterSettings(), subscriber);
}

/**
 * The RFC 8058 headers of an e-mail to a subscriber: mail clients show an
 * "Unsubscribe" button that POSTs `List-Unsubscribe=One-Click` to the CMS.
 */
export function listUnsubscribeHeaders(links: SubscriberLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribePost}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
