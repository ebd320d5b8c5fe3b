import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES, uidOf } from '@chiudete/types';

/*
 * The editors' admin roles, defined in code beside Strapi's own (Super Admin,
 * Editor, Author, which this never touches). Each role is found by a stable
 * `code`, never by its name, and its permissions are converged through the
 * admin role service's `assignPermissions`, which diffs against the stored
 * rows (action, subject, properties, conditions): a second run writes nothing,
 * and a permission removed by hand in Settings > Roles comes back at the next
 * start. Anything added by hand to these roles is removed the same way: the
 * code is the source of truth.
 *
 * Shapes and services as in @strapi/admin 5.54 (server/src/services/role.js,
 * content-type.js, domain/permission).
 */

const CM = 'plugin::content-manager.explorer';
const UPLOAD = 'plugin::upload';

type ContentAction = 'read' | 'create' | 'update' | 'delete' | 'publish';

export interface AdminRoleDefinition {
  /** Stable identifier stored in admin_roles.code: how the role is found again. */
  code: string;
  name: string;
  /** Shown in Settings > Roles: Italian, for the editors. */
  description: string;
  /**
   * Content Manager actions per content type. `publish` is granted only where
   * the type has draft & publish.
   */
  contentTypes: Readonly<Record<string, readonly ContentAction[]>>;
  /** Other (plugin or settings) actions without a subject, e.g. `plugin::upload.read`. */
  actions: readonly string[];
}

const EDIT_AND_PUBLISH: readonly ContentAction[] = ['read', 'create', 'update', 'delete', 'publish'];

/** What the Moderatore handles: readers' submissions and messages, and the testimonies they become. */
const MODERATED_TYPES: Readonly<Record<string, readonly ContentAction[]>> = {
  // No create: submissions come from readers only. Delete is for spam.
  'api::testimony-submission.testimony-submission': ['read', 'update', 'delete'],
  // Approving creates and publishes a Testimony.
  'api::testimony.testimony': EDIT_AND_PUBLISH,
  // Readers' messages carry personal data, like submissions: the Moderatore, who
  // already handles that, reads them and sets their status and note. No create
  // (they come from the site only), no delete (the retention cron erases them).
  'api::contact-message.contact-message': ['read', 'update'],
  // Newsletter subscribers: personal data too. Read, and delete on a reader's
  // request; never created or edited by hand (the double opt-in is the proof of consent).
  'api::newsletter-subscriber.newsletter-subscriber': ['read', 'delete'],
};

/**
 * What the Redattore edits and publishes: every other public type of the
 * registry (@chiudete/types), in its order; a single type (the site
 * settings) has nothing to create or delete.
 */
const EDITED_TYPES: Readonly<Record<string, readonly ContentAction[]>> = Object.fromEntries(
  PUBLIC_CONTENT_TYPES.filter((type) => !(uidOf(type) in MODERATED_TYPES)).map((type) => [
    uidOf(type),
    CONTENT_TYPE_REGISTRY[type].kind === 'singleType' ? ['read', 'update', 'publish'] : EDIT_AND_PUBLISH,
  ]),
);

/**
 * The newsletter's sending side (src/api/newsletter-issue): the Redattore
 * writes and sends the issues and switches the weekly digest on; the send
 * log is the system's, read only. The Moderatore has none of it (the
 * subscribers are theirs, the issues are not).
 */
const NEWSLETTER_TYPES: Readonly<Record<string, readonly ContentAction[]>> = {
  'api::newsletter-issue.newsletter-issue': ['read', 'create', 'update', 'delete'],
  'api::newsletter-send.newsletter-send': ['read'],
  'api::newsletter-setting.newsletter-setting': ['read', 'update'],
};

export const ADMIN_ROLES = {
  redattore: {
    code: 'redattore',
    name: 'Redattore',
    description:
      'Scrive e pubblica articoli, risposte precise, video, libri, autori e categorie, aggiorna le impostazioni del sito e gestisce la Media Library. Scrive e invia la newsletter. Non vede le testimonianze né gli iscritti.',
    contentTypes: { ...EDITED_TYPES, ...NEWSLETTER_TYPES },
    actions: [
      `${UPLOAD}.read`,
      `${UPLOAD}.assets.create`,
      `${UPLOAD}.assets.update`,
      `${UPLOAD}.assets.download`,
      `${UPLOAD}.assets.copy-link`,
    ],
  },
  moderatore: {
    code: 'moderatore',
    name: 'Moderatore',
    description:
      'Modera le testimonianze dei lettori: le legge, le approva (così le pubblica) o le rifiuta ed elimina lo spam. Legge i messaggi del modulo «Contatti» e ne aggiorna lo stato. Vede gli iscritti alla newsletter e li cancella su richiesta.',
    contentTypes: MODERATED_TYPES,
    actions: [],
  },
} as const satisfies Record<string, AdminRoleDefinition>;

/** A permission as the admin services take and return it. */
export interface AdminPermission {
  id?: number;
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
  actionParameters?: Record<string, unknown>;
}

interface AdminRole {
  id: number;
  code: string;
  name: string;
  description?: string | null;
}

