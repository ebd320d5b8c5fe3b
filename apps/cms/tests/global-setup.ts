import { createRequire } from 'node:module';
import { appDir } from './helpers/strapi';
import { ensureTestSecrets } from './helpers/env';

/** Compiles the Strapi app (TypeScript → dist/) once for every test file. */
export default async function setup(): Promise<void> {
  ensureTestSecrets();
  const require = createRequire(import.meta.url);
  const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir });
}
