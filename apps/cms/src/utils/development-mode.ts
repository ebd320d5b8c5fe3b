/**
 * The explicit development flag: `CMS_DEVELOPMENT=true`.
 *
 * Development conveniences (the demo content loaded into an empty database,
 * a local Super Admin with a generated password printed in the log, partner
 * webhooks to http:// and local addresses) are on only when this flag says
 * so. They never follow from the absence of `NODE_ENV=production`: `strapi
 * start` does not set NODE_ENV, so a server started without it must still
 * fail closed. `pnpm setup:env` writes the flag into the git-ignored
 * apps/cms/.env of a developer's machine, so `pnpm start` and `pnpm dev`
 * keep working there.
 *
 * Each convenience also has its own variable (SEED_DEMO_CONTENT,
 * SEED_ADMIN_*, PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS), which wins when set.
 */
export const DEVELOPMENT_FLAG = 'CMS_DEVELOPMENT';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether `CMS_DEVELOPMENT=true` (or `1`). Unset, empty, `false` or `0`:
 * false. Anything else, or the flag together with NODE_ENV=production,
 * stops the boot with a message saying what to change.
 */
export function isDevelopmentMode(env: Env = process.env): boolean {
  const raw = env[DEVELOPMENT_FLAG];
  const value = raw?.trim().toLowerCase();
  if (!value || value === 'false' || value === '0') return false;
  if (value !== 'true' && value !== '1') {
    throw new Error(`${DEVELOPMENT_FLAG}="${raw}" must be true or false (unset means false).`);
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      `${DEVELOPMENT_FLAG}=true turns on development conveniences (demo content, a local Super Admin, webhooks to `
      + `local addresses) and cannot be combined with NODE_ENV=production: remove ${DEVELOPMENT_FLAG} from this environment.`,
    );
  }
  return true;
}
