import type { ContentChange, PublicContentType, PublicContentUid } from '../content-events';

/** Types whose entries other pages show, keyed by the site's type names. */
export type RelatedType = 'article' | 'answer' | 'category' | 'author' | 'book-release';

/** The slugs of the entries an entry is linked with (the pages that show it). */
export type RelatedSlugs = Partial<Record<RelatedType, string[]>>;

/** What one published (or about-to-change) version of an entry looks like to the site. */
export interface VersionSnapshot {
  slug: string | null;
  related: RelatedSlugs;
}

/**
 * The body of `POST <SITE_REVALIDATE_URL>`; the site's `/api/revalidate`
 * validates the same shape (apps/web/server/utils/page-cache/revalidation.ts).
 */
export interface RevalidationRequest {
  type: PublicContentType;
  action: ContentChange['action'];
  documentId: string;
  /** The entry's slug now (the last published one when unpublished). */
  slug: string | null;
  /** The slug its published version had before, when it changed. */
  previousSlug?: string;
  /** Linked entries, before and after the change. */
  related: RelatedSlugs;
  /** ISO time of the change. */
  at: string;
}

/** The relation fields of each public type whose targets have a page showing this entry. */
export const RELATED_FIELDS: Partial<Record<PublicContentUid, Record<string, RelatedType>>> = {
  'api::article.article': { author: 'author', categories: 'category', answers: 'answer', book: 'book-release' },
  'api::answer.answer': { articles: 'article' },
  'api::book-release.book-release': { articles: 'article' },
  'api::author.author': { articles: 'article' },
  'api::category.category': { articles: 'article' },
};

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
