// Where a CPU profile's time goes:
//   node bench/cpu-profile.ts <file.cpuprofile> [top] [from-seconds] [to-seconds]
// Reads a V8 profile written by `node --cpu-prof` (e.g. BENCH_API_CPU_PROF=<dir>
// pnpm bench:api) and prints the self time by function and by package or
// folder, optionally only for the samples taken between two moments (seconds
// since the profile started), to leave out the boot.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  fromSeconds?: number;
  toSeconds?: number;
}

/** The package (node_modules/<name>), Node's own code, or the app's folder a script belongs to. */
function ownerOf(url: string): string {
  if (url === '') return '(V8, GC, idle)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : scope ?? url;
  }
  const app = /\/apps\/cms\/dist\/(.*)\/[^/]+$/.exec(url);
  return app ? `app: ${app[1]}` : url;
}

export function summarize(profile: Profile, top = 25, { fromSeconds = 0, toSeconds = Number.POSITIVE_INFINITY }: Window = {}): string[] {
  const selfMicros = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < fromSeconds * 1e6 || elapsed > toSeconds * 1e6) return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/apps\//, 'apps/')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    byOwner.set(ownerOf(url), (byOwner.get(ownerOf(url)) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `total sampled: ${(total / 1e6).toFixed(1)} s`,
    '',
    'self time by package or folder:',
    ...sorted(byOwner).map(([owner, micros]) => `${pct(micros)}  ${owner}`),
    '',
    'self time by function:',
    ...sorted(byFunction).map(([fn, micros]) => `${pct(micros)}  ${fn}`),
  ];
}

if (import.meta.main) {
  const [file, top, from, to] = process.argv.slice(2);
  if (!file) throw new Error('Usage: node bench/cpu-profile.ts <file.cpuprofile> [top] [from-seconds] [to-seconds]');
  const window = { fromSeconds: from === undefined ? undefined : Number(from), toSeconds: to === undefined ? undefined : Number(to) };
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25), window).join('\n'));
}
