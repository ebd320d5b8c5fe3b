import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { DEVELOPMENT_FLAG, isDevelopmentMode } from '../utils/development-mode';

/**
 * Defaults of the local Super Admin, used only with the explicit development
 * flag (CMS_DEVELOPMENT=true). There is no default password: one is
 * generated (see `generateAdminPassword`).
 */
export const LOCAL_ADMIN_DEFAULTS = {
  email: 'admin@chiudeteicallcenter.local',
  firstname: 'Redazione',
} as const;

const ADMIN_URL = 'http://localhost:1337/admin';

/** The parts of Strapi's `admin::user` and `admin::role` services used here. */
interface AdminUserService {
  exists(attributes?: Record<string, unknown>): Promise<boolean>;
  create(attributes: {
    email: string;
    firstname: string;
    password: string;
    isActive: boolean;
    registrationToken: null;
    roles: Array<string | number>;
  }): Promise<{ id: string | number; email: string }>;
}

interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: string | number } | null>;
}

/**
 * The rules of Strapi's admin password validator: 8+ characters (at most
 * 72 bytes, bcrypt's limit), a lowercase letter, an uppercase letter, a digit.
 * Returns the rules the password breaks (empty when it is valid).
 */
export function adminPasswordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (new TextEncoder().encode(password).length > 72) problems.push('at most 72 bytes');
  if (!/[a-z]/.test(password)) problems.push('a lowercase letter');
  if (!/[A-Z]/.test(password)) problems.push('an uppercase letter');
  if (!/\d/.test(password)) problems.push('a number');
  return problems;
}

/**
 * A random password Strapi accepts: 24 characters of base64url (144 random
 * bits), drawn again in the rare case one of the required kinds is missing.
 * scripts/setup-env.mjs draws the local one the same way.
 */
export function generateAdminPassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (adminPasswordProblems(password).length === 0) return password;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An environment variable; blank values count as unset (a `.env` line like `SEED_ADMIN_EMAIL=`). */
const envValue = (name: string): string | undefined => {
  const value = process.env[name];
  return value !== undefined && value.trim() !== '' ? value : undefined;
};

/**
 * Creates the first Super Admin when there is no admin user at all.
 *
 * - With SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD (SEED_ADMIN_FIRSTNAME,
 *   default "Redazione"): that account, in any environment.
 * - Without them, only with the explicit development flag
 *   (CMS_DEVELOPMENT=true): the e-mail defaults to LOCAL_ADMIN_DEFAULTS and
 *   the password is generated at random. On a developer's machine the
 *   credentials are printed in the log, once (when the account is created).
 * - Otherwise nothing is created: the first admin registers at /admin. A
 *   server started without NODE_ENV is never given a known password.
 * - Idempotent: once any admin user exists, it never creates or changes one.
 */
export async function ensureLocalAdmin(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user') as AdminUserService;
  if (await users.exists()) {
    strapi.log.debug('[local-admin] An admin user already exists: nothing to do.');
    return;
  }

  const development = isDevelopmentMode();
  const envEmail = envValue('SEED_ADMIN_EMAIL');
  const envPassword = envValue('SEED_ADMIN_PASSWORD');
  const firstname = envValue('SEED_ADMIN_FIRSTNAME')?.trim() ?? LOCAL_ADMIN_DEFAULTS.firstname;

  if (!development && (!envEmail || !envPassword)) {
    const message
      = '[local-admin] No admin user exists: set both SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD to create one at boot, '
        + `or register the first admin in the admin panel (/admin). (${DEVELOPMENT_FLAG}=true creates a local one with a `
        + 'generated password, on a developer\'s machine only.)';
    if (envEmail || envPassword) strapi.log.warn(`${message} Only one of the two is set.`);
    else strapi.log.info(message);
    return;
  }

  const email = (envEmail ?? LOCAL_ADMIN_DEFAULTS.email).trim().toLowerCase();
  const password = envPassword ?? generateAdminPassword();

  if (!EMAIL.test(email)) {
    throw new Error(`[local-admin] SEED_ADMIN_EMAIL "${email}" is not a valid e-mail address.`);
  }
  const problems = adminPasswordProblems(password);
  if (problems.length > 0) {
    throw new Error(
      `[local-admin] SEED_ADMIN_PASSWORD is too weak for Strapi: it needs ${problems.join(', ')}. `
      + 'Choose a password of at least 8 characters with a lowercase letter, an uppercase letter and a number.',
    );
  }

  const superAdmin = await (strapi.service('admin::role') as AdminRoleService).getSuperAdmin();
  if (!superAdmin) {
    throw new Error('[local-admin] The Super Admin role does not exist: cannot create the first admin user.');
  }

  // The service hashes the password; isActive/registrationToken make the
  // account usable at once instead of waiting for an invitation link.
  await users.create({
    email,
    firstname,
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });

  if (!development) {
    strapi.log.info(`[local-admin] Created the Super Admin ${email} (password from SEED_ADMIN_PASSWORD).`);
    return;
  }
  // A developer's own machine: show the credentials once, so they can sign in at once.
  strapi.log.warn(
    [
      `[local-admin] Created a local Super Admin (${DEVELOPMENT_FLAG}=true). Shown only now:`,
      `    admin panel: ${ADMIN_URL}`,
      `    e-mail:      ${email}`,
      `    password:    ${password}`,
      envPassword
        ? '  The password is SEED_ADMIN_PASSWORD of apps/cms/.env (git-ignored), written by `pnpm setup:env`.'
        : '  The password was generated now and is stored nowhere: note it, or change it in the admin (top-left menu > Profile).',
    ].join('\n'),
  );
}
