import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './strapi';
import type { DatabaseKind } from './database';
import { TEST_ADMIN } from './admin';
import { captureStatements, explain } from './sql';
import { ADMIN_ROLES } from '../../src/bootstrap/admin-roles';
import { REJECTION_REASONS, SUBMISSION_UID, type RejectionReason, type SubmissionStatus } from '../../src/moderation/contract';
import { MODERATION_STATS_ROUTE, type DecisionTime, type ModerationStats } from '../../src/moderation/stats-contract';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

interface Seed {
  status: SubmissionStatus;
  submittedAt: Date;
  moderatedAt: Date | null;
  rejectionReason?: RejectionReason | null;
}

/**
 * Submissions with known dates, relative to now: decisions spread over ten
 * weeks (some older than the eight shown), each reason and none, pending
 * ones, a withdrawn one. A small linear congruential generator keeps them
 * the same from run to run.
 */
function seeds(now: number): Seed[] {
  let state = 15;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const list: Seed[] = [];
  for (let index = 0; index < 60; index++) {
    const moderatedAt = new Date(now - Math.floor(next() * 70 * DAY) - HOUR);
    const submittedAt = new Date(moderatedAt.getTime() - Math.floor(next() * 9 * DAY) - 5 * 60 * 1000);
    const rejected = next() < 0.45;
    list.push({
      status: rejected ? 'rifiutata' : 'approvata',
      submittedAt,
      moderatedAt,
      rejectionReason: rejected ? (index % 7 === 6 ? null : REJECTION_REASONS[index % REJECTION_REASONS.length]!) : null,
    });
  }
  list.push({ status: 'nuova', submittedAt: new Date(now - 3 * DAY), moderatedAt: null });
  list.push({ status: 'in_revisione', submittedAt: new Date(now - 10 * DAY), moderatedAt: null });
  list.push({ status: 'ritirata', submittedAt: new Date(now - 6 * DAY), moderatedAt: new Date(now - 5 * DAY) });
  return list;
}

const ms = (value: unknown): number | null =>
  value === null || value === undefined ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value as string | number).getTime();

/** The median the way a reader would compute it: sort, take the middle (or the mean of the two middle ones). */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * GET /admin/moderation-stats against a real Strapi on `kind`: the figures
 * equal those computed here, in JS, from every submission in the database;
 * three SQL statements, none reading the stories; admins who may not read
 * submissions get 403, anonymous callers 401, the public API has no such route.
 */
