import type { Core } from '@strapi/strapi';
import { apiCache, changesPublicVersion } from '../api-cache';
import { onContentChange } from '../content-events';
import { aggregate, type AggregateResult, type OsservatorioFilters } from './aggregate';
import { loadOsservatorioThreshold } from './config';
import { scanCube, type Cube } from './cube';

export { aggregate, type AggregateResult, type OsservatorioFilters } from './aggregate';

export { osservatorioCsv, osservatorioCsvOnce, downloadFileName } from './csv';
export { loadOsservatorioThreshold } from './config';

const TESTIMONY = 'api::testimony.testimony';

/** A scanned cube and what it was scanned under. */
interface Kept {
  value: Cube;
  version: number;
  generation: string | undefined;
  expiresAt: number;
  /** Since when it is no longer current (a change, an expiry): set the first time that is seen. */
  staleSince?: number;
}

/**
 * The Osservatorio's state per Strapi instance: the threshold read at boot,
 * the last cube, the scan in flight (one at a time: concurrent misses share
 * it, no stampede) and a version that every testimony change moves on.
 */
interface State {
  threshold: number;
  version: number;
  cube: Kept | undefined;
  inFlight: { promise: Promise<Cube>; version: number; generation: string | undefined } | undefined;
}

const STATE = Symbol.for('chiudete.osservatorio');
type WithState = Core.Strapi & { [STATE]?: State };

function stateOf(strapi: Core.Strapi): State {
  const holder = strapi as WithState;
  holder[STATE] ??= { threshold: loadOsservatorioThreshold(process.env), version: 0, cube: undefined, inFlight: undefined };
  return holder[STATE];
}

/** Marks the cube out of date: the next read scans again (and may be answered from the old one meanwhile, see `currentCube`). */
export function invalidateOsservatorio(strapi: Core.Strapi): void {
  const state = stateOf(strapi);
  state.version += 1;
  if (state.cube) state.cube.staleSince ??= Date.now();
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
 * with the scan that replaces it, within the Osservatorio's promise that a
 * change shows within 5 s.
 */
const UNSHARED_LIFETIME_MS = 4_000;

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
 * How long an out-of-date cube may still answer while its replacement is
 * being scanned: a change shows within this time (issue #15: 5 s), and no
 * reader waits for a scan (a few hundred ms at 100,000 testimonies,
 * docs/benchmarks/osservatorio.md) once a first one has run.
 */
const STALE_WHILE_SCANNING_MS = 5_000;

function startScan(strapi: Core.Strapi, state: State, version: number, generation: string | undefined, lifetimeMs: number): Promise<Cube> {
  const flying = state.inFlight;
  if (flying && flying.version === version && flying.generation === generation) return flying.promise;
  const promise = scanCube(strapi).then((value) => {
    // Kept only if nothing changed while it ran.
    if (state.version === version) state.cube = { value, version, generation, expiresAt: Date.now() + lifetimeMs };
    return value;
  });
  const inFlight = { promise, version, generation };
  state.inFlight = inFlight;
  const clear = () => {
    if (state.inFlight === inFlight) state.inFlight = undefined;
  };
  promise.then(clear, clear);
  return promise;
}

/**
 * The cube to answer from, and whether it is current. Current: the one
 * kept, if no testimony changed since (here, or by the cache's generation
 * anywhere) and it is younger than its lifetime. Otherwise one scan starts
 * (or the one in flight is joined: concurrent readers never stampede the
 * database); meanwhile a cube out of date for less than
 * `STALE_WHILE_SCANNING_MS` still answers, marked not current (the
 * controller keeps such answers out of every cache).
 */
async function currentCube(strapi: Core.Strapi): Promise<{ cube: Cube; current: boolean }> {
  const state = stateOf(strapi);
  const { generation, lifetimeMs } = await cacheGeneration(strapi);
  const now = Date.now();
  const kept = state.cube;
  if (kept && kept.version === state.version && kept.generation === generation && kept.expiresAt > now) return { cube: kept.value, current: true };

  const scan = startScan(strapi, state, state.version, generation, lifetimeMs);
  if (kept) {
    kept.staleSince ??= Math.min(now, kept.expiresAt);
    if (now - kept.staleSince < STALE_WHILE_SCANNING_MS) {
      scan.catch((error: unknown) => strapi.log.error(`[osservatorio] the scan failed: ${(error as Error).message}`));
      return { cube: kept.value, current: false };
    }
  }
  return { cube: await scan, current: true };
}

/** The figures already computed per cube and filter (a cube is immutable; a new one starts empty). */
const results = new WeakMap<Cube, Map<string, AggregateResult>>();
/** At most this many filters remembered per cube (every combination of sector and months is far more). */
const RESULTS_MAX = 1_000;

function aggregateOnce(cube: Cube, filters: OsservatorioFilters, threshold: number): AggregateResult {
  let forCube = results.get(cube);
  if (!forCube) {
    forCube = new Map();
    results.set(cube, forCube);
  }
  const key = `${filters.sector ?? ''}|${filters.from ?? ''}|${filters.to ?? ''}|${filters.company ?? ''}`;
  const found = forCube.get(key);
  if (found) return found;
  const result = aggregate(cube, filters, threshold);
  if (forCube.size >= RESULTS_MAX) forCube.clear();
  forCube.set(key, result);
  return result;
}

/** The figures of one filter, and whether they are current (not answered from an out-of-date cube while a scan runs). */
export interface OsservatorioAnswer {
  result: AggregateResult;
  current: boolean;
}

/** The aggregates of one (validated) filter. */
export async function osservatorioAggregates(strapi: Core.Strapi, filters: OsservatorioFilters): Promise<OsservatorioAnswer> {
  const { cube, current } = await currentCube(strapi);
  return { result: aggregateOnce(cube, filters, stateOf(strapi).threshold), current };
}
