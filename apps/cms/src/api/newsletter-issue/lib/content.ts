import type { Core } from '@strapi/strapi';
import type { NewsletterIssueKind, NewsletterIssueStatus } from '@chiudete/types';
import type { NewsletterSendingConfig } from '../../../../config/newsletter-sending';
import type { IssueForAudience } from './audience';
import { renderIssueEmail, type IssueContent, type IssueEmail, type RecipientLinks } from './render';

export const ISSUE_UID = 'api::newsletter-issue.newsletter-issue';
export const SEND_UID = 'api::newsletter-send.newsletter-send';
export const SETTING_UID = 'api::newsletter-setting.newsletter-setting';

/** An issue with what its e-mail and its audience need: the published articles (with their categories) and testimonies. */
export interface LoadedIssue extends IssueContent, IssueForAudience {
  id: number;
  documentId: string;
  issueStatus: NewsletterIssueStatus;
  kind: NewsletterIssueKind;
  recipientsListedAt?: string | null;
  startedAt?: string | null;
  articles: Array<{ title: string; slug: string; excerpt?: string | null; categories?: Array<{ slug?: string | null }> }>;
  testimonies: Array<{ title: string; slug: string; story?: string | null }>;
}

export const newsletterConfig = (strapi: Core.Strapi): NewsletterSendingConfig => strapi.config.get<NewsletterSendingConfig>('newsletter-sending');

/** The issue and its chosen content; only the published versions of articles and testimonies (a draft has no page to link to). */
export async function loadIssue(strapi: Core.Strapi, documentId: string): Promise<LoadedIssue | null> {
  const issue = await strapi.documents(ISSUE_UID).findOne({
    documentId,
    // Applies to the populated relations: their published versions only.
    status: 'published',
    populate: {
      articles: { fields: ['title', 'slug', 'excerpt', 'publishedAt'], populate: { categories: { fields: ['slug'] } } },
      testimonies: { fields: ['title', 'slug', 'story', 'publishedAt'] },
    },
  } as never);
  if (!issue) return null;
  const loaded = issue as unknown as LoadedIssue;
  // A relation to a draft & publish type may hold both versions: keep the published one, once.
  const published = <T extends { slug: string; publishedAt?: string | null }>(items: T[] | undefined) => {
    const seen = new Set<string>();
    return (items ?? []).filter((item) => item.publishedAt && !seen.has(item.slug) && seen.add(item.slug));
  };
  return {
    ...loaded,
    articles: published(loaded.articles as never),
    testimonies: published(loaded.testimonies as never),
  };
}

/** Whether an issue has anything to say. */
export const hasContent = (issue: LoadedIssue): boolean =>
  issue.articles.length > 0 || issue.testimonies.length > 0 || (issue.introduction ?? '').trim() !== '';

export const renderFor = (strapi: Core.Strapi, issue: LoadedIssue, links: RecipientLinks): IssueEmail =>
  renderIssueEmail(issue, links, { siteUrl: newsletterConfig(strapi).siteUrl });

interface EmailService {
  send(message: { to: string; subject: string; text: string; html: string; headers?: Record<string, string> }): Promise<unknown>;
}

/** Hands one e-mail to the SMTP server (the nodemailer provider, config/plugins.ts); rejects on failure. */
export async function sendEmail(strapi: Core.Strapi, to: string, email: IssueEmail): Promise<void> {
  await (strapi.plugin('email').service('email') as EmailService).send({ to, subject: email.subject, text: email.text, html: email.html, headers: email.headers });
}
