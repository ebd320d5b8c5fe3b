import type { Core } from '@strapi/strapi';
import { SCHEDULED_CONTENT_TYPES, uidOf, type ContentTypeUid, type DraftAndPublishType } from '@chiudete/types';

/**
 * Scheduled publishing: editors set «Pubblica il» (`scheduledPublishAt`) and
 * «Ritira il» (`scheduledUnpublishAt`) on these types; a cron task
 * (config/cron-tasks.ts) calls `runPublishingSchedule` every minute: the
 * registry's types whose schemas have both fields (@chiudete/types).
 */
export type ScheduledType = ContentTypeUid<DraftAndPublishType>;
// Scheduled types are public draft-and-publish ones (packages/types' registry test checks it).
export const SCHEDULED_TYPES = SCHEDULED_CONTENT_TYPES.map(uidOf) as readonly ScheduledType[];

export interface ScheduleResult {
  /** documentIds published by this run. */
  published: string[];
  /** documentIds unpublished by this run. */
  unpublished: string[];
}

interface VersionRow {
  id: number;
  documentId: string;
  publishedAt: string | Date | null;
  updatedAt: string | Date | null;
}

const time = (value: string | Date | null): number => (value ? new Date(value).getTime() : 0);

/**
 * Publishes the drafts whose `scheduledPublishAt` has passed and unpublishes
 * the documents whose `scheduledUnpublishAt` has passed, then clears the field
 * so each schedule runs once. `now` is a parameter so tests control the clock.
 *
 * The schedule fields are cleared with a plain query on every version of the
 * document (draft and published), which does not touch `updatedAt`: the entry
 * stays «Pubblicato» in the admin rather than «Modificato». A publish that
 * fails rolls the clearing back, so it is retried on the next run.
 */
export async function runPublishingSchedule(strapi: Core.Strapi, now: Date): Promise<ScheduleResult> {
  const result: ScheduleResult = { published: [], unpublished: [] };

  for (const uid of SCHEDULED_TYPES) {
    const query = strapi.db.query(uid);
    const documents = strapi.documents(uid);
    const versionsOf = (documentId: string): Promise<VersionRow[]> =>
      query.findMany({ where: { documentId }, select: ['id', 'documentId', 'publishedAt', 'updatedAt'] });

    // Publishing: drafts due now or earlier.
    const duePublish: Array<{ documentId: string }> = await query.findMany({
      where: { publishedAt: null, scheduledPublishAt: { $notNull: true, $lte: now } },
      select: ['documentId'],
    });
    for (const documentId of new Set(duePublish.map((row) => row.documentId))) {
      try {
        const versions = await versionsOf(documentId);
        const draft = versions.find((v) => v.publishedAt === null);
        const live = versions.find((v) => v.publishedAt !== null);
        // Nothing to publish when the published version is already as new as the draft.
        const needsPublish = Boolean(draft) && (!live || time(draft!.updatedAt) > time(live.updatedAt));
        await strapi.db.transaction(async () => {
          await query.updateMany({ where: { documentId }, data: { scheduledPublishAt: null } });
          if (needsPublish) await documents.publish({ documentId });
        });
        if (needsPublish) {
          result.published.push(documentId);
          strapi.log.info(`[scheduling] published ${uid} ${documentId}`);
        }
      } catch (error) {
        strapi.log.error(`[scheduling] could not publish ${uid} ${documentId}: ${(error as Error).message}`);
      }
    }

    // Unpublishing: any version (the editor may have set the date on the draft only).
    const dueUnpublish: Array<{ documentId: string }> = await query.findMany({
      where: { scheduledUnpublishAt: { $notNull: true, $lte: now } },
      select: ['documentId'],
    });
    for (const documentId of new Set(dueUnpublish.map((row) => row.documentId))) {
      try {
        const versions = await versionsOf(documentId);
        const isLive = versions.some((v) => v.publishedAt !== null);
        await strapi.db.transaction(async () => {
          await query.updateMany({ where: { documentId }, data: { scheduledUnpublishAt: null } });
          if (isLive) await documents.unpublish({ documentId });
        });
        if (isLive) {
          result.unpublished.push(documentId);
          strapi.log.info(`[scheduling] unpublished ${uid} ${documentId}`);
        }
      } catch (error) {
        strapi.log.error(`[scheduling] could not unpublish ${uid} ${documentId}: ${(error as Error).message}`);
      }
    }
  }

  if (result.published.length || result.unpublished.length) {
    strapi.log.info(
      `[scheduling] run at ${now.toISOString()}: ${result.published.length} published, ${result.unpublished.length} unpublished`,
    );
  }
  return result;
}
