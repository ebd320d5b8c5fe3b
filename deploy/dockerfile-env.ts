// The environment a Dockerfile's stage sets (its ENV instructions), read from
// the file itself: the bench runs the site with the image's values
// (bench/lib/production-site.ts) instead of restating them, finding the
// libraries the image preloads on this machine (hostLibrary).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Where this machine keeps the shared library `name` (ldconfig's cache), if it has it. */
export function hostLibrary(name: string): string | undefined {
  const listing = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' }).stdout ?? '';
  return listing.split('\n').map((line) => line.trim()).find((line) => line.startsWith(`${name} `))?.split(' => ')[1];
}

/** The `KEY=value` pairs of one ENV instruction (values unquoted; no variable expansion). */
function envPairs(args: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (const match of args.matchAll(pattern)) {
    const raw = match[2]!;
    pairs.push([match[1]!, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw]);
  }
  return pairs;
}

/** The ENV of stage `stage` (`FROM … AS <stage>`) of the Dockerfile at `file`, in order, later values winning. */
export function dockerfileStageEnv(file: string, stage: string): Record<string, string> {
  // Instructions, with their `\` continuations joined and comments dropped.
  const instructions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const env: Record<string, string> = {};
  let inStage = false;
  let found = false;
  for (const line of instructions) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      inStage = new RegExp(`\\sAS\\s+${stage}$`, 'i').test(` ${args}`);
      found ||= inStage;
    } else if (inStage && keyword.toUpperCase() === 'ENV') {
      for (const [name, value] of envPairs(args)) env[name] = value;
    }
  }
  if (!found) throw new Error(`${file}: no stage "${stage}"`);
  return env;
}
