import { spawn, spawnSync } from 'node:child_process';

/**
 * wrk (Debian's package): one thread saturates about 22,000 req/s of a 70 KB
 * page on these machines, so it measures servers far faster than a Node load
 * generator could. Figures: requests per second, latency percentiles,
 * non-2xx/3xx answers and socket errors.
 */
export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx or 3xx. */
  non2xx: number;
  /** Connect, read, write and timeout errors. */
  errors: number;
}

export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is not installed: apt-get install -y wrk (the benchmark uses it as its load generator).');
  }
}

const toMs = (value: string, unit: string) => Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

export function parseWrk(output: string, connections: number, seconds: number): LoadResult {
  const latency = (percent: string) => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return match ? toMs(match[1]!, match[2]!) : Number.NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    connections,
    seconds,
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export function wrk(url: string, { connections, seconds, headers = {} }: LoadOptions): Promise<LoadResult> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(parseWrk(output, connections, seconds)) : reject(new Error(`wrk ${args.join(' ')} exited with ${code}: ${output}`))));
  });
}
