import type { RejectionReason } from '@chiudete/types/labels';

/**
 * The moderation figures of the newsroom's home page, as the server
 * (api/testimony-submission/services/moderation-stats.ts, on the admin API)
 * and the admin panel's widget (src/admin/home) both see them.
 *
 * Plain data and types only: the admin bundle imports this file.
 *
 * A decision is a submission whose current status is «Approvata» or
 * «Rifiutata», dated by its `moderatedAt`. A submission withdrawn by its
 * author, or erased by the retention cron, is no longer counted.
 */

/** Weeks in the chart of decisions, the newest last. */
export const MODERATION_STATS_WEEKS = 8;
/** The short window of the median time to a decision. */
export const MODERATION_STATS_RECENT_DAYS = 30;
/** Weeks start on Monday at midnight in the newsroom's time zone. */
export const MODERATION_STATS_TIME_ZONE = 'Europe/Rome';

/** One week of decisions: [start, end) as ISO instants. */
export interface ModerationWeek {
  start: string;
  end: string;
  approved: number;
  rejected: number;
}

/** Rejections of one reason; `reason: null` for rejections recorded without one. */
export interface RejectionCount {
  reason: RejectionReason | null;
  count: number;
}

/** The median time from submission to decision of the decisions taken in [from, to). */
export interface DecisionTime {
  from: string;
  to: string;
  /** How many decisions the median is taken over. */
  decisions: number;
  /** Milliseconds; null when there was no decision. */
  medianMs: number | null;
}

/** GET /admin/moderation-stats, in `data`. */
export interface ModerationStats {
  generatedAt: string;
  /** The last MODERATION_STATS_WEEKS weeks, the current (partial) one last. */
  weeks: ModerationWeek[];
  /** Rejections over the same weeks, most frequent first. */
  rejectionsByReason: RejectionCount[];
  decisionTime: {
    /** The last MODERATION_STATS_RECENT_DAYS days. */
    recent: DecisionTime;
    /** The same weeks as `weeks`. */
    weeks: DecisionTime;
  };
}

/** The route, on Strapi's admin API (the admin session; readers of submissions only). */
export const MODERATION_STATS_ROUTE = '/admin/moderation-stats';
