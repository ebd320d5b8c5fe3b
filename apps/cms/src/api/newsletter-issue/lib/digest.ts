import type { Core } from '@strapi/strapi';
import { ISSUE_UID, SETTING_UID } from './content';
import { queueIssue } from './actions';

/**
 * The weekly digest (cron task `sendWeeklyNewsletterDigest`): when the
 * redazione switched it on («Impostazioni della newsletter»), an issue of
 * kind «settimanale» with the articles and testimonies first published in
 * the 7 days before `now`, queued for sending at once. Nothing published,
 * nothing sent. At most one digest in 6 days, whatever the cron does.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dateFormat = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });

interface Settings {
  weeklyDigestEnabled?: boolean | null;
  weeklyDigestSubject?: string | null;
  weeklyDigestIntroduction?: string | null;
  lastDigestAt?: string | null;
}

export type DigestOutcome = { created: false; reason: 'off' | 'recent' | 'nothing-published' } | { created: true; documentId: string; articles: number; testimonies: number };

export async function runWeeklyDigest(strapi: Core.Strapi, now = new Date()): Promise<DigestOutcome> {
  const settings = (await strapi.documents(SETTING_UID).findFirst({})) as (Settings & { documentId: string }) | null;
  if (!settings?.weeklyDigestEnabled) return { created: false, reason: 'off' };
  if (settings.lastDigestAt && now.getTime() - new Date(settings.lastDigestAt).getTime() < 6 * DAY_MS) return { created: false, reason: 'recent' };

  const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const window = { filters: { publishedAt: { $gt: since, $lte: now.toISOString() } }, status: 'published' as const, fields: ['documentId'] as never, sort: 'publishedAt:asc' as const };
  // firstPublishedAt is not kept: an entry updated (re-published) in the week counts too, like the feed.
  const articles = (await strapi.documents('api::article.article').findMany(window as never)) as Array<{ documentId: string }>;
  const testimonies = (await strapi.documents('api::testimony.testimony').findMany(window as never)) as Array<{ documentId: string }>;
  await strapi.documents(SETTING_UID).update({ documentId: settings.documentId, data: { lastDigestAt: now.toISOString() } as never });
  if (articles.length === 0 && testimonies.length === 0) return { created: false, reason: 'nothing-published' };

  const issue = await strapi.documents(ISSUE_UID).create({
    data: {
      subject: settings.weeklyDigestSubject?.trim() || `Chiudete i Call Center: la settimana fino al ${dateFormat.format(now)}`,
      introduction: settings.weeklyDigestIntroduction?.trim() || 'Ecco che cosa abbiamo pubblicato negli ultimi sette giorni.',
      kind: 'settimanale',
      issueStatus: 'bozza',
      articles: articles.map((a) => a.documentId),
      testimonies: testimonies.map((t) => t.documentId),
    } as never,
  });
  await queueIssue(strapi, issue.documentId, now);
  return { created: true, documentId: issue.documentId, articles: articles.length, testimonies: testimonies.length };
}
