import { CONTENT_TYPES, RELATED_TYPES, type ContentChange, type ContentType, type RelatedSlugs } from './paths';

/**
 * The body of `POST /api/revalidate`, checked field by field. Every problem
 * is named, so a wrong caller knows what to fix.
 * TODO: a zod schema, like the forms, once `zod` is a dependency of apps/web
 * (today it is only reachable through @chiudete/types' form schemas).
 */
export type ParseResult = { ok: true; change: ContentChange } | { ok: false; errors: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SLUG = /^[A-Za-z0-9._~-]{1,200}$/;
const MAX_RELATED = 500;

export function parseContentChange(body: unknown): ParseResult {
  if (!isRecord(body)) return { ok: false, errors: ['the body must be a JSON object'] };
  const errors: string[] = [];
  const { type, action, documentId, slug, previousSlug, related } = body;

  if (!CONTENT_TYPES.includes(type as ContentType)) errors.push(`type must be one of ${CONTENT_TYPES.join(', ')}`);
  if (action !== 'published' && action !== 'unpublished') errors.push('action must be "published" or "unpublished"');
  if (typeof documentId !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(documentId)) errors.push('documentId must be a Strapi documentId (letters and digits)');
  if (slug !== undefined && slug !== null && (typeof slug !== 'string' || !SLUG.test(slug))) errors.push('slug must be null or a slug (A-Z a-z 0-9 . _ ~ -, at most 200)');
  if (previousSlug !== undefined && (typeof previousSlug !== 'string' || !SLUG.test(previousSlug))) errors.push('previousSlug, when given, must be a slug');

  let relatedSlugs: RelatedSlugs | undefined;
  if (related !== undefined) {
    if (!isRecord(related)) {
      errors.push('related, when given, must be an object of slug lists');
    } else {
      relatedSlugs = {};
      for (const [key, list] of Object.entries(related)) {
        if (!RELATED_TYPES.includes(key as (typeof RELATED_TYPES)[number])) {
          errors.push(`related.${key} is not a type with pages (${RELATED_TYPES.join(', ')})`);
        } else if (!Array.isArray(list) || list.length > MAX_RELATED || !list.every((item) => typeof item === 'string' && SLUG.test(item))) {
          errors.push(`related.${key} must be a list of at most ${MAX_RELATED} slugs`);
        } else {
          relatedSlugs[key as keyof RelatedSlugs] = list as string[];
        }
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    change: {
      type: type as ContentType,
      action: action as ContentChange['action'],
      documentId: documentId as string,
      slug: (slug ?? null) as string | null,
      ...(previousSlug !== undefined ? { previousSlug: previousSlug as string } : {}),
      ...(relatedSlugs !== undefined ? { related: relatedSlugs } : {}),
    },
  };
}
