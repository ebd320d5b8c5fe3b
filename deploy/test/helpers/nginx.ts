import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ask } from './http.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const nginxDir = path.join(repoRoot, 'deploy/nginx');

/**
 * What the nginx image's entrypoint does to /etc/nginx/templates/*.template:
 * `${NAME}` replaced by the value of NAME, for the variables it is given only
 * (nginx's own `$name` untouched). A `${NAME}` left over is an error here, as
 * it would be a broken config there.
 */
export function renderTemplate(text: string, variables: Record<string, string>): string {
  const rendered = text.replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name: string) => variables[name] ?? whole);
  const left = /\$\{[A-Z0-9_]+\}/.exec(rendered);
  if (left) throw new Error(`template variable ${left[0]} has no value`);
  return rendered;
}

export interface NginxOptions {
  mode: 'http' | 'https';
  /** The template variables docker-compose.yml gives the proxy. */
  variables: Record<string, string>;
}

export interface RunningNginx {
  dir: string;
  accessLog(): string[];
  stop(): Promise<void>;
}

/** Runs only as root: nginx's workers (and the master) then run as nobody. */
const NOBODY = 65534;

/**
 * Debian's nginx with the repository's templates and snippets, as the compose
 * `proxy` service lays them out (conf.d/ rendered from templates/, snippets/
 * beside it), wrapped in a main config of its own: no daemon, pid, logs and
 * temp files in a temp folder, loopback ports from the variables, run as an
 * unprivileged user.
 */
export async function startNginx({ mode, variables }: NginxOptions): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-nginx-'));
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, 'conf.d'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, temp));
  symlinkSync(path.join(nginxDir, 'snippets'), path.join(dir, 'snippets'));
  const template = (name: string) => renderTemplate(readFileSync(path.join(nginxDir, 'templates', name), 'utf8'), variables);
  writeFileSync(path.join(dir, 'conf.d/00-common.conf'), template('common.conf.template'));
  writeFileSync(path.join(dir, 'conf.d/default.conf'), template(`${mode}.conf.template`));
  writeFileSync(path.join(dir, 'nginx.conf'), [
    'daemon off;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp === 'body' ? 'client_body' : temp}_temp_path ${dir}/${temp};`),
    '  include conf.d/*.conf;',
    '}',
    '',
  ].join('\n'));
  const accessPath = path.join(dir, 'access.log');
  writeFileSync(accessPath, '');
  const root = process.getuid?.() === 0;
  if (root) {
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    chownSync(accessPath, NOBODY, NOBODY);
  }
  // The access log goes to /dev/stdout in the config: here stdout is this file.
  const accessFd = openSync(accessPath, 'a');
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
  const identity = root ? { uid: NOBODY, gid: NOBODY } : {};
  execFileSync('nginx', ['-t', '-q', ...args], { ...identity, stdio: ['ignore', 'ignore', 'pipe'] });
  const child: ChildProcess = spawn('nginx', args, { ...identity, stdio: ['ignore', accessFd, 'pipe'] });
  closeSync(accessFd);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const port = Number(/(\d+)$/.exec(variables.NGINX_HTTP_LISTEN ?? '')?.[1]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${errors}`);
    const up = await ask({ port, host: 'probe.invalid', path: '/.well-known/acme-challenge/none' }).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port} within 10 s: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    dir,
    accessLog: () => readFileSync(accessPath, 'utf8').split('\n').filter(Boolean),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate naming both hostnames (what certbot's would be). */
export function selfSignedCertificate(dir: string, hostnames: string[]): { certificate: string; key: string } {
  const certificate = path.join(dir, 'fullchain.pem');
  const key = path.join(dir, 'privkey.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hostnames[0]}`,
    '-addext', `subjectAltName=${hostnames.map((name) => `DNS:${name}`).join(',')}`,
    '-keyout', key, '-out', certificate,
  ], { stdio: 'ignore' });
  chmodSync(dir, 0o755);
  chmodSync(key, 0o644);
  return { certificate, key };
}
