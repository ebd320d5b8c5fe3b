import type { Core } from '@strapi/strapi';

/** Local development defaults: never used when NODE_ENV=production. */
export const DEV_ADMIN_DEFAULTS = {
  email: 'admin@chiudeteicallcenter.local',
  password: 'Redazione2019!',
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An environment variable; blank values count as unset (a `.env` line like `SEED_ADMIN_EMAIL=`). */
const envValue = (name: string): string | undefined => {
  const value = process.env[name];
  return value !== undefined && value.trim() !== '' ? value : undefined;
};

/**
 * Creates the first Super Admin when there is no admin user at all.
 *
 * - Credentials come from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD
 *   (SEED_ADMIN_FIRSTNAME, default "Redazione").
 * - Outside production, missing variables fall back to local defaults, which
 *   are printed in the log so a developer can sign in at once.
 * - In production there are no defaults: without both variables nothing is
 *   created (the first admin then registers through the admin panel).
 * - Idempotent: once any admin user exists, it never creates or changes one.
 */
export async function ensureLocalAdmin(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user') as AdminUserService;
  if (await users.exists()) {
    strapi.log.debug('[local-admin] An admin user already exists: nothing to do.');
    return;
  }

  const isProduction = process.env.NODE_ENV === 'production';
  const envEmail = envValue('SEED_ADMIN_EMAIL');
  const envPassword = envValue('SEED_ADMIN_PASSWORD');
  const firstname = envValue('SEED_ADMIN_FIRSTNAME')?.trim() ?? DEV_ADMIN_DEFAULTS.firstname;

  if (isProduction && (!envEmail || !envPassword)) {
    const message
      = '[local-admin] No admin user exists and NODE_ENV=production: set both SEED_ADMIN_EMAIL and '
        + 'SEED_ADMIN_PASSWORD to create one at boot, or register the first admin in the admin panel (/admin).';
    if (envEmail || envPassword) strapi.log.warn(`${message} Only one of the two is set.`);
    else strapi.log.info(message);
    return;
  }

  const email = (envEmail ?? DEV_ADMIN_DEFAULTS.email).trim().toLowerCase();
  const password = envPassword ?? DEV_ADMIN_DEFAULTS.password;

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

  if (envPassword) {
    strapi.log.info(`[local-admin] Created the Super Admin ${email} (password from SEED_ADMIN_PASSWORD).`);
    return;
  }
  strapi.log.warn(
    [
      '[local-admin] Created a local Super Admin with DEVELOPMENT DEFAULTS:',
      `    admin panel: ${ADMIN_URL}`,
      `    e-mail:      ${email}`,
      `    password:    ${password}`,
      '  These are local defaults for development only: change the password in the admin',
      '  (top-left menu > Profile), or set SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD before the first boot.',
    ].join('\n'),
  );
}
