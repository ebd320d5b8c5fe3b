import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { approveRequestSchema, rejectRequestSchema } from '@chiudete/types/forms';
import { detectPersonalData, highlightFindings } from '../../../redaction';
import { validateSchema } from '../../../utils/validate-schema';
import {
  APPROVABLE_STATUSES,
  PERSONAL_DATA_KIND_LABELS,
  PUBLIC_TEXT_FIELD_LABELS,
  PUBLIC_TEXT_FIELDS,
  REJECTABLE_STATUSES,
  SUBMISSION_STATUS_LABELS,
  SUBMISSION_UID,
  TESTIMONY_LIMITS,
  TESTIMONY_UID,
  type ApproveRequest,
  type ModerationErrorCode,
  type ModerationResult,
  type PersonalDataReport,
  type PublicTextField,
  type RejectRequest,
  type RemainingPersonalData,
  type SubmissionStatus,
} from '../../../moderation/contract';

/**
 * Testimony submissions, the editors' side: take one into review, approve it
 * (which publishes a public Testimony made of its public fields only) or
 * reject it with a coded reason. Every decision runs in one transaction.
 * The admin routes that call this are in ../admin-routes.ts.
 */

type SubmissionInput = Modules.Documents.Params.Data.Input<typeof SUBMISSION_UID>;
type TestimonyInput = Modules.Documents.Params.Data.Input<typeof TESTIMONY_UID>;
/** Strapi's input types have no `null` for optional fields, yet `null` is how a column is emptied. */
type Clearable<T> = { [K in keyof T]?: T[K] | null };
const clearing = (data: Clearable<SubmissionInput>) => data as Partial<SubmissionInput>;

/** The admin user who takes the decision (recorded as updatedBy / createdBy). */
export interface Moderator {
  id: number | string;
}

/** The columns moderation reads. */
interface SubmissionRow {
  documentId: string;
  submissionStatus: SubmissionStatus;
  role: TestimonyInput['role'];
  sector: TestimonyInput['sector'];
  channel: TestimonyInput['channel'];
  eventMonth: string;
  title: string;
  displayName: string;
  companyBrand?: string | null;
  story?: string | null;
  redactedStory?: string | null;
  consentToPublish?: boolean | null;
  privacyAccepted?: boolean | null;
  submittedAt?: unknown;
  moderatedAt?: unknown;
  personalDataErasedAt?: unknown;
  testimony?: { documentId: string } | null;
}

const ROW_FIELDS = [
  'submissionStatus',
  'role',
  'sector',
  'channel',
  'eventMonth',
  'submittedAt',
  'title',
  'displayName',
  'companyBrand',
  'story',
  'redactedStory',
  'consentToPublish',
  'privacyAccepted',
  'moderatedAt',
  'personalDataErasedAt',
] as const;

/** The parts of the Content Manager's `uid` service used here. */
interface UidService {
  generateUIDField(params: { contentTypeUID: string; field: string; data: Record<string, unknown> }): Promise<string>;
}

/** A datetime column as an ISO string (drivers give strings, numbers or Dates). */
function iso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A refusal the editor can act on: Italian message, `details.code` for the admin panel. */
/** The calendar day in Italy (YYYY-MM-DD) of a stored moment, or undefined when there is none. */
function romeDate(value: unknown): string | undefined {
  const moment = iso(value);
  if (!moment) return undefined;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(moment));
}

function refuse(code: ModerationErrorCode, message: string, details: Record<string, unknown> = {}): errors.ApplicationError {
  return new errors.ApplicationError(message, { code, ...details });
}

const statusList = (statuses: readonly SubmissionStatus[]) =>
  statuses.map((status) => `«${SUBMISSION_STATUS_LABELS[status]}»`).join(' o ');

// Request bodies (validated at the boundary with their zod schemas, Italian messages for the editors)

const bodyObject = (body: unknown): unknown => (body === undefined || body === null || body === '' ? {} : body);

/** The body of POST …/approve, or a 400 that says which field is wrong. */
export function parseApproveRequest(body: unknown): ApproveRequest {
  return validateSchema(approveRequestSchema, bodyObject(body));
}

/** The body of POST …/reject, or a 400 that says which field is wrong. */
export function parseRejectRequest(body: unknown): RejectRequest {
  return validateSchema(rejectRequestSchema, bodyObject(body));
}

// Checks on the texts that would be published

type PublicTexts = Record<PublicTextField, string>;

/** Personal data left in any text that would be published, field by field. */
export function findRemainingPersonalData(texts: Partial<PublicTexts>): RemainingPersonalData[] {
  return PUBLIC_TEXT_FIELDS.flatMap((field) => {
    const findings = detectPersonalData(texts[field] ?? '');
    return findings.length > 0 ? [{ field, findings }] : [];
  });
}

function describeRemaining(remaining: readonly RemainingPersonalData[]): string {
  return remaining
    .map(({ field, findings }) =>
      `${PUBLIC_TEXT_FIELD_LABELS[field]}: ${findings.map((f) => `${PERSONAL_DATA_KIND_LABELS[f.kind].toLowerCase()} «${f.match}»`).join(', ')}`)
    .join('; ');
}

