import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ask, freePort } from './http.ts';
import { repoRoot } from './nginx.ts';

export interface RunningVarnish {
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's varnishd with the repository's VCL (deploy/varnish/site.vcl) in
 * front of a local upstream: the backend.vcl beside it is replaced by one
 * naming that upstream, as bench/lib/references.ts does. varnishd drops its
 * privileges to its own users by itself.
 */
export async function startVarnish(backendPort: number): Promise<RunningVarnish> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-varnish-'));
  // varnishd compiles the VCL as an unprivileged user: it must be able to read this folder.
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'backend.vcl'), `backend site { .host = "127.0.0.1"; .port = "${backendPort}"; }\n`);
  const port = await freePort();
  const child = spawn('varnishd', [
    '-F', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`,
    '-f', path.join(repoRoot, 'deploy/varnish/site.vcl'), '-p', `vcl_path=${dir}:${path.join(repoRoot, 'deploy/varnish')}`,
    '-p', 'http_gzip_support=off', '-s', 'malloc,32m',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited with ${child.exitCode}: ${errors}`);
    if (await ask({ port, host: 'probe.invalid', method: 'BAN' }).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`varnishd did not answer on port ${port} within 20 s: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
