import type { Core } from '@strapi/strapi';
import type { NewsletterSendStatus } from '@chiudete/types';
import { issueTopics, wantsIssue } from './audience';
import { ISSUE_UID, SEND_UID, loadIssue, newsletterConfig, renderFor, sendEmail, type LoadedIssue } from './content';
import { CONFIRMED, confirmedPage, linksOf, recipientsByDocumentId } from './subscribers';

/**
 * The sending worker (cron task `sendNewsletters`, an exclusive task: one
 * instance at a time holds its lease). For each issue «In invio»:
 *
 * 1. lists its recipients once: one `newsletter-send` row per matching
 *    confirmed subscriber, `key` = `<issue>:<subscriber>` (a unique column,
 *    so a second listing, after a crash midway, adds only the missing rows);
 * 2. sends the rows «In coda», in id order, at most
 *    NEWSLETTER_SEND_RATE_PER_MINUTE: each row is CLAIMED first (committed
 *    as «In invio», attempts + 1), then handed to the SMTP server, then
 *    marked «Inviata» (or back «In coda» with a delay, or «Non inviata»
 *    after NEWSLETTER_SEND_MAX_ATTEMPTS);
 * 3. keeps the issue's counters up to date after every batch, and marks it
 *    «Inviata» when no row is left to send.
 *
 * Never twice: a row is sent only from «In coda», and leaves it before the
 * e-mail does. The one window is a crash (or a lost lease) after the SMTP
 * server accepted the e-mail and before the row is marked: the row stays
 * «In invio», and the next run, which holds the lease, turns every such row
 * into «Forse inviata» and NEVER sends it again (at most one subscriber per
 * dead worker may miss the issue, nobody gets it twice). The window is the
 * time of one UPDATE after the SMTP answer.
 *
 * A subscriber erased (unsubscribed) or no longer confirmed by the time of
 * their row gets nothing: the row becomes «Annullata». An issue set to
 * «Interrotta» stops at the next batch (at most 50 e-mails); its rows «In coda» become «Annullata».
 */

const LIST_PAGE = 500;
const SEND_BATCH = 50;
const ERROR_LENGTH = 1000;

interface SendRow {
  id: number;
  key: string;
  subscriberDocumentId: string;
  sendStatus: NewsletterSendStatus;
  attempts: number;
}

export interface WorkerControl {
  /** True when the worker must stop after the current e-mail (Strapi is shutting down). */
  stopping(): boolean;
  /** Waits (rate limit); resolves early when stopping. */
  sleep(ms: number): Promise<void>;
}

export interface RunSummary {
  issues: number;
  sent: number;
  failed: number;
  cancelled: number;
  uncertain: number;
}

const sends = (strapi: Core.Strapi) => strapi.db.query(SEND_UID);
const issues = (strapi: Core.Strapi) => strapi.db.query(ISSUE_UID);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, ERROR_LENGTH);

/** Rows left «In invio» by a worker that died: never resent. Call only while holding the lease. */
export async function settleInterruptedSends(strapi: Core.Strapi): Promise<number> {
  const { count } = await sends(strapi).updateMany({
    where: { sendStatus: 'in_invio' },
    data: { sendStatus: 'esito_incerto', lastError: 'Il server si è fermato mentre consegnava questa e-mail: forse è partita. Non si rimanda, per non mandarla due volte.' },
  });
  return count;
}

/** Writes the rows of the issue's recipients (idempotent), then `recipientsListedAt` and `totalCount`. */
export async function listRecipients(strapi: Core.Strapi, issue: LoadedIssue): Promise<number> {
  const topics = issueTopics(issue);
  let afterId = 0;
  for (;;) {
    const page = await confirmedPage(strapi, afterId, LIST_PAGE);
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    const wanted = page.filter((subscriber) => wantsIssue(subscriber.interests, topics));
    if (wanted.length === 0) continue;
    const keys = wanted.map((subscriber) => `${issue.documentId}:${subscriber.documentId}`);
    const existing = new Set(((await sends(strapi).findMany({ where: { key: { $in: keys } }, select: ['key'] })) as Array<{ key: string }>).map((row) => row.key));
    const data = wanted
      .filter((subscriber) => !existing.has(`${issue.documentId}:${subscriber.documentId}`))
      .map((subscriber) => ({
        key: `${issue.documentId}:${subscriber.documentId}`,
        issueDocumentId: issue.documentId,
        subscriberDocumentId: subscriber.documentId,
        sendStatus: 'in_coda',
        attempts: 0,
      }));
    if (data.length > 0) await sends(strapi).createMany({ data });
  }
  const total = await sends(strapi).count({ where: { issueDocumentId: issue.documentId } });
  await issues(strapi).update({ where: { id: issue.id }, data: { recipientsListedAt: new Date(), totalCount: total } });
  return total;
}

/** The issue's counters from its rows: sent (and «Forse inviata»), failed. */
export async function updateCounters(strapi: Core.Strapi, issue: Pick<LoadedIssue, 'id' | 'documentId'>): Promise<{ sent: number; failed: number; pending: number }> {
  const count = (statuses: NewsletterSendStatus[]) => sends(strapi).count({ where: { issueDocumentId: issue.documentId, sendStatus: { $in: statuses } } });
  const [sent, failed, pending] = await Promise.all([count(['inviata', 'esito_incerto']), count(['fallita']), count(['in_coda', 'in_invio'])]);
  await issues(strapi).update({ where: { id: issue.id }, data: { sentCount: sent, failedCount: failed } });
  return { sent, failed, pending };
}