interface RoleService {
  findOne(params: Record<string, unknown>): Promise<AdminRole | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<AdminRole>;
  update(params: { id: number }, attributes: { name?: string; description?: string }): Promise<AdminRole>;
  assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
}

interface AdminAction {
  actionId: string;
  subjects?: string[];
  options?: { applyToProperties?: string[] };
}

interface PermissionService {
  actionProvider: { get(actionId: string): AdminAction | undefined };
  findMany(params: Record<string, unknown>): Promise<AdminPermission[]>;
}

interface ContentTypeService {
  getNestedFields(model: unknown, options: { components: unknown }): string[];
}

export interface SyncAdminRolesResult {
  /** Codes of the roles created by this run. */
  created: string[];
  /** Codes of existing roles whose name, description or permissions were rewritten. */
  updated: string[];
  /** Codes of roles that already matched. */
  unchanged: string[];
}

/**
 * The permissions a definition grants, built like Strapi builds the Editor
 * role: every field of the type, components expanded (`seo.metaTitle`),
 * Strapi's system attributes left out (content-type service `getNestedFields`).
 */
export function buildRolePermissions(strapi: Core.Strapi, definition: AdminRoleDefinition): AdminPermission[] {
  const { actionProvider } = strapi.service('admin::permission') as unknown as PermissionService;
  const contentTypeService = strapi.service('admin::content-type') as unknown as ContentTypeService;
  const action = (actionId: string): AdminAction => {
    const found = actionProvider.get(actionId);
    if (!found) throw new Error(`[admin-roles] role "${definition.code}": unknown admin action "${actionId}"`);
    return found;
  };

  const permissions: AdminPermission[] = [];
  for (const [uid, verbs] of Object.entries(definition.contentTypes)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model) throw new Error(`[admin-roles] role "${definition.code}": no content type "${uid}"`);
    const fields = contentTypeService.getNestedFields(model, { components: strapi.components });
    const draftAndPublish = model.options?.draftAndPublish === true;
    for (const verb of verbs) {
      // Strapi 5.54 registers `publish` for every content type, draft & publish
      // or not: grant it only where there is something to publish.
      if (verb === 'publish' && !draftAndPublish) continue;
      const { actionId, subjects, options } = action(`${CM}.${verb}`);
      if (!subjects?.includes(uid)) {
        throw new Error(`[admin-roles] role "${definition.code}": "${actionId}" does not apply to "${uid}"`);
      }
      const withFields = options?.applyToProperties?.includes('fields') ?? false;
      permissions.push({ action: actionId, subject: uid, properties: withFields ? { fields } : {}, conditions: [] });
    }
  }
  for (const actionId of definition.actions) {
    permissions.push({ action: action(actionId).actionId, subject: null, properties: {}, conditions: [] });
  }
  return permissions;
}

/** Rows of a role's permissions, as stored: ids tell whether anything was rewritten. */
const permissionIds = async (strapi: Core.Strapi, roleId: number): Promise<string> => {
  const rows = await (strapi.service('admin::permission') as unknown as PermissionService).findMany({
    where: { role: { id: roleId } },
    select: ['id'],
  });
  return rows.map((row) => row.id).sort((a, b) => (a ?? 0) - (b ?? 0)).join(',');
};

/**
 * Creates or repairs the editors' roles (`ADMIN_ROLES`). Idempotent: a role is
 * found by its `code`; name and description are rewritten only when they
 * differ, and permissions only where they differ from the definition.
 * A role created by hand with the same name and no code of ours is adopted
 * (admin role names are unique), with a warning.
 */
export async function syncAdminRoles(
  strapi: Core.Strapi,
  definitions: readonly AdminRoleDefinition[] = Object.values(ADMIN_ROLES),
): Promise<SyncAdminRolesResult> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const result: SyncAdminRolesResult = { created: [], updated: [], unchanged: [] };

  for (const definition of definitions) {
    const permissions = buildRolePermissions(strapi, definition);
    let role = await roles.findOne({ code: definition.code });
    let changed = false;

    if (!role) {
      const namesake = await roles.findOne({ name: definition.name });
      if (namesake) {
        // The role service never updates `code`: set it on the row directly.
        strapi.log.warn(
          `[admin-roles] adopting the existing role "${namesake.name}" (code "${namesake.code}") as "${definition.code}": its permissions are now managed in src/bootstrap/admin-roles.ts`,
        );
        role = (await strapi.db.query('admin::role').update({
          where: { id: namesake.id },
          data: { code: definition.code },
        })) as AdminRole;
        changed = true;
      } else {
        role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
        result.created.push(definition.code);
      }
    }

    if (role.name !== definition.name || role.description !== definition.description) {
      await roles.update({ id: role.id }, { name: definition.name, description: definition.description });
      changed = true;
    }

    const before = await permissionIds(strapi, role.id);
    await roles.assignPermissions(role.id, permissions);
    if (before !== (await permissionIds(strapi, role.id))) changed = true;

    if (result.created.includes(definition.code)) continue;
    (changed ? result.updated : result.unchanged).push(definition.code);
  }

  if (result.created.length || result.updated.length) {
    strapi.log.info(
      `[admin-roles] created: ${result.created.join(', ') || 'none'}; updated: ${result.updated.join(', ') || 'none'}`,
    );
  }
  return result;
}
