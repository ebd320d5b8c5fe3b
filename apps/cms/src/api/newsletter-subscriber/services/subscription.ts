import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  NEWSLETTER_NOTICE_TEXT,
  NEWSLETTER_NOTICE_VERSION,
  NEWSLETTER_SUBSCRIBER_STATUSES,
  NEWSLETTER_TESTIMONIES_INTEREST,
  type NewsletterConfirmation,
  type NewsletterLinkPurpose,
  type NewsletterSubscriberData,
  type NewsletterSubscriberStatus,
  type NewsletterSubscriptionReceipt,
  type NewsletterUnsubscription,
} from '@chiudete/types';
import { newsletterSubscriptionSchema, newsletterTokenSchema } from '@chiudete/types/forms';
import { IdempotencyKeyReusedError, requestFingerprint } from '../../../idempotency';
import { notifyInBackground, parseFormBody, type FormRequest } from '../../../public-forms';
import { alreadySubscribedEmail, confirmationEmail, welcomeEmail, type NewsletterEmail } from '../lib/emails';
import { NewsletterLinkError } from '../lib/errors';
import { checkLinkToken, confirmLink, linksWith, listUnsubscribeHeaders, newsletterSettings, parseLinkToken, type LinkSubject } from '../lib/links';

/**
 * Newsletter subscriptions (issue #14): the double opt-in, the reader's own
 * links (confirm, unsubscribe, my data), and the erasure of addresses never
 * confirmed. Nothing here tells a caller whether an address is subscribed:
 * a subscription is answered the same whatever the address, and every other
 * operation needs a link signed for that subscriber.
 */

export const SUBSCRIBER_UID = 'api::newsletter-subscriber.newsletter-subscriber';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SubscriptionRequest extends FormRequest {
  /** The form fill's `Idempotency-Key` (validated, lower case), or null. */
  idempotencyKey?: string | null;
}

interface SubscriberRow {
  id: number;
  documentId: string;
  email: string;
  emailKey: string;
  subscriberStatus: NewsletterSubscriberStatus;
  interests: unknown;
  consentAt: string;
  noticeVersion: string;
  noticeText: string;
  confirmedAt: string | null;
  linkSecret: string;
  idempotencyKey: string | null;
  requestFingerprint: string | null;
  createdAt: string;
}

interface EmailService {
  send(message: NewsletterEmail & { headers?: Record<string, string> }): Promise<unknown>;
}

/** The address as the unique key: trimmed, lower-cased (so `Marta@X.it` and `marta@x.it` are one subscriber). */
export const emailKeyOf = (email: string): string => email.trim().toLowerCase();

const RECEIVED: NewsletterSubscriptionReceipt = { status: 'received' };

const isUniqueViolation = (error: unknown): boolean =>
  /unique|duplicate/i.test(`${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`);

const subscriptionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SUBSCRIBER_UID);
  const findByKey = async (emailKey: string) => (await rows().findOne({ where: { emailKey } })) as SubscriberRow | null;
  const findByDocumentId = async (documentId: string) => (await rows().findOne({ where: { documentId } })) as SubscriberRow | null;

  const send = async (mail: NewsletterEmail, subject: LinkSubject): Promise<void> => {
    const links = linksWith(newsletterSettings(), subject);
    await (strapi.plugin('email').service('email') as EmailService).send({ ...mail, headers: listUnsubscribeHeaders(links) });
  };

  /** The interests that exist: published article category slugs and `testimonianze`. */
  const knownInterests = async (wanted: string[]): Promise<string[]> => {
    if (wanted.length === 0) return [];
    const categories = (await strapi.db.query('api::category.category').findMany({
      where: { slug: { $in: wanted }, publishedAt: { $notNull: true } },
      select: ['slug'],
    })) as Array<{ slug: string }>;
    const known = new Set([NEWSLETTER_TESTIMONIES_INTEREST, ...categories.map((c) => c.slug)]);
    return wanted.filter((interest) => known.has(interest));
  };

  /** A signed link's subscriber, checked for this purpose; a NewsletterLinkError (4xx) otherwise. */
  const subscriberOfLink = async (token: unknown, purposes: NewsletterLinkPurpose[]): Promise<SubscriberRow | null> => {
    const parsed = parseLinkToken(token);
    if (!parsed || !purposes.includes(parsed.purpose)) throw NewsletterLinkError.invalid();
    const row = await findByDocumentId(parsed.documentId);
    if (!row) return null;
    const check = checkLinkToken(newsletterSettings().linkKey, parsed, parsed.purpose, row);
    if (check === 'invalid') throw NewsletterLinkError.invalid();
    if (check === 'expired') throw NewsletterLinkError.expired(parsed.purpose);
    return row;
  };

  const tokenOf = (body: unknown, isJson: boolean): string =>
    parseFormBody(body, newsletterTokenSchema, { isJson, noun: 'newsletter link' }).token;

  return {
    /**
     * Retry of a stored subscription (same Idempotency-Key): the same 202 at
     * once, nothing sent again; the key with other content: 422.
     */
    async replayOf(key: string, fingerprint: string): Promise<NewsletterSubscriptionReceipt | null> {
      const row = (await rows().findOne({ where: { idempotencyKey: key }, select: ['requestFingerprint'] })) as Pick<SubscriberRow, 'requestFingerprint'> | null;
      if (!row) return null;
      if (row.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      return RECEIVED;
    },

    /**
     * A subscription from the form: a new address is stored `da_confermare`
     * and gets the confirmation e-mail; one waiting for confirmation gets a
     * new one (interests and consent updated); a confirmed one gets an
     * "already subscribed" e-mail. The answer is the same 202 in every case.
     */
    async subscribe(body: unknown, request: SubscriptionRequest, now = new Date()): Promise<NewsletterSubscriptionReceipt> {
      const input = parseFormBody(body, newsletterSubscriptionSchema, { isJson: request.isJson, noun: 'newsletter subscription' });
      const interests = await knownInterests(input.interests);
      const emailKey = emailKeyOf(input.email);
      const key = request.idempotencyKey ?? null;
      const fingerprint = key ? requestFingerprint(body) : null;
      const consent = {
        interests,
        consentAt: now.toISOString(),
        noticeVersion: NEWSLETTER_NOTICE_VERSION,
        noticeText: NEWSLETTER_NOTICE_TEXT,
      };

      let row = await findByKey(emailKey);
      let created = false;
      if (!row) {
        try {
          await strapi.documents(SUBSCRIBER_UID).create({
            data: {
              email: input.email,
              emailKey,
              subscriberStatus: 'da_confermare',
              ...consent,
              linkSecret: randomBytes(24).toString('base64url'),
              ipHash: request.ipHash,
              idempotencyKey: key ?? undefined,
              requestFingerprint: fingerprint ?? undefined,
            },
          });
          created = true;
        } catch (error) {
          // Two subscriptions of one address at once: the other INSERT won; go on as for a known address.
          if (!isUniqueViolation(error)) throw error;
        }
        row = await findByKey(emailKey);
        if (!row) throw new Error('newsletter subscriber vanished right after its creation');
      }

      const subject = { documentId: row.documentId, linkSecret: row.linkSecret };
      if (row.subscriberStatus === 'confermato') {
        if (key) await rows().update({ where: { id: row.id }, data: { idempotencyKey: key, requestFingerprint: fingerprint } }).catch(() => undefined);
        notifyInBackground(strapi, '[newsletter]', 'a known subscriber', () => send(alreadySubscribedEmail(row.email, linksWith(newsletterSettings(), subject)), subject));
        return RECEIVED;
      }
      if (!created) {
        // Waiting for confirmation: what was agreed now replaces what was agreed then, the address as given now too.
        await rows().update({ where: { id: row.id }, data: { email: input.email, ...consent, ...(key ? { idempotencyKey: key, requestFingerprint: fingerprint } : {}) } })
          .catch((error: unknown) => { if (!isUniqueViolation(error)) throw error; });
      }
      const settings = newsletterSettings();
      const mail = confirmationEmail(input.email, confirmLink(settings, subject, now.getTime()), linksWith(settings, subject, now.getTime()));
      notifyInBackground(strapi, '[newsletter]', 'a new subscriber (confirmation e-mail)', () => send(mail, subject));
      return RECEIVED;
    },

    /** The confirmation link: `confermato` once, `gia_confermato` after; expired: 410; unknown or forged: 404. */
    async confirm(body: unknown, isJson: boolean, now = new Date()): Promise<NewsletterConfirmation> {
      const row = await subscriberOfLink(tokenOf(body, isJson), ['confirm']);
      if (!row) throw NewsletterLinkError.gone();
      if (row.subscriberStatus === 'confermato') return { status: 'gia_confermato' };
      const updated = await rows().updateMany({
        where: { id: row.id, subscriberStatus: 'da_confermare' },
        data: { subscriberStatus: 'confermato', confirmedAt: now.toISOString() },
      });
      // Two clicks at once: only the one that changed the row sends the welcome.
      if (updated.count === 0) return { status: 'gia_confermato' };
      const subject = { documentId: row.documentId, linkSecret: row.linkSecret };
      notifyInBackground(strapi, '[newsletter]', 'a confirmed subscriber (welcome e-mail)', () => send(welcomeEmail(row.email, linksWith(newsletterSettings(), subject)), subject));
      return { status: 'confermato' };
    },

    /**
     * Unsubscribes: erases the subscriber's row. The token comes from the
     * site's page (JSON body) or from a mail client's RFC 8058 one-click POST
     * (query). An address already gone answers the same.
     */
    async unsubscribe(token: unknown): Promise<NewsletterUnsubscription> {
      const row = await subscriberOfLink(token, ['unsubscribe', 'manage']);
      if (row) await rows().delete({ where: { id: row.id } });
      if (row) strapi.log.info('[newsletter] a subscriber unsubscribed: their address is erased');
      return { status: 'cancellato' };
    },

    tokenOf,

    /** Everything stored about the subscriber of a "my data" link. */
    async myData(token: unknown): Promise<NewsletterSubscriberData> {
      const row = await subscriberOfLink(token, ['manage']);
      if (!row) throw NewsletterLinkError.gone();
      return {
        email: row.email,
        status: row.subscriberStatus,
        interests: Array.isArray(row.interests) ? row.interests.filter((i): i is string => typeof i === 'string') : [],
        consentAt: new Date(row.consentAt).toISOString(),
        confirmedAt: row.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
        noticeVersion: row.noticeVersion,
        noticeText: row.noticeText,
        createdAt: new Date(row.createdAt).toISOString(),
      };
    },

    /** Erases the addresses never confirmed whose last request is older than the confirmation window. Returns how many. */
    async eraseUnconfirmed(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - newsletterSettings().confirmDays * DAY_MS).toISOString();
      const { count } = await rows().deleteMany({ where: { subscriberStatus: NEWSLETTER_SUBSCRIBER_STATUSES[0], consentAt: { $lt: cutoff } } });
      return count;
    },
  };
};

export type SubscriptionService = ReturnType<typeof subscriptionService>;

export default subscriptionService;