function checkLengths(texts: PublicTexts): void {
  const problems: string[] = [];
  const { title, story, displayName } = TESTIMONY_LIMITS;
  if (texts.title.length < title.min || texts.title.length > title.max) {
    problems.push(`il titolo deve avere da ${title.min} a ${title.max} caratteri (ne ha ${texts.title.length})`);
  }
  if (texts.displayName.length < displayName.min || texts.displayName.length > displayName.max) {
    problems.push(`la firma deve avere da ${displayName.min} a ${displayName.max} caratteri (ne ha ${texts.displayName.length})`);
  }
  if (texts.redactedStory.length < story.min || texts.redactedStory.length > story.max) {
    problems.push(`il racconto deve avere da ${story.min} a ${story.max} caratteri (ne ha ${texts.redactedStory.length})`);
  }
  if (problems.length > 0) {
    throw refuse('invalid_text', `Non si può pubblicare: ${problems.join('; ')}. Correggi e riprova.`);
  }
}

// The service

const moderationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const submissions = () => strapi.documents(SUBMISSION_UID);
  const testimonies = () => strapi.documents(TESTIMONY_UID);

  async function load(documentId: string): Promise<SubmissionRow> {
    const row = (await submissions().findOne({
      documentId,
      fields: [...ROW_FIELDS],
      populate: { testimony: { fields: ['documentId'] } },
    })) as SubmissionRow | null;
    if (!row) throw new errors.NotFoundError(`Nessuna testimonianza ricevuta con ID ${documentId}: forse è stata eliminata.`);
    return row;
  }

  function assertStatus(row: SubmissionRow, allowed: readonly SubmissionStatus[], verb: string): void {
    if (allowed.includes(row.submissionStatus)) return;
    throw refuse(
      'invalid_status',
      `Questa testimonianza è «${SUBMISSION_STATUS_LABELS[row.submissionStatus]}»: si può ${verb} solo se è ${statusList(allowed)}. Ricarica la pagina per vedere il suo stato attuale.`,
      { status: row.submissionStatus },
    );
  }

  /**
   * Moves the status from one of `from` to `to` in a single conditional
   * UPDATE: of two editors deciding at once, the second finds nothing to
   * update (the row lock makes it wait for the first) and is refused.
   */
  async function claim(row: SubmissionRow, from: readonly SubmissionStatus[], to: SubmissionStatus, verb: string): Promise<void> {
    const { count } = await strapi.db.query(SUBMISSION_UID).updateMany({
      where: { documentId: row.documentId, submissionStatus: { $in: [...from] } },
      data: { submissionStatus: to },
    });
    if (count === 0) {
      const current = await load(row.documentId);
      assertStatus(current, from, verb);
    }
  }

  async function testimonyOf(documentId: string | undefined): Promise<ModerationResult['testimony']> {
    if (!documentId) return null;
    const [draft, published] = await Promise.all([
      testimonies().findOne({ documentId, status: 'draft', fields: ['slug'] }),
      testimonies().findOne({ documentId, status: 'published', fields: ['slug'] }),
    ]);
    const slug = published?.slug ?? draft?.slug;
    return slug ? { documentId, slug, published: Boolean(published) } : null;
  }

  async function resultOf(documentId: string): Promise<ModerationResult> {
    const row = await load(documentId);
    return {
      documentId,
      status: row.submissionStatus,
      moderatedAt: iso(row.moderatedAt),
      testimony: await testimonyOf(row.testimony?.documentId),
    };
  }

  return {
    /** nuova → in_revisione; any other status is left as it is (opening a submission twice is harmless). */
    async markInReview(documentId: string, moderator: Moderator): Promise<ModerationResult> {
      return strapi.db.transaction(async () => {
        const row = await load(documentId);
        if (row.submissionStatus === 'nuova') {
          await claim(row, ['nuova'], 'in_revisione', 'prendere in revisione');
          await submissions().update({
            documentId,
            data: { submissionStatus: 'in_revisione', updatedBy: moderator.id },
          });
        }
        return resultOf(documentId);
      });
    },

    /**
     * Publishes a submission as a public Testimony: only from nuova or
     * in_revisione, only with the reader's consent, and only when no personal
     * data is detected in any text that would go online. The Testimony gets
     * the public fields and nothing else (never the contact e-mail, the raw
     * story, the notes or the ipHash); the texts the editor passes replace
     * the submission's own, and the final story is kept as its redactedStory.
     */
    async approve(documentId: string, request: ApproveRequest, moderator: Moderator, now = new Date()): Promise<ModerationResult> {
      return strapi.db.transaction(async () => {
        const row = await load(documentId);
        assertStatus(row, APPROVABLE_STATUSES, 'approvare');
        if (row.consentToPublish !== true || row.privacyAccepted !== true) {
          throw refuse(
            'consent_missing',
            'Chi ha scritto non ha dato il consenso alla pubblicazione o non ha accettato l\'informativa privacy: questa testimonianza non si può pubblicare. Rifiutala.',
          );
        }

        const texts: PublicTexts = {
          title: (request.title ?? row.title).trim(),
          displayName: (request.displayName ?? row.displayName).trim(),
          companyBrand: (row.companyBrand ?? '').trim(),
          redactedStory: (request.redactedStory ?? row.redactedStory ?? '').trim(),
        };
        checkLengths(texts);
        const remaining = findRemainingPersonalData(texts);
        if (remaining.length > 0) {
          throw refuse(
            'personal_data_found',
            `Non si può pubblicare: nel testo ci sono ancora dati personali (${describeRemaining(remaining)}). Toglili o sostituiscili con «[… rimosso]», salva e riprova.`,
            { remaining },
          );
        }

        await claim(row, APPROVABLE_STATUSES, 'approvata', 'approvare');

        // Field by field: nothing private can reach the public type unless named here.
        const publicData = {
          title: texts.title,
          role: row.role,
          sector: row.sector,
          companyBrand: texts.companyBrand || undefined,
          channel: row.channel,
          eventMonth: row.eventMonth,
          // The editorial date the site shows: the day the redazione received the story (Europe/Rome).
          receivedDate: romeDate(row.submittedAt),
          story: texts.redactedStory,
          displayName: texts.displayName,
        } satisfies Partial<TestimonyInput>;

        let testimonyId = row.testimony?.documentId;
        if (testimonyId) {
          // Approved before, then taken off the site: the same page comes back.
          await testimonies().update({ documentId: testimonyId, data: { ...publicData, updatedBy: moderator.id } });
        } else {
          const uid = strapi.plugin('content-manager').service('uid') as unknown as UidService;
          const slug = await uid.generateUIDField({ contentTypeUID: TESTIMONY_UID, field: 'slug', data: { title: texts.title } });
          const created = await testimonies().create({
            data: { ...publicData, slug, createdBy: moderator.id, updatedBy: moderator.id },
          });
          testimonyId = created.documentId;
        }
        await testimonies().publish({ documentId: testimonyId });

        // Linked after publishing, so that the draft and the published version are both linked.
        await submissions().update({
          documentId,
          data: clearing({
            submissionStatus: 'approvata',
            redactedStory: texts.redactedStory,
            rejectionReason: null,
            moderatedAt: now.toISOString(),
            testimony: testimonyId,
            updatedBy: moderator.id,
          }),
        });
        strapi.log.info(`[moderation] submission ${documentId} approved by admin ${moderator.id}: testimony ${testimonyId} published`);
        return resultOf(documentId);
      });
    },

    /**
     * Rejects a submission with a coded reason (and an optional private
     * note). An approved one is taken off the site: its Testimony is
     * unpublished, then deleted, so that no draft is left that the ordinary
     * "Pubblica" button could put back online (./publication-guard.ts
     * refuses that too).
     */
    async reject(documentId: string, request: RejectRequest, moderator: Moderator, now = new Date()): Promise<ModerationResult> {
      return strapi.db.transaction(async () => {
        const row = await load(documentId);
        assertStatus(row, REJECTABLE_STATUSES, 'rifiutare');
        await claim(row, REJECTABLE_STATUSES, 'rifiutata', 'rifiutare');

        const testimonyId = row.testimony?.documentId;
        if (testimonyId) {
          // Unpublished first: the site, its caches and the partners hear of the removal.
          await testimonies().unpublish({ documentId: testimonyId });
          await testimonies().delete({ documentId: testimonyId });
        }

        const note = request.note?.trim();
        await submissions().update({
          documentId,
          data: {
            submissionStatus: 'rifiutata',
            rejectionReason: request.reason,
            moderatedAt: now.toISOString(),
            ...(note ? { moderatorNote: note } : {}),
            updatedBy: moderator.id,
          },
        });
        strapi.log.info(`[moderation] submission ${documentId} rejected by admin ${moderator.id} (${request.reason})${testimonyId ? `: testimony ${testimonyId} unpublished and deleted` : ''}`);
        return resultOf(documentId);
      });
    },

    /**
     * The personal data of a submission, computed now with the current
     * detectors: highlighted in the raw story (what was masked) and in the
     * text that would be published (what is still there), plus any left in
     * the other public fields. `withRaw: false` leaves the raw story out
     * (for an editor who may not read it).
     */
    async personalData(documentId: string, { withRaw = true } = {}): Promise<PersonalDataReport> {
      const row = await load(documentId);
      const highlighted = (text: string | null | undefined) => {
        if (!text) return null;
        const findings = detectPersonalData(text);
        return { findings, segments: highlightFindings(text, findings) };
      };
      return {
        documentId,
        status: row.submissionStatus,
        raw: withRaw ? highlighted(row.story) : null,
        redacted: highlighted(row.redactedStory),
        remaining: findRemainingPersonalData({
          title: row.title,
          displayName: row.displayName,
          companyBrand: row.companyBrand ?? '',
          redactedStory: row.redactedStory ?? '',
        }),
        personalDataErasedAt: iso(row.personalDataErasedAt),
      };
    },
  };
};

export type ModerationService = ReturnType<typeof moderationService>;

export default moderationService;
