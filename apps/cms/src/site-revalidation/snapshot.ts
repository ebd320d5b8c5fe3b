import type { Core, UID } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, type PublicContentUid } from '../content-events';
import { RELATED_FIELDS, type RelatedSlugs, type RelatedType, type VersionSnapshot } from './payload';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const slugsOf = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : value ? [value] : [];
  return items.flatMap((item) => (isRecord(item) && typeof item.slug === 'string' ? [item.slug] : []));
};

/**
 * The published version of an entry as the site shows it: its slug and the
 * slugs of the entries linked to it. Null when it has no published version.
 */
export async function describePublished(strapi: Core.Strapi, uid: PublicContentUid, documentId: string): Promise<VersionSnapshot | null> {
  // The site settings have no slug nor relations: a change to them purges every page anyway.
  if (uid === 'api::global.global') return { slug: null, related: {} };
  const relations = RELATED_FIELDS[uid] ?? {};
  const populate = Object.fromEntries(Object.keys(relations).map((field) => [field, { fields: ['slug'] }]));
  const entry: unknown = await strapi.documents(uid as UID.ContentType).findOne({
    documentId,
    status: 'published',
    fields: ['slug'],
    populate,
  } as never);
  if (!isRecord(entry)) return null;
  const related: RelatedSlugs = {};
  for (const [field, type] of Object.entries(relations) as Array<[string, RelatedType]>) {
    const slugs = slugsOf(entry[field]);
    if (slugs.length > 0) related[type] = [...new Set([...(related[type] ?? []), ...slugs])];
  }
  return { slug: typeof entry.slug === 'string' ? entry.slug : null, related };
}

/** Document-service actions after which the public version may differ. */
const WATCHED_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'update']);

const SNAPSHOT_LIFETIME_MS = 60_000;

/**
 * Remembers the published version of an entry just before a publish,
 * unpublish, delete (or update, for types without draft & publish), so that
 * the revalidation also purges the pages of its old slug and of entries it is
 * no longer linked to. The change event (after the commit) takes it back.
 */
export class SnapshotStore {
  private readonly snapshots = new Map<string, { value: VersionSnapshot; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  static key(uid: string, documentId: string): string {
    return `${uid} ${documentId}`;
  }

  set(uid: string, documentId: string, value: VersionSnapshot): void {
    const now = this.now();
    for (const [key, snapshot] of this.snapshots) {
      if (now - snapshot.at > SNAPSHOT_LIFETIME_MS) this.snapshots.delete(key);
    }
    this.snapshots.set(SnapshotStore.key(uid, documentId), { value, at: now });
  }

  take(uid: string, documentId: string): VersionSnapshot | null {
    const key = SnapshotStore.key(uid, documentId);
    const snapshot = this.snapshots.get(key);
    this.snapshots.delete(key);
    return snapshot && this.now() - snapshot.at <= SNAPSHOT_LIFETIME_MS ? snapshot.value : null;
  }
}

const isPublicUid = (uid: string): uid is PublicContentUid => uid in PUBLIC_CONTENT_TYPES;

/** A document-service middleware that fills `store` before the changes that matter. */
export function snapshotBeforeChanges(strapi: Core.Strapi, store: SnapshotStore): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const params: unknown = context.params;
    const documentId = isRecord(params) && typeof params.documentId === 'string' ? params.documentId : undefined;
    if (!documentId || !isPublicUid(uid) || !WATCHED_ACTIONS.has(action)) return next();
    // With draft & publish, `update` only touches the draft: the public version does not change.
    if (action === 'update' && PUBLIC_CONTENT_TYPES[uid].draftAndPublish) return next();
    try {
      const before = await describePublished(strapi, uid, documentId);
      if (before) store.set(uid, documentId, before);
    } catch (error) {
      strapi.log.warn(`[site-revalidation] could not read ${uid} ${documentId} before ${action}: ${(error as Error).message}`);
    }
    return next();
  });
}