/** Cancels what is left of an issue the redazione stopped. */
async function cancelQueued(strapi: Core.Strapi, issueDocumentId: string, reason: string): Promise<number> {
  const { count } = await sends(strapi).updateMany({ where: { issueDocumentId, sendStatus: 'in_coda' }, data: { sendStatus: 'annullata', lastError: reason, nextAttemptAt: null } });
  return count;
}

const currentStatus = async (strapi: Core.Strapi, id: number) =>
  ((await issues(strapi).findOne({ where: { id }, select: ['issueStatus'] })) as { issueStatus: string } | null)?.issueStatus;

/** Sends the due rows of one issue; returns when none is due, the issue is stopped, or the worker is stopping. */
async function sendIssue(strapi: Core.Strapi, issue: LoadedIssue, control: WorkerControl, summary: RunSummary): Promise<void> {
  const config = newsletterConfig(strapi);
  const intervalMs = 60_000 / config.ratePerMinute;
  let nextSlot = Date.now();
  if (!issue.startedAt) await issues(strapi).update({ where: { id: issue.id }, data: { startedAt: new Date() } });

  for (;;) {
    if (control.stopping()) return;
    if ((await currentStatus(strapi, issue.id)) !== 'in_invio') {
      summary.cancelled += await cancelQueued(strapi, issue.documentId, 'Invio interrotto dalla redazione.');
      await updateCounters(strapi, issue);
      return;
    }
    const now = new Date();
    const batch = (await sends(strapi).findMany({
      where: { issueDocumentId: issue.documentId, sendStatus: 'in_coda', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
      select: ['id', 'key', 'subscriberDocumentId', 'sendStatus', 'attempts'],
      orderBy: { id: 'asc' },
      limit: SEND_BATCH,
    })) as SendRow[];
    if (batch.length === 0) break;
    const recipients = await recipientsByDocumentId(strapi, batch.map((row) => row.subscriberDocumentId));

    for (const row of batch) {
      if (control.stopping()) break;
      const recipient = recipients.get(row.subscriberDocumentId);
      if (!recipient || recipient.subscriberStatus !== CONFIRMED) {
        await sends(strapi).updateMany({
          where: { id: row.id, sendStatus: 'in_coda' },
          data: { sendStatus: 'annullata', lastError: 'L\'iscritto si è disiscritto (o non è più confermato) prima dell\'invio.', nextAttemptAt: null },
        });
        summary.cancelled++;
        continue;
      }
      const wait = nextSlot - Date.now();
      if (wait > 0) await control.sleep(wait);
      if (control.stopping()) break;
      nextSlot = Math.max(nextSlot, Date.now() - intervalMs) + intervalMs;

      // Claim: committed before the e-mail leaves, and only from «In coda».
      const attempts = row.attempts + 1;
      const { count } = await sends(strapi).updateMany({ where: { id: row.id, sendStatus: 'in_coda' }, data: { sendStatus: 'in_invio', attempts } });
      if (count !== 1) continue;
      try {
        await sendEmail(strapi, recipient.email, renderFor(strapi, issue, linksOf(recipient)));
      } catch (error) {
        const final = attempts >= config.maxAttempts;
        await sends(strapi).update({
          where: { id: row.id },
          data: final
            ? { sendStatus: 'fallita', lastError: errorText(error), nextAttemptAt: null }
            : { sendStatus: 'in_coda', lastError: errorText(error), nextAttemptAt: new Date(Date.now() + config.retryMinutes * 60_000) },
        });
        if (final) summary.failed++;
        continue;
      }
      await sends(strapi).update({ where: { id: row.id }, data: { sendStatus: 'inviata', sentAt: new Date(), lastError: null, nextAttemptAt: null } });
      summary.sent++;
    }
    await updateCounters(strapi, issue);
  }

  const { pending } = await updateCounters(strapi, issue);
  if (pending === 0 && !control.stopping()) {
    await issues(strapi).updateMany({ where: { id: issue.id, issueStatus: 'in_invio' }, data: { issueStatus: 'inviata', finishedAt: new Date() } });
  }
}

/** One run of the worker: every issue «In invio», oldest first. */
export async function runNewsletterSends(strapi: Core.Strapi, control: WorkerControl): Promise<RunSummary> {
  const summary: RunSummary = { issues: 0, sent: 0, failed: 0, cancelled: 0, uncertain: 0 };
  summary.uncertain = await settleInterruptedSends(strapi);
  if (summary.uncertain > 0) strapi.log.warn(`[newsletter] ${summary.uncertain} send(s) were interrupted while being handed to the SMTP server: marked «Forse inviata», never resent`);

  const stopped = (await issues(strapi).findMany({ where: { issueStatus: 'interrotta' }, select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
  for (const issue of stopped) {
    const cancelled = await cancelQueued(strapi, issue.documentId, 'Invio interrotto dalla redazione.');
    if (cancelled > 0) await updateCounters(strapi, issue);
    summary.cancelled += cancelled;
  }

  const queued = (await issues(strapi).findMany({ where: { issueStatus: 'in_invio' }, select: ['documentId'], orderBy: { queuedAt: 'asc' } })) as Array<{ documentId: string }>;
  for (const { documentId } of queued) {
    if (control.stopping()) break;
    const issue = await loadIssue(strapi, documentId);
    if (!issue) continue;
    summary.issues++;
    if (!issue.recipientsListedAt) await listRecipients(strapi, issue);
    await sendIssue(strapi, issue, control, summary);
  }
  if (summary.sent || summary.failed || summary.cancelled) {
    strapi.log.info(`[newsletter] sent ${summary.sent}, failed ${summary.failed}, cancelled ${summary.cancelled} e-mail(s) of ${summary.issues} issue(s)`);
  }
  return summary;
}
