import { appDir, loadStrapiModule } from './helpers/strapi';
import { ensureTestSecrets } from './helpers/env';
import { compileFresh } from '../scripts/compile-fresh';

/** Compiles the Strapi app (TypeScript → dist/) once for every test file. */
export default async function setup(): Promise<void> {
  ensureTestSecrets();
  const { compileStrapi } = loadStrapiModule();
  await compileFresh(compileStrapi, appDir);
}
