import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findAltTextProblems, type AltTextProblem, type AltTextRule } from './rules';

export * from './rules';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `documentId` as the document service accepts it in a lookup: one id, or a filter such as `{ $in: [...] }`. */
type DocumentIdLookup = string | Record<string, unknown>;

function documentIdOf(value: unknown): DocumentIdLookup | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return isRecord(value) ? value : undefined;
}

/** The versions of a document that are about to be (draft) or have just been (published) published, with their media. */
async function loadVersions(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  rule: AltTextRule,
  documentId: DocumentIdLookup,
  version: 'draft' | 'published',
): Promise<Array<Record<string, unknown>>> {
  const rows: unknown[] = await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: version === 'draft' ? null : { $notNull: true } },
    populate: rule.media.map(({ field }) => field),
  });
  return rows.filter(isRecord);
}

function assertNoProblems(problems: AltTextProblem[]): void {
  if (problems.length === 0) return;
  const unique = problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
  throw new errors.ValidationError(unique.map((problem) => problem.message).join(' '), {
    errors: unique.map(({ field, message }) => ({ path: [field], message, name: 'ValidationError' })),
  });
}

async function check(strapi: Core.Strapi, uid: UID.ContentType, rule: AltTextRule, documentId: DocumentIdLookup, version: 'draft' | 'published') {
  const versions = await loadVersions(strapi, uid, rule, documentId, version);
  assertNoProblems(versions.flatMap((document) => findAltTextProblems(document, rule)));
}

/**
 * The rule of a content type: its room's `config/alt-text.ts`
 * (`src/api/<type>/config/alt-text.ts`, Strapi's config of that API), or
 * none for a type without images to check.
 */
export function altTextRuleOf(strapi: Core.Strapi, uid: string): AltTextRule | undefined {
  const api = /^api::([^.]+)\./.exec(uid)?.[1];
  return api ? strapi.config.get<AltTextRule | undefined>(`api::${api}.alt-text`) : undefined;
}

/**
 * Refuses to publish an article, the book, a video or an answer whose images
 * lack alternative text (see ./rules.ts), with an Italian message the admin
 * shows to the editor (and the field it concerns). Registered in `register()`.
 *
 * - `publish` (the admin's «Pubblica», bulk publishing, the scheduler): the
 *   draft is checked before anything is written.
 * - `create`/`update` with `status: 'published'` (code such as the seed; the
 *   admin never does this): the document service publishes inside the same
 *   call, so the published version is checked right after it is written and
 *   a problem rolls the whole call back.
 */
export function registerMediaAltTextGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const rule = altTextRuleOf(strapi, context.uid);
    if (!rule) return next();
    const params: unknown = context.params;
    if (!isRecord(params)) return next();
    const uid = context.uid as UID.ContentType;

    if (context.action === 'publish') {
      const documentId = documentIdOf(params.documentId);
      if (documentId) await check(strapi, uid, rule, documentId, 'draft');
      return next();
    }

    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      return strapi.db.transaction(async () => {
        const result = await next();
        const written: unknown = result;
        const documentId = documentIdOf(isRecord(written) ? written.documentId : undefined) ?? documentIdOf(params.documentId);
        if (documentId) await check(strapi, uid, rule, documentId, 'published');
        return result;
      });
    }

    return next();
  });
}
