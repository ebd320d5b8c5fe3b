import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { adminViews, SYSTEM_LIST_LABELS, type AnyAdminView, type EditField } from '../admin-views';

/*
 * The Content Manager keeps each type's "Configure the view" in core_store
 * (`plugin_content_manager_configuration_content_types::<uid>` and
 * `..._components::<uid>`), as { settings, metadatas, layouts }. Its own
 * bootstrap creates and repairs those entries; this runs after it, merges our
 * views in, and writes through the plugin's services only what differs.
 *
 * The shapes and rules below mirror @strapi/content-manager 5.54
 * (server/src/services/utils/configuration/*, controllers/validation/
 * model-configuration): anything they would refuse is left out with a warning.
 */

/** An attribute as the Content Manager sees it (relations carry `relationType` and `targetModel`). */
interface CmAttribute {
  type: string;
  relationType?: string;
  targetModel?: string;
  customField?: string;
}

/** A content type or component as the Content Manager's services return it. */
interface CmModel {
  uid: string;
  attributes: Record<string, CmAttribute>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
}

interface CmMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, CmMetadata>;
  layouts: { list: string[]; edit: EditField[][]; [key: string]: unknown };
}

interface CmConfigurationService {
  findConfiguration(model: CmModel): Promise<CmConfiguration & { uid: string }>;
  updateConfiguration(model: CmModel, configuration: CmConfiguration): Promise<unknown>;
}
interface CmContentTypesService extends CmConfigurationService {
  findContentType(uid: string): CmModel | undefined;
}
interface CmComponentsService extends CmConfigurationService {
  findComponent(uid: string): CmModel | undefined;
}
interface CmFieldSizesService {
  hasFieldSize(type: string | undefined): boolean;
  getFieldSize(type: string): { default: number; isResizable: boolean };
}

// Same lists as the Content Manager's configuration/attributes.
const NON_LISTABLE_TYPES = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const NON_SORTABLE_TYPES = ['component', 'json', 'media', 'richtext', 'dynamiczone', 'blocks'];
const SORTABLE_RELATIONS = ['oneToOne', 'manyToOne'];
const NOT_EDITABLE = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy'];
const MAX_ROW_SIZE = 12;
const MIN_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

const isHidden = (model: CmModel, name: string) => model.config?.attributes?.[name]?.hidden === true;

const isListable = (model: CmModel, name: string): boolean => {
  const attribute = model.attributes[name];
  return !!attribute && !isHidden(model, name) && !NON_LISTABLE_TYPES.includes(attribute.type);
};

const isSortable = (model: CmModel, name: string): boolean => {
  const attribute = model.attributes[name];
  if (!attribute || NON_SORTABLE_TYPES.includes(attribute.type)) return false;
  return attribute.type !== 'relation' || SORTABLE_RELATIONS.includes(attribute.relationType ?? '');
};

const isEditable = (model: CmModel, name: string): boolean =>
  !!model.attributes[name] && !isHidden(model, name) && !NOT_EDITABLE.includes(name);

export interface SyncAdminViewsResult {
  /** Uids whose stored configuration was rewritten. */
  updated: string[];
  /** Uids whose stored configuration already matched. */
  unchanged: string[];
  /** Everything left out or skipped, in words. */
  warnings: string[];
}

/**
 * Idempotently restores the Content Manager views (`adminViews`: each API's
 * `config/admin-view.ts` and the components' views; or only the views given):
 * Italian labels, help texts, placeholders, visibility and relation main fields of every field,
 * list columns, default sort and edit-view rows. Strapi's own fields and
 * anything we do not configure (e.g. a page size chosen by hand) are kept.
 * A configuration is written only when it differs, so a second run writes
 * nothing. Never throws over a view: what cannot be applied is logged.
 */
