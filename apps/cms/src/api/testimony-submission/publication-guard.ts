import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_UID, TESTIMONY_UID, type SubmissionStatus } from '../../moderation/contract';

/**
 * A Testimony born from a reader's submission goes online only through
 * moderation ("Approva e pubblica"): publishing it any other way (the
 * Content Manager's "Pubblica", bulk publishing, a scheduled publication, a
 * script) is refused while its submission is not approved, with a message
 * the editor can act on.
 *
 * Rejecting or withdrawing a submission deletes its Testimony, so normally
 * nothing is left to publish; this is the second line, for whatever a
 * rejection left behind before that (see `deleteTestimoniesOfRefusedSubmissions`)
 * or a hand-made change to the data. Testimonies written by the redazione
 * itself (no submission) are not concerned.
 */

/** The Document Service actions that put a version online (create and update do with `status: 'published'`). */
function publishes(action: string, params: unknown): boolean {
  if (action === 'publish') return true;
  if (action !== 'create' && action !== 'update') return false;
  return typeof params === 'object' && params !== null && (params as { status?: unknown }).status === 'published';
}

const documentIdOf = (params: unknown): string | undefined => {
  const documentId = typeof params === 'object' && params !== null ? (params as { documentId?: unknown }).documentId : undefined;
  return typeof documentId === 'string' && documentId ? documentId : undefined;
};

/** The statuses of the submissions linked to a Testimony (normally one, or none). */
async function linkedStatuses(strapi: Core.Strapi, testimonyId: string): Promise<SubmissionStatus[]> {
  const rows = (await strapi.db.query(SUBMISSION_UID).findMany({
    where: { testimony: { documentId: testimonyId } },
    select: ['submissionStatus'],
  })) as Array<{ submissionStatus: SubmissionStatus }>;
  return rows.map((row) => row.submissionStatus);
}

export function notApprovedMessage(status: SubmissionStatus): string {
  return `Questa testimonianza non si può pubblicare: la testimonianza ricevuta da cui nasce è «${SUBMISSION_STATUS_LABELS[status]}». `
    + 'Le testimonianze dei lettori vanno online solo con «Approva e pubblica», da «Testimonianze ricevute».';
}

export function registerTestimonyPublicationGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== TESTIMONY_UID || !publishes(context.action, context.params)) return next();
    const testimonyId = documentIdOf(context.params);
    // A new Testimony (create and publish) has no submission yet.
    if (!testimonyId) return next();
    const refused = (await linkedStatuses(strapi, testimonyId)).find((status) => status !== 'approvata');
    if (refused) {
      strapi.log.warn(`[moderation] publication of testimony ${testimonyId} refused: its submission is ${refused}`);
      throw new errors.ApplicationError(notApprovedMessage(refused), { code: 'submission_not_approved', status: refused });
    }
    return next();
  });
}

/**
 * Deletes the Testimonies still linked to rejected or withdrawn submissions
 * (left as drafts by rejections before they deleted them): at every boot,
 * idempotent. Returns how many were deleted.
 */
export async function deleteTestimoniesOfRefusedSubmissions(strapi: Core.Strapi): Promise<number> {
  const rows = (await strapi.db.query(SUBMISSION_UID).findMany({
    where: { submissionStatus: { $in: ['rifiutata', 'ritirata'] }, testimony: { id: { $notNull: true } } },
    select: ['documentId'],
    populate: { testimony: { select: ['documentId'] } },
  })) as Array<{ documentId: string; testimony?: { documentId: string } | null }>;
  const ids = [...new Set(rows.map((row) => row.testimony?.documentId).filter((id): id is string => Boolean(id)))];
  for (const documentId of ids) {
    await strapi.db.transaction(async () => {
      await strapi.documents(TESTIMONY_UID).unpublish({ documentId });
      await strapi.documents(TESTIMONY_UID).delete({ documentId });
    });
    strapi.log.info(`[moderation] testimony ${documentId} deleted: its submission was rejected or withdrawn`);
  }
  return ids.length;
}
