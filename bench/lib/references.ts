import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports.ts';

/**
 * The references the site is measured against in the same run, on the same
 * bytes: nginx (Debian's nginx-light, the limit of this machine) and a bare
 * `node:http` server (the limit of Node); and the caching proxy of
 * deploy/varnish in front of the site.
 */
export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitForUrl(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.body?.cancel();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${name} did not answer ${url}`);
}

function stopper(child: ChildProcess, dir?: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

/** nginx serving `body` at `/` as text/html, one worker (the site's server is one process too). */
export async function startNginx(body: Buffer): Promise<Running> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  // Run as root, nginx's worker is an unprivileged user: it must be able to read the page.
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, 'html'));
  writeFileSync(path.join(dir, 'html', 'index.html'), body);
  const port = await freePort();
  writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    location = / { default_type "text/html;charset=utf-8"; try_files /index.html =404; }
  }
}
`);
  mkdirSync(path.join(dir, 'tmp'));
  const child = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await waitForUrl(url, child, 'nginx');
  return { url, pid: child.pid!, stop: stopper(child, dir) };
}

/** The 10-line `node:http` server of the issue, in a process of its own, serving `body`. */
export async function startBareNode(body: Buffer): Promise<Running> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-node-'));
  writeFileSync(path.join(dir, 'page.html'), body);
  const port = await freePort();
  const source = `
const { createServer } = require('node:http');
const body = require('node:fs').readFileSync(${JSON.stringify(path.join(dir, 'page.html'))});
createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html;charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(${port}, '127.0.0.1');
`;
  const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await waitForUrl(url, child, 'node:http');
  return { url, pid: child.pid!, stop: stopper(child, dir) };
}

/** Varnish with deploy/varnish/site.vcl, its backend the given site. */
export async function startVarnish(root: string, siteUrl: string): Promise<Running> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-varnish-'));
  // Run as root, varnishd compiles the VCL as an unprivileged user: it must be able to read this folder.
  chmodSync(dir, 0o755);
  const site = new URL(siteUrl);
  writeFileSync(path.join(dir, 'backend.vcl'), `backend site { .host = "${site.hostname}"; .port = "${site.port}"; .first_byte_timeout = 10s; }\n`);
  const port = await freePort();
  const child = spawn('varnishd', [
    '-F', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`,
    '-f', path.join(root, 'deploy/varnish/site.vcl'), '-p', `vcl_path=${dir}:${path.join(root, 'deploy/varnish')}`,
    '-p', 'http_gzip_support=off', '-s', 'malloc,256m',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  child.once('exit', (code) => {
    if (code) console.error(`[varnishd] exited with ${code}: ${errors.slice(-2000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/robots.txt`, child, 'varnishd');
  return { url, pid: child.pid!, stop: stopper(child, dir) };
}

/** Checks that every URL serves exactly `expected` (uncompressed): the comparison is on the same bytes. */
export async function sameBytes(urls: string[], expected: Buffer): Promise<void> {
  for (const url of urls) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const got = Buffer.from(await res.arrayBuffer());
    if (!got.equals(expected)) throw new Error(`${url} does not serve the same ${expected.length} bytes (got ${got.length})`);
  }
}
