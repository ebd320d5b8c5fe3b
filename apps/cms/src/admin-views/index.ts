import { answer } from './answer';
import { article } from './article';
import { author } from './author';
import { bookRelease } from './book-release';
import { buyLink } from './buy-link';
import { category } from './category';
import { contactMessage } from './contact-message';
import { bookFormat } from './format';
import { global } from './global';
import { legalReference } from './legal-reference';
import { partnerWebhook } from './partner-webhook';
import { seo } from './seo';
import { socialLink } from './social-link';
import { testimony } from './testimony';
import { testimonySubmission } from './testimony-submission';
import type { AnyAdminView } from './types';
import { video } from './video';
import { webhookDelivery } from './webhook-delivery';

export * from './types';

/** Every Content Manager view kept in code, by uid: content types first, then components. */
export const ADMIN_VIEWS: Readonly<Record<string, AnyAdminView>> = Object.fromEntries(
  [article, author, category, bookRelease, testimony, testimonySubmission, contactMessage, answer, video, global, partnerWebhook, webhookDelivery, seo, buyLink, legalReference, socialLink, bookFormat].map(
    (view) => [view.uid, view],
  ),
);
