// The site as the production stack runs it: its caches in Redis and the heap
// settings of docker-compose.yml's `web` service (NODE_OPTIONS), read from there.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from '../../e2e/stack.ts';

interface Compose {
  services: Record<string, { environment?: Record<string, string> }>;
}

/** NODE_OPTIONS of the production stack's site (docker-compose.yml). */
export function productionSiteNodeOptions(): string {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as Compose;
  const options = compose.services.web?.environment?.NODE_OPTIONS;
  if (!options) throw new Error('docker-compose.yml: the web service sets no NODE_OPTIONS');
  return options;
}

/** The environment of the site with the production stack's memory settings, its caches in Redis under a prefix of its own. */
export function productionSiteEnv(redisUrl: string): Record<string, string> {
  return {
    NODE_OPTIONS: productionSiteNodeOptions(),
    NUXT_REDIS_URL: redisUrl,
    NUXT_PAGE_CACHE_REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
  };
}
