import type { Core } from '@strapi/strapi';
import { REJECTION_REASONS, SUBMISSION_UID, type RejectionReason, type SubmissionStatus } from '../../../moderation/contract';
import {
  MODERATION_STATS_RECENT_DAYS,
  MODERATION_STATS_WEEKS,
  type DecisionTime,
  type ModerationStats,
  type ModerationWeek,
  type RejectionCount,
} from '../../../moderation/stats-contract';
import { lastDays, weeksUntil } from '../../../moderation/stats-period';

/**
 * The moderation figures of the newsroom's home page (admin API only:
 * ../admin-routes.ts), from the submissions table, by SQL aggregates that
 * run on SQLite and PostgreSQL alike:
 *
 * 1. one GROUP BY (week, status, reason) over the decisions of the last
 *    weeks: the weekly approvals and rejections, and the rejections by reason;
 * 2. per window, the median time to a decision, as the middle row(s) of the
 *    decisions ranked by duration (ROW_NUMBER / COUNT window functions:
 *    SQLite ≥ 3.25, PostgreSQL): one or two rows come back, never the list.
 *
 * Week boundaries are computed in JS (Monday midnight in Rome, as UTC
 * instants: ../../../moderation/stats-period.ts) and bound as parameters:
 * no date function of either engine is used. Datetime columns are plain
 * timestamps on PostgreSQL and epoch milliseconds on SQLite (knex binds a
 * Date as such), so only the duration expression differs by engine.
 */

const APPROVED: SubmissionStatus = 'approvata';
const REJECTED: SubmissionStatus = 'rifiutata';

interface Columns {
  table: string;
  status: string;
  reason: string;
  submittedAt: string;
  moderatedAt: string;
}

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

function columnsOf(strapi: Core.Strapi): Columns {
  const meta = strapi.db.metadata.get(SUBMISSION_UID) as unknown as Meta;
  const column = (attribute: string) => {
    const name = meta.attributes[attribute]?.columnName;
    if (!name) throw new Error(`[moderation-stats] ${SUBMISSION_UID} has no ${attribute} column`);
    return name;
  };
  return {
    table: meta.tableName,
    status: column('submissionStatus'),
    reason: column('rejectionReason'),
    submittedAt: column('submittedAt'),
    moderatedAt: column('moderatedAt'),
  };
}

const isPostgres = (strapi: Core.Strapi) => ['postgres', 'pg'].includes(strapi.db.dialect.client);

type Row = Record<string, unknown>;

/** A raw statement's rows, whatever the driver (pg answers `{ rows }`, better-sqlite3 the array). */
async function rawRows(strapi: Core.Strapi, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const result = (await strapi.db.connection.raw(sql, bindings as never)) as unknown;
  return (isPostgres(strapi) ? (result as { rows: Row[] }).rows : result) as Row[];
}

/** Milliseconds from submission to decision, in SQL. */
function durationSql(strapi: Core.Strapi): string {
  return isPostgres(strapi)
    ? 'EXTRACT(EPOCH FROM (??.?? - ??.??)) * 1000'
    : '(??.?? - ??.??)';
}

const last = <T>(list: readonly T[]): T => {
  const item = list[list.length - 1];
  if (item === undefined) throw new Error('[moderation-stats] No week to count');
  return item;
};

const isReason = (value: unknown): value is RejectionReason => (REJECTION_REASONS as readonly unknown[]).includes(value);

