import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Compiles the app's TypeScript into dist/ from scratch. Strapi's
 * `compileStrapi` writes over dist/ and never removes a file: the compiled
 * copy of a deleted source (a room's controller replaced by src/core-api,
 * say) would stay and still be loaded. So the server code, its config and
 * the incremental build info go first; the admin panel (dist/build) stays.
 */
export async function compileFresh(compileStrapi: (options: { appDir: string }) => Promise<unknown>, appDir: string): Promise<void> {
  for (const stale of ['src', 'config', 'scripts', 'tsconfig.tsbuildinfo']) {
    rmSync(path.join(appDir, 'dist', stale), { recursive: true, force: true });
  }
  await compileStrapi({ appDir });
}
