// The site as the production stack runs it: its caches in Redis, the heap
// settings of docker-compose.yml's `web` service (NODE_OPTIONS) and the
// image's memory allocator (apps/web/Dockerfile: jemalloc), read from there.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { dockerfileStageEnv } from '../../deploy/dockerfile-env.ts';
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

/** Where this machine keeps the shared library `name` (ldconfig's cache), if it has it. */
export function hostLibrary(name: string): string | undefined {
  const listing = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' }).stdout ?? '';
  return listing.split('\n').map((line) => line.trim()).find((line) => line.startsWith(`${name} `))?.split(' => ')[1];
}

/**
 * The image's allocator settings (LD_PRELOAD, MALLOC_CONF of the Dockerfile's
 * runtime stage), the preloaded library found on this machine by its file
 * name; undefined, with a loud warning, when this machine lacks it.
 */
export function productionAllocatorEnv(): Record<string, string> | undefined {
  const image = dockerfileStageEnv(path.join(root, 'apps/web/Dockerfile'), 'runtime');
  if (!image.LD_PRELOAD) return {};
  const library = hostLibrary(path.basename(image.LD_PRELOAD));
  if (!library) {
    console.warn(`\n!!! ${path.basename(image.LD_PRELOAD)} is not installed (apt-get install -y libjemalloc2): the site "as in production" runs on glibc's allocator, NOT the image's.\n`);
    return undefined;
  }
  return { LD_PRELOAD: library, ...(image.MALLOC_CONF ? { MALLOC_CONF: image.MALLOC_CONF } : {}) };
}

/** The environment of the site with the production stack's memory settings, its caches in Redis under a prefix of its own. */
export function productionSiteEnv(redisUrl: string): Record<string, string> {
  return {
    NODE_OPTIONS: productionSiteNodeOptions(),
    ...productionAllocatorEnv(),
    NUXT_REDIS_URL: redisUrl,
    NUXT_PAGE_CACHE_REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
  };
}

/** How the "as in production" site runs, for the report's rows. */
export function productionSiteSummary(): string {
  const allocator = productionAllocatorEnv();
  const malloc = allocator === undefined ? 'glibc\'s malloc (libjemalloc2 missing here)' : allocator.LD_PRELOAD ? `jemalloc, MALLOC_CONF ${allocator.MALLOC_CONF ?? 'default'}` : 'glibc\'s malloc';
  return `caches in Redis, NODE_OPTIONS ${productionSiteNodeOptions()}, ${malloc}`;
}
