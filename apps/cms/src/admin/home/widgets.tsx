import { Cross, Feather, Message, PresentationChart } from '@strapi/icons';
import { RecentList, type RecentItem } from './RecentList';
import { ModerationStatsWidget, RejectionReasonsWidget } from './ModerationStatsWidget';
import { waitingSince } from './durations';
import { QUEUE_SIZE, pendingSummary } from './queue-wording';

const ARTICLE = 'api::article.article';
const SUBMISSION = 'api::testimony-submission.testimony-submission';
const READ = 'plugin::content-manager.explorer.read';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The Content Manager's list returns each document's draft, whose
 * `publishedAt` is always empty, with the document's `status` beside it.
 */
const ARTICLE_STATES: Record<string, string> = { published: 'Pubblicato', modified: 'Pubblicato, con modifiche', draft: 'Bozza' };
const articleItem = (row: Record<string, unknown>): RecentItem => ({
  documentId: text(row.documentId),
  title: text(row.title),
  note: ARTICLE_STATES[text(row.status)] ?? 'Bozza',
  date: text(row.updatedAt) || null,
});

const SUBMISSION_STATES: Record<string, string> = { nuova: 'Nuova', in_revisione: 'In revisione' };
const submissionItem = (row: Record<string, unknown>): RecentItem => ({
  documentId: text(row.documentId),
  title: text(row.title),
  note: [SUBMISSION_STATES[text(row.submissionStatus)], waitingSince(text(row.submittedAt), new Date())].filter(Boolean).join(' · '),
  date: text(row.submittedAt) || null,
});

/** The five articles changed last, drafts included. */
export function RecentArticlesWidget() {
  return (
    <RecentList uid={ARTICLE} query="page=1&pageSize=5&sort=updatedAt:DESC" toItem={articleItem} empty="Ancora nessun articolo" />
  );
}

/** The oldest testimonies still waiting for a decision, with how long each has waited, and how many wait in all: the moderation queue. */
export function ModerationQueueWidget() {
  return (
    <RecentList
      uid={SUBMISSION}
      query={`page=1&pageSize=${QUEUE_SIZE}&sort=submittedAt:ASC&filters[$and][0][submissionStatus][$in][0]=nuova&filters[$and][0][submissionStatus][$in][1]=in_revisione`}
      toItem={submissionItem}
      empty="Nessuna testimonianza da moderare"
      summary={pendingSummary}
    />
  );
}

/**
 * Widget ids Strapi registers that the home page keeps (Strapi 5.54): the
 * profile. "Statistiche del progetto" goes: its `roles: ['strapi-super-admin']`
 * is not enforced, and editors saw it.
 */
const KEPT = new Set(['admin.profile-info']);

interface WidgetArgs {
  id: string;
  pluginId?: string;
  [key: string]: unknown;
}

/**
 * The home page of the newsroom: the moderation queue, the moderation
 * figures (time to decide and decisions per week; rejections by reason) and
 * the recent articles, each shown only to who may read that type (Redattore, Moderatore,
 * Super Admin), plus the profile. Strapi's "Ultimi elementi modificati /
 * pubblicati" and "Elementi" widgets list every type the user may read,
 * webhook deliveries included for a Super Admin: they go.
 */
export function newsroomWidgets<T extends WidgetArgs>(widgets: T[]): WidgetArgs[] {
  const kept = widgets.filter((widget) => KEPT.has(`${widget.pluginId ?? 'global'}.${widget.id}`));
  return [
    {
      id: 'moderation-queue',
      pluginId: 'chiudete',
      icon: Message,
      title: { id: 'chiudete.widget.moderation-queue.title', defaultMessage: 'Testimonianze da moderare' },
      link: { label: { id: 'chiudete.widget.moderation-queue.link', defaultMessage: 'Tutte le testimonianze inviate' }, href: `/content-manager/collection-types/${SUBMISSION}` },
      component: async () => ModerationQueueWidget,
      permissions: [{ action: READ, subject: SUBMISSION }],
    },
    {
      id: 'moderation-stats',
      pluginId: 'chiudete',
      icon: PresentationChart,
      title: { id: 'chiudete.widget.moderation-stats.title', defaultMessage: 'Andamento della moderazione' },
      component: async () => ModerationStatsWidget,
      // The figures come from GET /admin/moderation-stats, which asks for the same permission.
      permissions: [{ action: READ, subject: SUBMISSION }],
    },
    {
      id: 'rejection-reasons',
      pluginId: 'chiudete',
      icon: Cross,
      title: { id: 'chiudete.widget.rejection-reasons.title', defaultMessage: 'Rifiuti per motivo' },
      component: async () => RejectionReasonsWidget,
      permissions: [{ action: READ, subject: SUBMISSION }],
    },
    {
      id: 'recent-articles',
      pluginId: 'chiudete',
      icon: Feather,
      title: { id: 'chiudete.widget.recent-articles.title', defaultMessage: 'Articoli recenti' },
      link: { label: { id: 'chiudete.widget.recent-articles.link', defaultMessage: 'Tutti gli articoli' }, href: `/content-manager/collection-types/${ARTICLE}` },
      component: async () => RecentArticlesWidget,
      permissions: [{ action: READ, subject: ARTICLE }],
    },
    ...kept,
  ];
}
