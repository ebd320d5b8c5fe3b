import { isDefaultDatabasePassword, isKnownAdminPassword, isPlaceholder } from './known-values';

/**
 * What a production CMS refuses to start with: a missing or example secret,
 * a default database password, an admin seed password that is known. Each
 * problem names its variable and says how to fix it; values are never
 * repeated in a message (they end up in logs).
 *
 * Production: NODE_ENV=production (the Docker image and compose set it; the
 * explicit development flag CMS_DEVELOPMENT=true cannot be combined with it,
 * src/utils/development-mode.ts), as for SITE_API_TOKEN (src/site-token).
 */
type Env = Readonly<Record<string, string | undefined>>;

/** Strapi's own secrets: required. */
export const REQUIRED_SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'] as const;

/** Secrets of our own that are optional (or checked elsewhere when missing), but never an example when set. */
export const OPTIONAL_SECRETS = ['PREVIEW_SECRET', 'PREVIEW_API_TOKEN', 'SITE_API_TOKEN', 'REVALIDATE_SECRET', 'ANTI_ABUSE_SECRET', 'IP_HASH_SALT', 'S3_SECRET_ACCESS_KEY', 'SMTP_PASSWORD', 'NEWSLETTER_LINK_SECRET'] as const;

/** Shortest secret accepted: `openssl rand -base64 16` is 24 characters, Strapi's generated ones too. */
export const MIN_SECRET_LENGTH = 16;

/** Lets a PostgreSQL server that authenticates without a password (trust, peer, a client certificate) be used in production. */
export const EMPTY_DATABASE_PASSWORD_FLAG = 'DATABASE_ALLOW_EMPTY_PASSWORD';

const GENERATE = 'generate one with `openssl rand -base64 32`';

const value = (env: Env, name: string): string => env[name]?.trim() ?? '';

function secretProblems(env: Env): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED_SECRETS) {
    const raw = value(env, name);
    // APP_KEYS is a list: each key counts (Strapi's example is `toBeModified1,toBeModified2`).
    const parts = name === 'APP_KEYS' ? raw.split(',').map((part) => part.trim()) : [raw];
    if (raw === '' || parts.every((part) => part === '')) problems.push(`${name} is missing: ${GENERATE}.`);
    else if (parts.some(isPlaceholder)) problems.push(`${name} is an example value (as in an .env.example): ${GENERATE}.`);
    else if (parts.some((part) => part.length < MIN_SECRET_LENGTH)) problems.push(`${name} is too short (each value at least ${MIN_SECRET_LENGTH} characters): ${GENERATE}.`);
  }
  for (const name of OPTIONAL_SECRETS) {
    const raw = value(env, name);
    if (raw !== '' && isPlaceholder(raw)) problems.push(`${name} is an example value: ${GENERATE}, or remove it.`);
  }
  return problems;
}

/** The PostgreSQL password the CMS will use (config/database.ts: DATABASE_URL wins over DATABASE_PASSWORD), and the variable it comes from. */
function databasePassword(env: Env): { name: string; password: string } {
  const url = value(env, 'DATABASE_URL');
  if (url !== '') {
    try {
      return { name: 'DATABASE_URL', password: decodeURIComponent(new URL(url).password) };
    } catch {
      return { name: 'DATABASE_URL', password: '' };
    }
  }
  return { name: 'DATABASE_PASSWORD', password: env.DATABASE_PASSWORD ?? '' };
}

function databaseProblems(env: Env): string[] {
  if ((value(env, 'DATABASE_CLIENT') || 'sqlite') !== 'postgres') return [];
  const { name, password } = databasePassword(env);
  const where = name === 'DATABASE_URL' ? 'The password in DATABASE_URL' : 'DATABASE_PASSWORD';
  if (password === '') {
    if (value(env, EMPTY_DATABASE_PASSWORD_FLAG) === 'true') return [];
    return [`${where} is empty: set a strong one (\`openssl rand -hex 24\`; with compose, POSTGRES_PASSWORD), or ${EMPTY_DATABASE_PASSWORD_FLAG}=true if the database server authenticates the CMS without a password (trust, peer, certificate).`];
  }
  const user = name === 'DATABASE_URL' ? safeUser(value(env, 'DATABASE_URL')) : value(env, 'DATABASE_USERNAME') || 'strapi';
  if (isDefaultDatabasePassword(password) || password.toLowerCase() === user.toLowerCase()) {
    return [`${where} is a default password (like strapi, postgres or password): set a strong one (\`openssl rand -hex 24\`; with compose, POSTGRES_PASSWORD).`];
  }
  return [];
}

function safeUser(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
}

function adminSeedProblems(env: Env): string[] {
  const password = env.SEED_ADMIN_PASSWORD ?? '';
  if (password.trim() === '' || !isKnownAdminPassword(password)) return [];
  return ['SEED_ADMIN_PASSWORD is a known password (an example, a common one, or one written in this project\'s docs or tests): choose your own, or leave SEED_ADMIN_* unset and register the first admin at /admin.'];
}

/** Every problem of a production environment; empty when it may start (or when it is not production). */
export function productionSecretProblems(env: Env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return [...secretProblems(env), ...databaseProblems(env), ...adminSeedProblems(env)];
}

/** Throws, naming every variable to fix, when a production CMS must not start. */
export function assertProductionSecrets(env: Env): void {
  const problems = productionSecretProblems(env);
  if (problems.length === 0) return;
  throw new Error(`The CMS refuses to start in production (NODE_ENV=production):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}