export async function syncAdminViews(
  strapi: Core.Strapi,
  only?: Readonly<Record<string, AnyAdminView>>,
): Promise<SyncAdminViewsResult> {
  const views = only ?? adminViews(strapi);
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types') as unknown as CmContentTypesService;
  const components = contentManager.service('components') as unknown as CmComponentsService;
  const fieldSizes = contentManager.service('field-sizes') as unknown as CmFieldSizesService;

  const result: SyncAdminViewsResult = { updated: [], unchanged: [], warnings: [] };

  for (const view of Object.values(views)) {
    const warn = (message: string) => {
      const text = `admin view ${view.uid}: ${message}`;
      result.warnings.push(text);
      strapi.log.warn(`[admin-views] ${text}`);
    };
    try {
      const isComponent = !view.uid.startsWith('api::');
      const service: CmConfigurationService = isComponent ? components : contentTypes;
      const model = isComponent ? components.findComponent(view.uid) : contentTypes.findContentType(view.uid);
      if (!model) {
        warn('no such content type or component, skipped');
        continue;
      }

      const { settings, metadatas, layouts } = await service.findConfiguration(model);
      const current: CmConfiguration = { settings, metadatas, layouts };
      const next = mergeView(current, view, model, {
        warn,
        findTarget: (uid) => contentTypes.findContentType(uid),
        fieldSize: (attribute) =>
          fieldSizes.getFieldSize(fieldSizes.hasFieldSize(attribute.customField) ? attribute.customField! : attribute.type),
      });

      if (isDeepStrictEqual(next, current)) {
        result.unchanged.push(view.uid);
      } else {
        await service.updateConfiguration(model, next);
        result.updated.push(view.uid);
      }
    } catch (error) {
      warn(`not applied: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (only === undefined) {
    const ours = [...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')), ...Object.keys(strapi.components)];
    for (const uid of ours.filter((uid) => !(uid in views))) {
      const text = `admin view ${uid}: missing (no Italian labels): add ${uid.startsWith('api::') ? `src/api/${uid.slice(5).split('.')[0]}/config/admin-view.ts` : 'one to src/admin-views'}`;
      result.warnings.push(text);
      strapi.log.warn(`[admin-views] ${text}`);
    }
  }

  if (result.updated.length > 0) {
    strapi.log.info(`[admin-views] Content Manager views updated: ${result.updated.join(', ')}`);
  }
  return result;
}

interface MergeContext {
  warn(message: string): void;
  findTarget(uid: string): CmModel | undefined;
  fieldSize(attribute: CmAttribute): { default: number; isResizable: boolean };
}

/** The stored configuration with our view merged in (a new object; `current` is left untouched). */
function mergeView(current: CmConfiguration, view: AnyAdminView, model: CmModel, ctx: MergeContext): CmConfiguration {
  const next = structuredClone(current);

  // Labels, help texts, placeholders, relation main fields.
  for (const [name, field] of Object.entries(view.fields)) {
    const attribute = model.attributes[name];
    const meta = next.metadatas[name];
    if (!attribute || !meta) {
      ctx.warn(`field "${name}" is not an attribute, ignored`);
      continue;
    }
    meta.edit.label = field.label;
    meta.edit.description = field.description;
    if (field.placeholder !== undefined) meta.edit.placeholder = field.placeholder;
    meta.edit.editable = field.readOnly !== true;
    meta.edit.visible = field.hidden !== true;
    meta.list.label = field.label;
    if (field.mainField !== undefined) {
      const target = attribute.type === 'relation' && attribute.targetModel ? ctx.findTarget(attribute.targetModel) : undefined;
      if (!target) ctx.warn(`mainField of "${name}": not a relation to a content type, ignored`);
      else if (field.mainField !== 'id' && !isListable(target, field.mainField)) {
        ctx.warn(`mainField of "${name}": "${field.mainField}" cannot name a ${target.uid}, ignored`);
      } else meta.edit.mainField = field.mainField;
    }
  }
  for (const [name, label] of Object.entries(SYSTEM_LIST_LABELS)) {
    const meta = next.metadatas[name];
    if (meta && model.attributes[name]) meta.list.label = label;
  }
  for (const name of Object.keys(model.attributes)) {
    if (isEditable(model, name) && !(name in view.fields)) ctx.warn(`field "${name}" has no Italian label and help text`);
  }

  // List-view settings.
  const { mainField, defaultSortBy, defaultSortOrder, pageSize } = view.settings ?? {};
  if (mainField !== undefined) {
    if (isListable(model, mainField) && isSortable(model, mainField)) next.settings.mainField = mainField;
    else ctx.warn(`settings.mainField "${mainField}" is not a listable, sortable attribute, ignored`);
  }
  if (defaultSortBy !== undefined) {
    if (isListable(model, defaultSortBy) && isSortable(model, defaultSortBy)) next.settings.defaultSortBy = defaultSortBy;
    else ctx.warn(`settings.defaultSortBy "${defaultSortBy}" is not a sortable attribute, ignored`);
  }
  if (defaultSortOrder !== undefined) next.settings.defaultSortOrder = defaultSortOrder;
  if (pageSize !== undefined) {
    if (Number.isInteger(pageSize) && pageSize >= MIN_PAGE_SIZE && pageSize <= MAX_PAGE_SIZE) next.settings.pageSize = pageSize;
    else ctx.warn(`settings.pageSize ${pageSize} is not an integer from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}, ignored`);
  }

  // List columns.
  if (view.layouts.list !== undefined) {
    const list = unique(view.layouts.list).filter((name) => {
      if (isListable(model, name)) return true;
      ctx.warn(`list column "${name}" cannot be listed, left out`);
      return false;
    });
    if (list.length > 0) next.layouts.list = list;
  }

  // Edit-view rows.
  next.layouts.edit = editLayout(view.layouts.edit, model, ctx);
  return next;
}

/**
 * Our rows, with what Strapi would refuse left out (unknown or read-only
 * fields, sizes a field cannot take, rows wider than 12) and every editable
 * field we forgot appended at its default size: a field missing from the
 * layout would be missing from the edit view.
 */
function editLayout(rows: EditField[][], model: CmModel, ctx: MergeContext): EditField[][] {
  const placed = new Set<string>();
  const layout: EditField[][] = [];
  for (const row of rows) {
    const kept: EditField[] = [];
    for (const { name, size } of row) {
      const attribute = model.attributes[name];
      if (!attribute || !isEditable(model, name)) {
        ctx.warn(`edit layout: "${name}" is not an editable attribute, left out`);
        continue;
      }
      if (placed.has(name)) {
        ctx.warn(`edit layout: "${name}" is placed twice, the second left out`);
        continue;
      }
      const allowed = ctx.fieldSize(attribute);
      const rowSize = kept.reduce((sum, el) => sum + el.size, 0);
      if (!Number.isInteger(size) || size < 1 || size > MAX_ROW_SIZE || (!allowed.isResizable && size !== allowed.default)) {
        ctx.warn(`edit layout: "${name}" (${attribute.type}) cannot have size ${size}, moved to the end`);
        continue;
      }
      if (rowSize + size > MAX_ROW_SIZE) {
        ctx.warn(`edit layout: the row of "${name}" is wider than ${MAX_ROW_SIZE}, "${name}" moved to the end`);
        continue;
      }
      kept.push({ name, size });
      placed.add(name);
    }
    if (kept.length > 0) layout.push(kept);
  }

  // Forgotten fields (and any moved out of their row) go at the end, packed in rows.
  let appended: EditField[] | undefined;
  for (const name of Object.keys(model.attributes)) {
    if (!isEditable(model, name) || placed.has(name)) continue;
    if (!rows.some((row) => row.some((el) => el.name === name))) ctx.warn(`edit layout: "${name}" is not placed, appended at the end`);
    const size = ctx.fieldSize(model.attributes[name]!).default;
    if (!appended || appended.reduce((sum, el) => sum + el.size, 0) + size > MAX_ROW_SIZE) {
      appended = [];
      layout.push(appended);
    }
    appended.push({ name, size });
  }
  return layout;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
