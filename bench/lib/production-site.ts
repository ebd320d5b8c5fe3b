// The site as the production stack runs it: its caches in Redis, the heap
// settings of docker-compose.yml's `web` service (NODE_OPTIONS) and the
// image's memory allocator (apps/web/Dockerfile: jemalloc), read from there.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { dockerfileStageEnv, hostLibrary } from '../../deploy/dockerfile-env.ts';
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

interface Allocator {
  env: Record<string, string>;
  /** For the report's rows. */
  label: string;
}

let allocator: Allocator | undefined;

/**
 * The image's allocator settings (LD_PRELOAD, MALLOC_CONF of the Dockerfile's
 * runtime stage), the preloaded library found on this machine by its file
 * name; glibc's, with one loud warning, when this machine lacks it. Read once.
 */
function productionAllocator(): Allocator {
  allocator ??= readAllocator();
  return allocator;
}

function readAllocator(): Allocator {
  const image = dockerfileStageEnv(path.join(root, 'apps/web/Dockerfile'), 'runtime');
  if (!image.LD_PRELOAD) return { env: {}, label: 'glibc\'s malloc' };
  const library = hostLibrary(path.basename(image.LD_PRELOAD));
  if (!library) {
    console.warn(`\n!!! ${path.basename(image.LD_PRELOAD)} is not installed (apt-get install -y libjemalloc2): the site "as in production" runs on glibc's allocator, NOT the image's.\n`);
    return { env: {}, label: 'glibc\'s malloc (libjemalloc2 missing here)' };
  }
  const conf: Record<string, string> = image.MALLOC_CONF ? { MALLOC_CONF: image.MALLOC_CONF } : {};
  return { env: { LD_PRELOAD: library, ...conf }, label: `jemalloc, MALLOC_CONF ${image.MALLOC_CONF ?? 'default'}` };
}

/** The environment of the site with the production stack's memory settings, its caches in Redis under a prefix of its own. */
export function productionSiteEnv(redisUrl: string): Record<string, string> {
  return {
    NODE_OPTIONS: productionSiteNodeOptions(),
    ...productionAllocator().env,
    NUXT_REDIS_URL: redisUrl,
    NUXT_PAGE_CACHE_REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
  };
}

/** How the "as in production" site runs, for the report's rows. */
export function productionSiteSummary(): string {
  return `caches in Redis, NODE_OPTIONS ${productionSiteNodeOptions()}, ${productionAllocator().label}`;
}
