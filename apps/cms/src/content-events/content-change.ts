import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES as REGISTRY_PUBLIC_TYPES, type ContentTypeUid, type PublicContentType } from '@chiudete/types';

/**
 * A change to public content, as every subscriber sees it (search index,
 * site revalidation, partner webhooks). Derived from Strapi's document
 * service events, which fire after the transaction commits, and for the
 * outbox from the document-service actions inside it (in-transaction.ts).
 */
export type PublicContentUid = ContentTypeUid<PublicContentType>;
export type { PublicContentType };

/** The public types by UID (the registry's, @chiudete/types): their name and whether they have draft & publish. */
export const PUBLIC_CONTENT_TYPES = Object.fromEntries(REGISTRY_PUBLIC_TYPES.map((type) => {
  const { uid, draftAndPublish } = CONTENT_TYPE_REGISTRY[type];
  return [uid, { type, draftAndPublish }];
})) as Readonly<Record<PublicContentUid, { type: PublicContentType; draftAndPublish: boolean }>>;

/**
 * What happened to the public version: `published` covers the first publish
 * and every re-publish of an edited entry (and create/update of types without
 * draft & publish); `unpublished` covers unpublish and delete.
 */
export type ContentAction = 'published' | 'unpublished';

export interface ContentChange {
  uid: PublicContentUid;
  type: PublicContentType;
  action: ContentAction;
  documentId: string;
  /** The entry's slug when it has one (the site's URLs are built from it). */
  slug: string | null;
  /** ISO time of the event. */
  at: string;
  /** The public version's fields as Strapi's event carries them (private fields already removed); null when unpublished. */
  entry: Record<string, unknown> | null;
}

/** Strapi's document-service event names. */
export type StrapiEntryEvent = 'entry.create' | 'entry.update' | 'entry.delete' | 'entry.publish' | 'entry.unpublish';

export interface StrapiEntryEventPayload {
  uid?: string;
  entry?: Record<string, unknown> & { documentId?: string; slug?: unknown; publishedAt?: unknown };
}

const isPublicUid = (uid: unknown): uid is PublicContentUid => typeof uid === 'string' && Object.prototype.hasOwnProperty.call(PUBLIC_CONTENT_TYPES, uid);

/**
 * Maps one Strapi event to a public-content change, or null when the public
 * version did not change (draft edits of draft-and-publish types, private
 * types such as submissions, admin data).
 */
export function toContentChange(event: StrapiEntryEvent, payload: StrapiEntryEventPayload, now = new Date()): ContentChange | null {
  const { uid, entry } = payload;
  if (!isPublicUid(uid) || !entry || typeof entry.documentId !== 'string') return null;
  const { type, draftAndPublish } = PUBLIC_CONTENT_TYPES[uid];

  let action: ContentAction | null;
  if (draftAndPublish) {
    // Deleting a document emits one `entry.delete` per version: only the
    // published version's deletion changes what the public sees.
    const deletesPublished = event === 'entry.delete' && entry.publishedAt != null;
    action = event === 'entry.publish' ? 'published' : event === 'entry.unpublish' || deletesPublished ? 'unpublished' : null;
  } else {
    action = event === 'entry.delete' ? 'unpublished' : event === 'entry.create' || event === 'entry.update' ? 'published' : null;
  }
  if (!action) return null;

  return {
    uid,
    type,
    action,
    documentId: entry.documentId,
    slug: typeof entry.slug === 'string' ? entry.slug : null,
    at: now.toISOString(),
    entry: action === 'published' ? entry : null,
  };
}
