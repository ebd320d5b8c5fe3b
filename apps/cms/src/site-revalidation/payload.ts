import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES, relatedFields, type RelatedType } from '@chiudete/types';
import type { RelatedSlugs, RevalidationRequest as RevalidationBody } from '@chiudete/types/revalidation';
import type { ContentChange, PublicContentUid } from '../content-events';

/** Types whose entries other pages show, keyed by the site's type names (the registry's). */
export type { RelatedSlugs, RelatedType };

/** What one published (or about-to-change) version of an entry looks like to the site. */
export interface VersionSnapshot {
  slug: string | null;
  related: RelatedSlugs;
}

/**
 * The body of `POST <SITE_REVALIDATE_URL>`: `revalidationRequestSchema`
 * (@chiudete/types/forms), which the site's `/api/revalidate` validates it
 * with; as sent, every field is present but `previousSlug`.
 */
export type RevalidationRequest = Required<Omit<RevalidationBody, 'previousSlug'>> & Pick<RevalidationBody, 'previousSlug'> & { slug: string | null; related: RelatedSlugs };

/** The relation fields of each public type whose targets have a page showing this entry (the schemas' relations between public types). */
export const RELATED_FIELDS: Partial<Record<PublicContentUid, Readonly<Record<string, RelatedType>>>> = Object.fromEntries(
  PUBLIC_CONTENT_TYPES.map((type) => [CONTENT_TYPE_REGISTRY[type].uid, relatedFields(type)]).filter(([, fields]) => Object.keys(fields).length > 0),
);

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Union of related slugs (before ∪ after): a page that showed the entry, or shows it now, changes. */
export function mergeRelated(...lists: Array<RelatedSlugs | undefined>): RelatedSlugs {
  const merged: RelatedSlugs = {};
  for (const list of lists) {
    for (const [type, slugs] of Object.entries(list ?? {}) as Array<[RelatedType, string[]]>) {
      merged[type] = unique([...(merged[type] ?? []), ...slugs]);
    }
  }
  return merged;
}

/**
 * The revalidation request of one change: `before` is the published version
 * just before the change (null for a first publish, or when unknown), `after`
 * the published version after it (null once unpublished).
 */
export function toRevalidationRequest(change: ContentChange, before: VersionSnapshot | null, after: VersionSnapshot | null): RevalidationRequest {
  const slug = after?.slug ?? change.slug ?? before?.slug ?? null;
  const previousSlug = before?.slug && before.slug !== slug ? before.slug : undefined;
  return {
    type: change.type,
    action: change.action,
    documentId: change.documentId,
    slug,
    ...(previousSlug ? { previousSlug } : {}),
    related: mergeRelated(before?.related, after?.related),
    at: change.at,
  };
}
