import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core, Modules } from '@strapi/strapi';
import type { SubmissionReceipt, SubmissionState, SubmissionStatus, TestimonySubmissionData } from '@chiudete/types';
import { testimonySubmissionSchema } from '@chiudete/types/forms';
import { notifyInBackground, parseFormBody, type FormRequest } from '../../../public-forms';
import { redact } from '../../../redaction';
import { IdempotencyKeyReusedError, deriveFromKey, requestFingerprint } from '../../../idempotency';
import type { SubmissionsConfig } from '../../../../config/submissions';
import type { NotificationService } from './notification';

/**
 * Testimony submissions, the public side: receive one, show its state and
 * withdraw it with the private access token, and erase personal data that
 * is no longer needed. Moderation (approve/reject) lives in ./moderation.ts.
 */

export const SUBMISSION_UID = 'api::testimony-submission.testimony-submission';
const TESTIMONY_UID = 'api::testimony.testimony';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What replaces erased text (title and displayName are required by the schema). */
const ERASED = {
  ritirata: { title: 'Testimonianza ritirata', displayName: 'Ritirata' },
  rifiutata: { title: 'Testimonianza non pubblicata', displayName: 'Anonimo' },
} as const;

/** Statuses the reader can still withdraw from: all but an already withdrawn one (erasure is a right). */
const WITHDRAWABLE: readonly SubmissionStatus[] = ['nuova', 'in_revisione', 'approvata', 'rifiutata'];

type SubmissionInput = Modules.Documents.Params.Data.Input<typeof SUBMISSION_UID>;
/** Strapi's input types have no `null` for optional fields, yet `null` is how a column is emptied. */
type Clearable<T> = { [K in keyof T]?: T[K] | null };
const clearing = (data: Clearable<SubmissionInput>) => data as Partial<SubmissionInput>;

/** SHA-256 of an access token, hex: the only form in which tokens are stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** What the controller knows besides the body: the anti-abuse ipHash, the content type, the idempotency key. */
export interface SubmitContext extends FormRequest {
  /** The form fill's `Idempotency-Key` (validated, lower case), or null when the client sent none. */
  idempotencyKey?: string | null;
}

/** What derives a submission's access token from its idempotency key (src/idempotency). */
const ACCESS_TOKEN_PURPOSE = 'testimony-submission access token v1';

/** The columns read back by the token endpoints and the erasure. */
interface SubmissionRow {
  documentId: string;
  submissionStatus: SubmissionStatus;
  title: string;
  accessTokenHash?: string | null;
  submittedAt: unknown;
  moderatedAt?: unknown;
  withdrawnAt?: unknown;
  testimony?: { documentId: string } | null;
}

const STATE_FIELDS = ['submissionStatus', 'title', 'accessTokenHash', 'submittedAt', 'moderatedAt', 'withdrawnAt'] as const;

/** A datetime column as an ISO string (drivers give strings, numbers or Dates). */
function iso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The request body as a valid submission, or a 400 that says what is wrong:
 * the `{ data: {...} }` envelope first, then one coded Italian error per field
 * (fields that are not in the form, e.g. submissionStatus, are `unknown_field`).
 */
export function parseSubmissionBody(body: unknown, { isJson }: { isJson: boolean }): TestimonySubmissionData {
  return parseFormBody(body, testimonySubmissionSchema, { isJson, noun: 'submission' });
}

const submissionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get<SubmissionsConfig>('submissions');
  const notifier = () => strapi.service('api::testimony-submission.notification') as NotificationService;

  /** The submission behind a token, or null. Tokens of the wrong shape never reach the database. */
  async function findByToken(token: unknown): Promise<SubmissionRow | null> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const row = (await strapi.documents(SUBMISSION_UID).findFirst({
      filters: { accessTokenHash: { $eq: hash } },
      fields: [...STATE_FIELDS],
      populate: { testimony: { fields: ['documentId'] } },
    })) as SubmissionRow | null;
    // The database matched on the hash already; compare again in constant time
    // so that no lookup path ever depends on a plain string comparison.
    const stored = Buffer.from(row?.accessTokenHash ?? '', 'utf8');
    const wanted = Buffer.from(hash, 'utf8');
    if (!row || stored.length !== wanted.length || !timingSafeEqual(stored, wanted)) return null;
    return row;
  }

  /** Slug of the published testimony linked to a submission, if it is online. */
  async function publishedSlug(testimony: SubmissionRow['testimony']): Promise<string | null> {
    if (!testimony?.documentId) return null;
    const published = await strapi.documents(TESTIMONY_UID).findOne({
      documentId: testimony.documentId,
      status: 'published',
      fields: ['slug'],
    });
    return published?.slug ?? null;
  }

  async function stateOf(row: SubmissionRow): Promise<SubmissionState> {
    return {
      status: row.submissionStatus,
      title: row.title,
      submittedAt: iso(row.submittedAt) ?? '',
      moderatedAt: iso(row.moderatedAt),
      withdrawnAt: iso(row.withdrawnAt),
      testimonySlug: await publishedSlug(row.testimony),
      canWithdraw: WITHDRAWABLE.includes(row.submissionStatus),
    };
  }

  /** Everything personal, gone; status, enumerations and timestamps stay. */
  const erasure = (kind: keyof typeof ERASED, now: Date): Clearable<SubmissionInput> => ({
    ...ERASED[kind],
    contactEmail: null,
    story: null,
    redactedStory: null,
    personalDataFindings: null,
    ipHash: null,
    moderatorNote: null,
    personalDataErasedAt: now.toISOString(),
  });

  /** The app's first key (APP_KEYS, required): the secret the access tokens of keyed submissions derive from. */
  const derivationSecret = (): string => {
    const keys = strapi.config.get<string[]>('server.app.keys', []);
    if (!keys[0]) throw new Error('APP_KEYS is not set: the submissions\' access tokens cannot be derived.');
    return keys[0];
  };

  /**
   * The first answer to a keyed submission, when a row with this key exists;
   * a 422 (IdempotencyKeyReusedError) when it holds other content.
   */
  async function replayOf(key: string, fingerprint: string): Promise<SubmissionReceipt | null> {
    const row = (await strapi.db.query(SUBMISSION_UID).findOne({
      where: { idempotencyKey: key },
      select: ['documentId', 'requestFingerprint', 'contactEmail'],
    })) as { documentId: string; requestFingerprint: string | null; contactEmail: string | null } | null;
    if (!row) return null;
    if (row.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    return {
      id: row.documentId,
      status: 'nuova',
      accessToken: deriveFromKey(derivationSecret(), ACCESS_TOKEN_PURPOSE, key),
      linkEmailed: Boolean(row.contactEmail),
    };
  }

  return {
    replayOf,

    /**
     * Validates and stores a submission, answers with its private access
     * token (only the token's hash is stored) and, once the row is
     * committed, tells the editors by e-mail without making the reader wait.
     */
    async submit(body: unknown, context: SubmitContext, now = new Date()): Promise<SubmissionReceipt> {
      const key = context.idempotencyKey ?? null;
      const fingerprint = key ? requestFingerprint(body) : null;
      if (key && fingerprint) {
        const first = await replayOf(key, fingerprint);
        if (first) return first;
      }
      const input = parseSubmissionBody(body, context);
      // With a key, the token is derived from it, so a retry can be given the same one (only its hash is stored).
      const accessToken = key ? deriveFromKey(derivationSecret(), ACCESS_TOKEN_PURPOSE, key) : randomBytes(TOKEN_BYTES).toString('base64url');
      const { redacted, findings } = redact(input.story);

      // Field by field: nothing from the request reaches the row unless named here.
      const create = () => strapi.documents(SUBMISSION_UID).create({
        data: {
          submissionStatus: 'nuova',
          role: input.role,
          displayName: input.displayName,
          contactEmail: input.contactEmail,
          sector: input.sector,
          companyBrand: input.companyBrand,
          outsourcer: input.outsourcer,
          channel: input.channel,
          eventMonth: input.eventMonth,
          title: input.title,
          story: input.story,
          redactedStory: redacted,
          personalDataFindings: findings.map(({ kind, start, end, match }) => ({ kind, start, end, match })),
          consentToPublish: input.consentToPublish,
          privacyAccepted: input.privacyAccepted,
          ipHash: context.ipHash,
          accessTokenHash: hashToken(accessToken),
          idempotencyKey: key ?? undefined,
          requestFingerprint: fingerprint ?? undefined,
          submittedAt: now.toISOString(),
        },
      });
      let created: Awaited<ReturnType<typeof create>>;
      try {
        created = await create();
      } catch (error) {
        // The same key committed meanwhile by a concurrent copy of this request (the UNIQUE constraint refused
        // this INSERT): its answer is this one's too.
        const first = key && fingerprint ? await replayOf(key, fingerprint) : null;
        if (first) return first;
        throw error;
      }

      // The row is committed: the e-mail goes out in the background, and its
      // failure (SMTP down...) is logged, never turned into a failed submission.
      notifyInBackground(strapi, '[submissions]', `submission ${created.documentId}`, () => notifier().newSubmission(created.documentId));
      // The submitter who gave an e-mail gets the private link there too, once (a replay above sends nothing).
      const contactEmail = input.contactEmail?.trim();
      if (contactEmail) {
        notifyInBackground(strapi, '[submissions]', `submission ${created.documentId} (its private link, to the submitter)`, () =>
          notifier().privateLink({ to: contactEmail, title: input.title, accessToken }));
      }

      return { id: created.documentId, status: 'nuova', accessToken, linkEmailed: Boolean(contactEmail) };
    },

    /** What the reader may know about their submission, or null for an unknown token. */
    async statusByToken(token: unknown): Promise<SubmissionState | null> {
      const row = await findByToken(token);
      return row ? stateOf(row) : null;
    },

    /**
     * Withdraws a submission: takes its testimony off the site (unpublished,
     * then deleted), erases the personal data, keeps status and timestamps.
     * Idempotent: a second call changes nothing and returns the same state.
     */
    async withdrawByToken(token: unknown, now = new Date()): Promise<SubmissionState | null> {
      return strapi.db.transaction(async () => {
        const row = await findByToken(token);
        if (!row) return null;
        if (!WITHDRAWABLE.includes(row.submissionStatus)) return stateOf(row);

        const testimonyId = row.testimony?.documentId;
        if (testimonyId) {
          const testimonies = strapi.documents(TESTIMONY_UID);
          await testimonies.unpublish({ documentId: testimonyId });
          await testimonies.delete({ documentId: testimonyId });
        }
        await strapi.documents(SUBMISSION_UID).update({
          documentId: row.documentId,
          data: clearing({ submissionStatus: 'ritirata', withdrawnAt: now.toISOString(), ...erasure('ritirata', now) }),
        });
        const updated = (await strapi.documents(SUBMISSION_UID).findOne({
          documentId: row.documentId,
          fields: [...STATE_FIELDS],
        })) as SubmissionRow | null;
        return stateOf({ ...(updated ?? row), testimony: null });
      });
    },

    /**
     * Erases the personal data of rejected submissions moderated, and of
     * withdrawn ones withdrawn, more than SUBMISSION_RETENTION_DAYS before
     * `now` (a safety net for withdrawals: the endpoint erases at once).
     * Returns how many were erased. `now` is a parameter so tests set the clock.
     */
    async eraseExpiredPersonalData(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - settings().retentionDays * DAY_MS).toISOString();
      const expired = (await strapi.documents(SUBMISSION_UID).findMany({
        filters: {
          personalDataErasedAt: { $null: true },
          $or: [
            { submissionStatus: 'rifiutata', moderatedAt: { $lte: cutoff } },
            // A rejection without a moderation date counts from the submission.
            { submissionStatus: 'rifiutata', moderatedAt: { $null: true }, submittedAt: { $lte: cutoff } },
            { submissionStatus: 'ritirata', withdrawnAt: { $lte: cutoff } },
            { submissionStatus: 'ritirata', withdrawnAt: { $null: true }, updatedAt: { $lte: cutoff } },
          ],
        },
        fields: ['submissionStatus'],
      })) as Array<Pick<SubmissionRow, 'documentId' | 'submissionStatus'>>;

      for (const row of expired) {
        const kind = row.submissionStatus === 'ritirata' ? 'ritirata' : 'rifiutata';
        await strapi.documents(SUBMISSION_UID).update({ documentId: row.documentId, data: clearing(erasure(kind, now)) });
      }
      return expired.length;
    },
  };
};

export type SubmissionService = ReturnType<typeof submissionService>;

export default submissionService;