export function moderationStatsSuite(kind: DatabaseKind, { access = true } = {}) {
  describe(`moderation figures of the home page (${kind})`, () => {
    let cms: TestStrapi;
    let superAdmin: string;
    let moderatore: string;
    let redattore: string;

    const login = async (email: string, password: string): Promise<string> => {
      const res = await fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(res.status, `login of ${email}`).toBe(200);
      return ((await res.json()) as { data: { token: string } }).data.token;
    };

    const loginAs = async (code: string, email: string): Promise<string> => {
      const role = (await cms.strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
      expect(role, `role ${code}`).not.toBeNull();
      const password = 'Redazione2019!';
      const users = cms.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> };
      await users.create({ email, firstname: code, password, isActive: true, registrationToken: null, roles: [role!.id] });
      return login(email, password);
    };

    const stats = (token: string | null) =>
      fetch(`${cms.url}${MODERATION_STATS_ROUTE}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

    const read = async (token: string): Promise<ModerationStats> => {
      const res = await stats(token);
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return (JSON.parse(text) as { data: ModerationStats }).data;
    };

    /** Every decision in the database, read back through Strapi, as instants. */
    const decisions = async () => {
      const rows = (await cms.strapi.db.query(SUBMISSION_UID).findMany({
        select: ['submissionStatus', 'rejectionReason', 'submittedAt', 'moderatedAt'],
      })) as Array<{ submissionStatus: SubmissionStatus; rejectionReason: RejectionReason | null; submittedAt: unknown; moderatedAt: unknown }>;
      return rows
        .filter((row) => row.submissionStatus === 'approvata' || row.submissionStatus === 'rifiutata')
        .map((row) => ({ status: row.submissionStatus, reason: row.rejectionReason ?? null, submittedAt: ms(row.submittedAt), moderatedAt: ms(row.moderatedAt) }))
        .filter((row): row is typeof row & { moderatedAt: number } => row.moderatedAt !== null);
    };

    const expectedTime = (all: Awaited<ReturnType<typeof decisions>>, window: DecisionTime) => {
      const [from, to] = [Date.parse(window.from), Date.parse(window.to)];
      const durations = all
        .filter((row) => row.moderatedAt >= from && row.moderatedAt < to && row.submittedAt !== null)
        .map((row) => row.moderatedAt - row.submittedAt!);
      return { decisions: durations.length, medianMs: median(durations) };
    };

    beforeAll(async () => {
      cms = await startTestStrapi(kind, { CRON_ENABLED: 'false' });
      superAdmin = await login(TEST_ADMIN.email, TEST_ADMIN.password);
      if (access) {
        moderatore = await loginAs(ADMIN_ROLES.moderatore.code, 'moderatore@example.org');
        redattore = await loginAs(ADMIN_ROLES.redattore.code, 'redattore@example.org');
      }
      const now = Date.now();
      for (const [index, seed] of seeds(now).entries()) {
        await cms.strapi.documents(SUBMISSION_UID).create({
          data: {
            submissionStatus: seed.status,
            role: 'cliente',
            displayName: `Lettrice ${index}`,
            sector: 'telefonia',
            channel: 'chat',
            eventMonth: '2024-05',
            title: `Testimonianza di prova ${index}`,
            story: 'Una storia lunga abbastanza per una testimonianza ricevuta dalla redazione.',
            consentToPublish: true,
            privacyAccepted: true,
            submittedAt: seed.submittedAt.toISOString(),
            ...(seed.moderatedAt ? { moderatedAt: seed.moderatedAt.toISOString() } : {}),
            ...(seed.rejectionReason ? { rejectionReason: seed.rejectionReason } : {}),
          },
        });
      }
    });

    afterAll(async () => {
      await cms?.stop();
    });

    it('gives eight contiguous weeks from Monday midnight in Rome, the current one last', async () => {
      const data = await read(superAdmin);
      const now = Date.parse(data.generatedAt);
      expect(data.weeks).toHaveLength(8);
      const rome = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      for (const [index, week] of data.weeks.entries()) {
        expect(rome.format(new Date(week.start)), week.start).toBe('Monday 00:00');
        expect(week.end).toBe(index < 7 ? data.weeks[index + 1]!.start : week.end);
        // A week lasts 7 days, one hour more or less across a change of time.
        expect(Math.abs(Date.parse(week.end) - Date.parse(week.start) - WEEK)).toBeLessThanOrEqual(HOUR);
      }
      expect(Date.parse(data.weeks[7]!.start)).toBeLessThanOrEqual(now);
      expect(Date.parse(data.weeks[7]!.end)).toBeGreaterThan(now);
      expect(Date.parse(data.decisionTime.recent.to)).toBe(now);
      expect(now - Date.parse(data.decisionTime.recent.from)).toBe(30 * DAY);
      expect(data.decisionTime.weeks).toMatchObject({ from: data.weeks[0]!.start, to: data.weeks[7]!.end });
    });

    it('counts approvals and rejections per week, rejections by reason and the median times as computed from the rows', async () => {
      const data = await read(superAdmin);
      const all = await decisions();

      const inWeek = (week: { start: string; end: string }) => (row: { moderatedAt: number }) =>
        row.moderatedAt >= Date.parse(week.start) && row.moderatedAt < Date.parse(week.end);
      const expectedWeeks = data.weeks.map((week) => ({
        start: week.start,
        end: week.end,
        approved: all.filter((row) => row.status === 'approvata' && inWeek(week)(row)).length,
        rejected: all.filter((row) => row.status === 'rifiutata' && inWeek(week)(row)).length,
      }));
      expect(data.weeks).toEqual(expectedWeeks);
      // Not vacuous: the seeds put decisions in the window, and others before it.
      const shown = expectedWeeks.reduce((sum, week) => sum + week.approved + week.rejected, 0);
      expect(shown).toBeGreaterThan(20);
      expect(shown).toBeLessThan(all.length);

      const span = { start: data.weeks[0]!.start, end: data.weeks[7]!.end };
      const reasons = new Map<RejectionReason | null, number>();
      for (const row of all.filter((r) => r.status === 'rifiutata' && inWeek(span)(r))) reasons.set(row.reason, (reasons.get(row.reason) ?? 0) + 1);
      expect(reasons.has(null)).toBe(true);
      expect(new Map(data.rejectionsByReason.map((entry) => [entry.reason, entry.count]))).toEqual(reasons);
      const counts = data.rejectionsByReason.map((entry) => entry.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));

      for (const window of [data.decisionTime.recent, data.decisionTime.weeks]) {
        const expected = expectedTime(all, window);
        expect(expected.decisions).toBeGreaterThan(5);
        expect({ decisions: window.decisions, medianMs: window.medianMs }).toEqual(expected);
      }
    });

    it('reads the figures in three SQL statements, none of them touching the stories or the contacts', async () => {
      const service = cms.strapi.service('api::testimony-submission.moderation-stats') as { compute(now?: Date): Promise<ModerationStats> };
      const statements = await captureStatements(cms.strapi, () => service.compute());
      expect(statements).toHaveLength(3);
      for (const statement of statements) {
        expect(statement.sql).not.toMatch(/story|contact_email|display_name/i);
        // Only the decisions of the window are read, from the index alone (schema.json: moderated_at first, the other columns covered).
        expect(await explain(cms.strapi, statement, { sorts: true }), statement.sql).toMatch(/testimony_submissions_moderated_idx/);
      }
    });

    it('has no figure for a window without decisions', async () => {
      const service = cms.strapi.service('api::testimony-submission.moderation-stats') as { compute(now?: Date): Promise<ModerationStats> };
      const old = await service.compute(new Date('2001-06-15T12:00:00Z'));
      expect(old.weeks.every((week) => week.approved === 0 && week.rejected === 0)).toBe(true);
      expect(old.rejectionsByReason).toEqual([]);
      expect(old.decisionTime.recent).toMatchObject({ decisions: 0, medianMs: null });
    });

    if (access) {
      it('answers the Moderatore, refuses the Redattore (403) and anonymous callers (401), and is not on the public API', async () => {
        expect((await read(moderatore)).weeks).toEqual((await read(superAdmin)).weeks);
        expect((await stats(redattore)).status).toBe(403);
        expect((await stats(null)).status).toBe(401);
        expect((await stats('not-a-token')).status).toBe(401);
        expect((await fetch(`${cms.url}/api/moderation-stats`)).status).toBe(404);
        expect((await fetch(`${cms.url}/api/admin/moderation-stats`)).status).toBe(404);
      });
    }
  });
}
