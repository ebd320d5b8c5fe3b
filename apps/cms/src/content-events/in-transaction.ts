import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, toContentChange, type ContentChange, type PublicContentUid, type StrapiEntryEvent } from './content-change';

/*
 * Public-content changes seen INSIDE the database transaction that makes
 * them (an outbox): what a listener writes commits or rolls back with the
 * change itself, so a crash between the commit and a later step loses
 * nothing. The post-commit listeners (`onContentChange`) stay for work that
 * may be lost or redone (search index, API cache, site revalidation).
 *
 * How: Strapi 5's document service runs each action in `strapi.db.transaction`
 * (AsyncLocalStorage; a nested call joins the open transaction, and its
 * `onCommit` callbacks run after the outermost commit; `wrapInTransaction`
 * in @strapi/core's document-service/common, `transactionCtx` in
 * @strapi/database). A document-service middleware opens that transaction
 * itself, so the action and the listeners share it, and derives the change
 * from the action's result the way Strapi derives its `entry.*` events
 * (which fire only after the commit). A failing listener fails the action:
 * better an editor's error than a change without its deliveries.
 */

export interface InTransaction {
  /** Runs `callback` once the outermost transaction has committed (never on rollback). */
  onCommit(callback: () => void): void;
}

export type TransactionalChangeListener = (change: ContentChange, transaction: InTransaction) => Promise<void>;

const WATCHED_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPublicUid = (uid: string): uid is PublicContentUid => uid in PUBLIC_CONTENT_TYPES;
type Entry = Record<string, unknown> & { documentId?: string };

/** The changes of one document-service action, from its parameters, its result and the public version it replaced. */
export function changesOfAction(
  uid: PublicContentUid,
  action: string,
  params: Record<string, unknown>,
  result: unknown,
  replacedPublic: Entry | null,
  now = new Date(),
): ContentChange[] {
  const { draftAndPublish } = PUBLIC_CONTENT_TYPES[uid];
  const change = (event: StrapiEntryEvent, entry: unknown) => (isRecord(entry) ? toContentChange(event, { uid, entry }, now) : null);
  let changes: Array<ContentChange | null> = [];
  if (action === 'publish') {
    const entries = isRecord(result) && Array.isArray(result.entries) ? result.entries : [];
    changes = entries.map((entry) => change('entry.publish', entry));
  } else if (action === 'create' || action === 'update') {
    // With draft & publish, create/update only change the draft, unless they publish too (`status: 'published'`).
    if (draftAndPublish) changes = params.status === 'published' ? [change('entry.publish', result)] : [];
    else changes = [change(action === 'create' ? 'entry.create' : 'entry.update', result)];
  } else if ((action === 'unpublish' || action === 'delete') && replacedPublic) {
    changes = [change(draftAndPublish ? 'entry.unpublish' : 'entry.delete', replacedPublic)];
  }
  return changes.filter((item): item is ContentChange => item !== null);
}

const listeners = new WeakMap<Core.Strapi, TransactionalChangeListener[]>();

/** Calls `listener` inside the transaction of every change to public content made through the document service. */
export function onContentChangeInTransaction(strapi: Core.Strapi, listener: TransactionalChangeListener): void {
  const list = listeners.get(strapi);
  if (list) {
    list.push(listener);
    return;
  }
  const registered = [listener];
  listeners.set(strapi, registered);

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!isPublicUid(uid) || !WATCHED_ACTIONS.has(action)) return next();
    const params: Record<string, unknown> = isRecord(context.params) ? context.params : {};
    return strapi.db.transaction(async ({ onCommit }: InTransaction) => {
      // The public version an unpublish or delete takes away, read in the same transaction.
      let replacedPublic: Entry | null = null;
      const documentId = params.documentId;
      if ((action === 'unpublish' || action === 'delete') && typeof documentId === 'string') {
        const where = PUBLIC_CONTENT_TYPES[uid].draftAndPublish ? { documentId, publishedAt: { $notNull: true } } : { documentId };
        replacedPublic = ((await strapi.db.query(uid).findOne({ where })) as Entry | null) ?? null;
      }
      const result = await next();
      for (const change of changesOfAction(uid, action, params, result, replacedPublic)) {
        for (const each of registered) await each(change, { onCommit });
      }
      return result;
    });
  });
}
