import type { Core } from '@strapi/strapi';
import { apiCache, changesPublicVersion } from '../api-cache';
import { onContentChange } from '../content-events';
import { aggregate, type AggregateResult, type OsservatorioFilters } from './aggregate';
import { loadOsservatorioThreshold } from './config';
import { scanCube, type Cube } from './cube';

export { aggregate, type AggregateResult, type OsservatorioFilters } from './aggregate';
export { osservatorioCsv, downloadFileName } from './csv';
export { loadOsservatorioThreshold } from './config';

const TESTIMONY = 'api::testimony.testimony';

/**
 * The Osservatorio's state per Strapi instance: the threshold read at boot,
 * the last cube, the scan in flight (one at a time: concurrent misses share
 * it, no stampede) and a version that every testimony change moves on.
 */
interface State {
  threshold: number;
  version: number;
  cube: { value: Cube; version: number; generation: string | undefined; expiresAt: number } | undefined;
  inFlight: { promise: Promise<Cube>; version: number; generation: string | undefined } | undefined;
}

const STATE = Symbol.for('chiudete.osservatorio');
type WithState = Core.Strapi & { [STATE]?: State };

function stateOf(strapi: Core.Strapi): State {
  const holder = strapi as WithState;
  holder[STATE] ??= { threshold: loadOsservatorioThreshold(process.env), version: 0, cube: undefined, inFlight: undefined };
  return holder[STATE];
}

/** Forgets the cube: the next read scans again. */
export function invalidateOsservatorio(strapi: Core.Strapi): void {
  const state = stateOf(strapi);
  state.version += 1;
  state.cube = undefined;
}

/**
 * Run in `register`: reads OSSERVATORIO_COMPANY_THRESHOLD (a wrong value
 * stops the boot) and forgets the cube on every change of a testimony's
 * public version: right after the document service's write (publish,
 * unpublish, delete, a published create or update), and on the content
 * events (src/content-events), which also carry the changes of jobs
 * (scheduled publication).
 */
export function registerOsservatorio(strapi: Core.Strapi): void {
  stateOf(strapi);
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === TESTIMONY && changesPublicVersion(context.uid, context.action, context.params as { status?: unknown } | undefined)) invalidateOsservatorio(strapi);
    return result;
  });
}

/** Run in `bootstrap`, once the content events exist. */
export function subscribeOsservatorio(strapi: Core.Strapi): void {
  onContentChange(strapi, (change) => {
    if (change.uid === TESTIMONY) invalidateOsservatorio(strapi);
  });
}

/**
 * How long a cube may be kept when nothing shared tells this instance of
 * changes made on another one (the API cache off, or its store unreachable):
 * the Osservatorio's promise that a change shows within 5 s.
 */
const UNSHARED_LIFETIME_MS = 5_000;

/**
 * The generation of the public API's response cache (src/api-cache): moved
 * on by every public change (on every instance at once with Redis), so a
 * cube scanned before a change is not reused. With it, a cube lives as long
 * as the API cache's entries; without it (`undefined`: the cache off or its
 * store unreachable), `UNSHARED_LIFETIME_MS`.
 */
async function cacheGeneration(strapi: Core.Strapi): Promise<{ generation: string | undefined; lifetimeMs: number }> {
  const cache = apiCache(strapi);
  const lookup = cache ? await cache.store.lookup('osservatorio:generation') : undefined;
  if (!cache || !lookup) return { generation: undefined, lifetimeMs: UNSHARED_LIFETIME_MS };
  return { generation: lookup.generation, lifetimeMs: cache.config.ttlSeconds * 1000 };
}

/**
 * The current cube: the one kept if no testimony changed since (here, or by
 * the cache's generation anywhere) and it is younger than its lifetime;
 * else the scan in flight for the same state; else a new scan. Concurrent
 * readers share one scan: never a stampede on the database.
 */
async function currentCube(strapi: Core.Strapi): Promise<Cube> {
  const state = stateOf(strapi);
  const { generation, lifetimeMs } = await cacheGeneration(strapi);
  const { version } = state;
  const kept = state.cube;
  if (kept && kept.version === version && kept.generation === generation && kept.expiresAt > Date.now()) return kept.value;
  const flying = state.inFlight;
  if (flying && flying.version === version && flying.generation === generation) return flying.promise;

  const promise = scanCube(strapi);
  const inFlight = { promise, version, generation };
  state.inFlight = inFlight;
  try {
    const value = await promise;
    // Kept only if nothing changed while it ran.
    if (state.version === version) state.cube = { value, version, generation, expiresAt: Date.now() + lifetimeMs };
    return value;
  } finally {
    if (state.inFlight === inFlight) state.inFlight = undefined;
  }
}

/** The aggregates of one (validated) filter. */
export async function osservatorioAggregates(strapi: Core.Strapi, filters: OsservatorioFilters): Promise<AggregateResult> {
  const cube = await currentCube(strapi);
  return aggregate(cube, filters, stateOf(strapi).threshold);
}
