import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ISSUE_UID, hasContent, loadIssue, renderFor, sendEmail, type LoadedIssue } from './content';
import type { IssueEmail } from './render';
import { linksOf } from './subscribers';

/**
 * What the redazione does with an issue from its edit view (the admin
 * routes of ../admin-routes.ts): see it, send a test copy to oneself, send it.
 */

/** A preview and a test copy are the real e-mail with links of a made-up subscriber (they lead to an expired link). */
const sampleLinks = () => linksOf({ documentId: 'anteprima', linkSecret: randomBytes(16).toString('hex') });

async function issueOr404(strapi: Core.Strapi, documentId: string): Promise<LoadedIssue> {
  const issue = await loadIssue(strapi, documentId);
  if (!issue) throw new errors.NotFoundError('Questo numero della newsletter non esiste più: ricarica la pagina.');
  return issue;
}

/** The e-mail as a subscriber would receive it (HTML shown by «Anteprima»). */
export async function previewIssue(strapi: Core.Strapi, documentId: string): Promise<IssueEmail> {
  return renderFor(strapi, await issueOr404(strapi, documentId), sampleLinks());
}

/** «Invia una prova a me»: the e-mail to the logged-in admin, subject marked as a test. */
export async function sendTestCopy(strapi: Core.Strapi, documentId: string, to: string): Promise<{ to: string }> {
  const issue = await issueOr404(strapi, documentId);
  if (!hasContent(issue)) throw new errors.ValidationError('Il numero è vuoto: scrivi un\'introduzione o scegli almeno un articolo o una testimonianza pubblicati.');
  const email = renderFor(strapi, issue, sampleLinks());
  try {
    await sendEmail(strapi, to, { ...email, subject: `[Prova] ${email.subject}` });
  } catch (error) {
    throw new errors.ApplicationError(`La prova non è partita: il server di posta ha risposto «${error instanceof Error ? error.message : String(error)}». Riprova o avvisa chi gestisce il server.`);
  }
  return { to };
}

export interface QueueOutcome {
  documentId: string;
  issueStatus: 'in_invio';
}

/**
 * «Invia»: the issue goes «In invio» (once: only from «Bozza»); the worker
 * (./worker.ts) lists its recipients and sends in the background.
 */
export async function queueIssue(strapi: Core.Strapi, documentId: string, now = new Date()): Promise<QueueOutcome> {
  const issue = await issueOr404(strapi, documentId);
  if (issue.issueStatus !== 'bozza') {
    throw new errors.ValidationError(`Questo numero è già stato inviato o è in invio (stato: ${issue.issueStatus}): non si manda due volte. Per un nuovo invio crea un nuovo numero.`);
  }
  if (!hasContent(issue)) throw new errors.ValidationError('Il numero è vuoto: scrivi un\'introduzione o scegli almeno un articolo o una testimonianza pubblicati.');
  // Conditional: two clicks, or two admins, queue it once.
  const { count } = await strapi.db.query(ISSUE_UID).updateMany({
    where: { id: issue.id, issueStatus: 'bozza' },
    data: { issueStatus: 'in_invio', queuedAt: now, totalCount: 0, sentCount: 0, failedCount: 0 },
  });
  if (count !== 1) throw new errors.ValidationError('Questo numero è già in invio.');
  return { documentId, issueStatus: 'in_invio' };
}
