import type { Core } from '@strapi/strapi';

/** Strapi's own Editor and Author roles. */
const STRAPI_DEFAULT_ROLES = ['strapi-editor', 'strapi-author'] as const;

/**
 * Types holding readers' personal data or partners' secrets: testimony
 * submissions and contact messages (the Moderatore's job), partner webhooks
 * and their delivery log (Super Admin only).
 */
export const PRIVATE_ADMIN_TYPES = [
  'api::testimony-submission.testimony-submission',
  'api::contact-message.contact-message',
  'api::partner-webhook.partner-webhook',
  'api::webhook-delivery.webhook-delivery',
  'api::newsletter-issue.newsletter-issue',
  'api::newsletter-send.newsletter-send',
  'api::newsletter-setting.newsletter-setting',
  'api::newsletter-subscriber.newsletter-subscriber',
] as const;

/**
 * Strapi gives its default Editor and Author roles every content type of a
 * new database, private ones included; this takes the private ones back at
 * every start. The editors' own roles (admin-roles.ts) are defined in code,
 * and a role an administrator creates by hand keeps what it was given on
 * purpose. Returns how many permissions were removed.
 */
export async function restrictDefaultRoles(strapi: Core.Strapi): Promise<number> {
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: [...STRAPI_DEFAULT_ROLES] } }, select: ['id'] })) as Array<{ id: number }>;
  if (roles.length === 0) return 0;
  const granted = (await strapi.db.query('admin::permission').findMany({
    where: { subject: { $in: [...PRIVATE_ADMIN_TYPES] }, role: { id: { $in: roles.map((role) => role.id) } } },
    select: ['id'],
  })) as Array<{ id: number }>;
  if (granted.length === 0) return 0;
  await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: granted.map((permission) => permission.id) } } });
  strapi.log.info(`[admin-roles] removed ${granted.length} permission(s) of Strapi's Editor/Author roles on private types (submissions, contact messages, webhooks, newsletter subscribers)`);
  return granted.length;
}