/** Weekly decisions and rejections by reason, in one GROUP BY over the weeks' decisions. */
async function decisionsByWeek(strapi: Core.Strapi, columns: Columns, weeks: Array<{ start: Date; end: Date }>) {
  const { table, status, reason, moderatedAt } = columns;
  // Contiguous weeks: the index of the first week that ends after the decision.
  const buckets = weeks.slice(0, -1).map((_, index) => `WHEN ?? < ? THEN ${index}`).join(' ');
  const bucketBindings = weeks.slice(0, -1).flatMap((week) => [moderatedAt, week.end]);
  const rows = await rawRows(
    strapi,
    `SELECT CASE ${buckets} ELSE ${weeks.length - 1} END AS week, ?? AS status, ?? AS reason, COUNT(*) AS count
       FROM ??
      WHERE ?? IN (?, ?) AND ?? >= ? AND ?? < ?
      GROUP BY 1, 2, 3`,
    [
      ...bucketBindings, status, reason,
      table,
      status, APPROVED, REJECTED, moderatedAt, weeks[0]!.start, moderatedAt, last(weeks).end,
    ],
  );

  const byWeek: ModerationWeek[] = weeks.map(({ start, end }) => ({ start: start.toISOString(), end: end.toISOString(), approved: 0, rejected: 0 }));
  const byReason = new Map<RejectionReason | null, number>();
  for (const row of rows) {
    const week = byWeek[Number(row.week)];
    const count = Number(row.count);
    if (!week) throw new Error(`[moderation-stats] Unexpected week bucket ${String(row.week)}`);
    if (row.status === APPROVED) {
      week.approved += count;
    } else {
      week.rejected += count;
      const key = isReason(row.reason) ? row.reason : null;
      byReason.set(key, (byReason.get(key) ?? 0) + count);
    }
  }
  const order = (entry: RejectionCount) => (entry.reason === null ? REJECTION_REASONS.length : REJECTION_REASONS.indexOf(entry.reason));
  const rejectionsByReason = [...byReason].map(([key, count]): RejectionCount => ({ reason: key, count }))
    .sort((a, b) => b.count - a.count || order(a) - order(b));
  return { weeks: byWeek, rejectionsByReason };
}

/** The median time to a decision taken in [from, to): the middle one or two rows of the ranked durations. */
async function decisionTime(strapi: Core.Strapi, columns: Columns, from: Date, to: Date): Promise<DecisionTime> {
  const { table, status, submittedAt, moderatedAt } = columns;
  const duration = [table, moderatedAt, table, submittedAt];
  const rows = await rawRows(
    strapi,
    `SELECT ranked.duration AS duration, ranked.total AS total FROM (
       SELECT ${durationSql(strapi)} AS duration,
              ROW_NUMBER() OVER (ORDER BY ${durationSql(strapi)}) AS position,
              COUNT(*) OVER () AS total
         FROM ??
        WHERE ?? IN (?, ?) AND ?? >= ? AND ?? < ? AND ?? IS NOT NULL
     ) ranked
     WHERE ranked.position IN ((ranked.total + 1) / 2, (ranked.total + 2) / 2)`,
    [...duration, ...duration, table, status, APPROVED, REJECTED, moderatedAt, from, moderatedAt, to, submittedAt],
  );
  const durations = rows.map((row) => Number(row.duration));
  const medianMs = durations.length === 0 ? null : Math.round(durations.reduce((sum, value) => sum + value, 0) / durations.length);
  return { from: from.toISOString(), to: to.toISOString(), decisions: Number(rows[0]?.total ?? 0), medianMs };
}

const moderationStatsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The figures as of `now`. */
  async compute(now: Date = new Date()): Promise<ModerationStats> {
    const columns = columnsOf(strapi);
    const weeks = weeksUntil(now, MODERATION_STATS_WEEKS);
    const recent = lastDays(now, MODERATION_STATS_RECENT_DAYS);
    const byWeek = await decisionsByWeek(strapi, columns, weeks);
    return {
      generatedAt: now.toISOString(),
      ...byWeek,
      decisionTime: {
        recent: await decisionTime(strapi, columns, recent.from, recent.to),
        weeks: await decisionTime(strapi, columns, weeks[0]!.start, last(weeks).end),
      },
    };
  },
});

export type ModerationStatsService = ReturnType<typeof moderationStatsService>;

export default moderationStatsService;
