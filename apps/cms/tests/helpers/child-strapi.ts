import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appDir } from './strapi';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ChildStrapi {
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no shutdown hook runs. */
  kill(): Promise<void>;
}

/**
 * A second Strapi, in its own process (Strapi is a per-process singleton), on the compiled dist/.
 * NODE_ENV=test unless `env` says otherwise (e.g. production, to see its JSON logs).
 */
export async function startChildStrapi(env: Record<string, string>): Promise<ChildStrapi> {
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'test', ...env, HOST: '127.0.0.1', PORT: String(port), SEED_DEMO_CONTENT: 'false', STRAPI_STARTUP_BANNER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine a boot has taken over 90 s.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`The second Strapi exited with ${exitCode} before answering:\n${output.join('').slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The second Strapi did not answer on ${url}/_health within 180 s:\n${output.join('').slice(-4000)}`);
    }
    const ok = await fetch(`${url}/_health`).then((r) => r.status === 204, () => false);
    if (ok) break;
    await sleep(250);
  }

  return {
    url,
    output: () => output.join(''),
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
