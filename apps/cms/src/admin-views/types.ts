import type { Schema, UID } from '@strapi/strapi';

/**
 * Attributes Strapi adds to every type by itself: they get no Italian label
 * or help text from us (their edit view is Strapi's own).
 */
export const SYSTEM_ATTRIBUTES = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
] as const;

export type SystemAttribute = (typeof SYSTEM_ATTRIBUTES)[number];

/** Italian column headers for Strapi's own attributes, wherever they can appear in a list view. */
export const SYSTEM_LIST_LABELS: Partial<Record<SystemAttribute, string>> = {
  id: 'ID',
  documentId: 'ID documento',
  createdAt: 'Creato il',
  updatedAt: 'Ultima modifica',
  publishedAt: 'Pubblicato il',
  createdBy: 'Creato da',
  updatedBy: 'Modificato da',
};

/** The types we configure: our own content types and components. */
export type ViewUid = Extract<UID.ContentType, `api::${string}`> | UID.Component;

/** The editor-facing attributes of a type (Strapi's own excluded). */
export type FieldName<TUid extends ViewUid> = Exclude<Schema.AttributeNames<TUid>, SystemAttribute>;

/** What the editor sees for one field in the Content Manager. */
export interface FieldView {
  /** Italian label, above the field and as the list column header. */
  label: string;
  /** Italian help text under the field: concrete, with an example. */
  description: string;
  /** Grey example text inside an empty field. */
  placeholder?: string;
  /** Relations only: the attribute of the related entry shown in the picker and in list columns. */
  mainField?: string;
  /** Shown but greyed out: for values the system fills in (timestamps, consents). */
  readOnly?: boolean;
  /**
   * Not shown in the edit view at all: internal values an editor never needs
   * (hashes, idempotency keys, raw JSON). Such a field is also `readOnly`, so
   * that the Content Manager can never write it.
   */
  hidden?: boolean;
}

/** One field of an edit-view row: `size` is in twelfths of the row. */
export interface EditField<TName extends string = string> {
  name: TName;
  size: number;
}

export interface ViewSettings<TName extends string = string> {
  /** The attribute that names an entry (list view, relation pickers, repeatable component headers). */
  mainField?: TName;
  defaultSortBy?: TName;
  defaultSortOrder?: 'ASC' | 'DESC';
  /** Entries per page in the list view (10 to 100). */
  pageSize?: number;
}

/**
 * The Content Manager "Configure the view" of one content type or component,
 * kept in code: `syncAdminViews` merges it into Strapi's stored configuration
 * at every bootstrap.
 */
export interface AdminView<TUid extends ViewUid = ViewUid> {
  uid: TUid;
  /** Every editor-facing attribute: an Italian label and help text. */
  fields: Record<FieldName<TUid>, FieldView>;
  settings?: ViewSettings<Schema.AttributeNames<TUid>>;
  layouts: {
    /** List-view columns, left to right (3 to 5). The draft/published status column is Strapi's own. */
    list?: Array<Schema.AttributeNames<TUid>>;
    /** Edit-view rows, top to bottom; sizes in a row add up to 12 at most. */
    edit: Array<Array<EditField<FieldName<TUid>>>>;
  };
}

/** An admin view with its attribute names widened to strings, as `syncAdminViews` handles it. */
export interface AnyAdminView {
  uid: string;
  fields: Record<string, FieldView>;
  settings?: ViewSettings;
  layouts: { list?: string[]; edit: EditField[][] };
}

/** Type-checks a view against its schema (every attribute labelled, known names only). */
export const defineAdminView = <TUid extends ViewUid>(view: AdminView<TUid>): AnyAdminView => view as AnyAdminView;
