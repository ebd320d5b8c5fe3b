import type { Core } from '@strapi/strapi';
import type * as DemoContentSeed from '@chiudete/demo-content/seed';
import { syncSearchEntry } from '../api/search/lib';
import { isDevelopmentMode } from '../utils/development-mode';

/**
 * The demo content (packages/demo-content) is not part of the CMS's code:
 * the bootstrap loads that package only when the demo is asked for, into an
 * empty database. Whether it is asked for is decided here, failing closed.
 */

/**
 * Whether to load the demo content at boot. `SEED_DEMO_CONTENT=true|false`
 * decides when set; otherwise only with the explicit development flag
 * (CMS_DEVELOPMENT=true, written by `pnpm setup:env` on a developer's
 * machine), never because NODE_ENV is not `production`.
 */
export function shouldSeedDemoContent(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const flag = env.SEED_DEMO_CONTENT?.trim().toLowerCase();
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  return isDevelopmentMode(env);
}

const DEMO_CONTENT_SEED = '@chiudete/demo-content/seed';

/** The seed module; an install or build without it stops the boot with what to do (the demo was asked for). */
async function loadDemoContentSeed(): Promise<typeof DemoContentSeed> {
  try {
    return await import('@chiudete/demo-content/seed');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && String((error as Error).message).includes('@chiudete/demo-content')) {
      const message = `[seed] The demo content was asked for (SEED_DEMO_CONTENT or CMS_DEVELOPMENT), but ${DEMO_CONTENT_SEED} cannot be loaded: `
        + 'build it (pnpm --filter @chiudete/demo-content build, part of pnpm build), or set SEED_DEMO_CONTENT=false.';
      throw Object.assign(new Error(message), { cause: error });
    }
    throw error;
  }
}

/**
 * Loads the demo content into an empty database (see `seedDemoContent` in
 * packages/demo-content/src/seed.ts): idempotent, one transaction, nothing
 * written when any seeded type already holds a row.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<{ created: number; skipped: boolean }> {
  const demo = await loadDemoContentSeed();
  return demo.seedDemoContent(strapi, { syncSearchEntry: (type, documentId) => syncSearchEntry(strapi, type, documentId) });
}
