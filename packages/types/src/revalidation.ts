import { z } from 'zod';
import { PUBLIC_CONTENT_TYPES, RELATED_TYPES, type RelatedType } from './registry';

/**
 * The body of the site's `POST /api/revalidate`, sent by the CMS when public
 * content changed (apps/cms/src/site-revalidation) and read by the site's
 * page cache (apps/web/server/utils/page-cache/revalidation.ts): one schema
 * for both sides. An entry of its own (`@chiudete/types/revalidation`), so
 * that no browser bundle carries it. Every problem has its own message, so a wrong caller knows
 * what to fix.
 */

/** A slug as the CMS's uid fields allow it (A-Z a-z 0-9 . _ ~ -, at most 200). */
export const REVALIDATION_SLUG = /^[A-Za-z0-9._~-]{1,200}$/;
/** The most slugs one related type may list. */
export const REVALIDATION_MAX_RELATED = 500;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSlugList = (list: unknown): list is string[] =>
  Array.isArray(list) && list.length <= REVALIDATION_MAX_RELATED && list.every((item) => typeof item === 'string' && REVALIDATION_SLUG.test(item));

/** The slugs of the entries a changed entry is linked with (before and after the change), per related type. */
export type RelatedSlugs = Partial<Record<RelatedType, string[]>>;

const relatedSchema = z.unknown().transform((related, ctx): RelatedSlugs => {
  if (!isRecord(related)) {
    ctx.addIssue({ code: 'custom', message: 'related, when given, must be an object of slug lists' });
    return z.NEVER;
  }
  const slugs: RelatedSlugs = {};
  for (const [key, list] of Object.entries(related)) {
    if (!(RELATED_TYPES as readonly string[]).includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `related.${key} is not a type with pages (${RELATED_TYPES.join(', ')})` });
    } else if (!isSlugList(list)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `related.${key} must be a list of at most ${REVALIDATION_MAX_RELATED} slugs` });
    } else {
      slugs[key as RelatedType] = list;
    }
  }
  return slugs;
});

export const revalidationRequestSchema = z.object({
  type: z.enum(PUBLIC_CONTENT_TYPES, { error: `type must be one of ${PUBLIC_CONTENT_TYPES.join(', ')}` }),
  action: z.enum(['published', 'unpublished'], { error: 'action must be "published" or "unpublished"' }),
  documentId: z.string({ error: 'documentId must be a Strapi documentId (letters and digits)' })
    .regex(/^[A-Za-z0-9]{1,64}$/, { error: 'documentId must be a Strapi documentId (letters and digits)' }),
  /** The entry's slug now (the last published one when unpublished); null for types without slugs. */
  slug: z.string({ error: 'slug must be null or a slug (A-Z a-z 0-9 . _ ~ -, at most 200)' })
    .regex(REVALIDATION_SLUG, { error: 'slug must be null or a slug (A-Z a-z 0-9 . _ ~ -, at most 200)' })
    .nullish()
    .transform((slug) => slug ?? null),
  /** The slug its published version had before, when it changed. */
  previousSlug: z.string({ error: 'previousSlug, when given, must be a slug' })
    .regex(REVALIDATION_SLUG, { error: 'previousSlug, when given, must be a slug' })
    .optional(),
  /** Linked entries, before and after the change. Absent: unknown (the site then purges every page of the linked types). */
  related: relatedSchema.optional(),
  /** ISO time of the change. */
  at: z.string().optional(),
}, { error: 'the body must be a JSON object' });

/** What the CMS sends. */
export type RevalidationRequest = z.input<typeof revalidationRequestSchema> & { related?: RelatedSlugs };
/** What the site reads from it. */
export type RevalidationChange = z.output<typeof revalidationRequestSchema>;

/** The messages of every problem of a body, in the schema's order (empty when it is valid). */
export function revalidationProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}
