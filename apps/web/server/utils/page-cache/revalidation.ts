import { revalidationProblems, revalidationRequestSchema } from '@chiudete/types/revalidation';
import type { ContentChange } from './paths';

/**
 * The body of `POST /api/revalidate`, checked with the schema the CMS's
 * sender is typed by (`revalidationRequestSchema`, @chiudete/types/revalidation).
 * Every problem is named, so a wrong caller knows what to fix.
 */
export type ParseResult = { ok: true; change: ContentChange } | { ok: false; errors: string[] };

export function parseContentChange(body: unknown): ParseResult {
  const parsed = revalidationRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: revalidationProblems(parsed.error) };
  const { type, action, documentId, slug, previousSlug, related } = parsed.data;
  return {
    ok: true,
    change: {
      type,
      action,
      documentId,
      slug,
      ...(previousSlug !== undefined ? { previousSlug } : {}),
      ...(related !== undefined ? { related } : {}),
    },
  };
}
