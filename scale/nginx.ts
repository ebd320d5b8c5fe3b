import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX_BINARY = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Why the scale test cannot run here, or undefined. */
export function nginxSkipReason(): string | undefined {
  return existsSync(NGINX_BINARY) ? undefined : `No nginx at ${NGINX_BINARY} (apt-get install nginx-light)`;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

export interface NginxUpstreams {
  port: number;
  cms: string[];
  web: string[];
}

const hostPort = (url: string) => new URL(url).host;

/**
 * nginx as the one address in front of two CMS and two site instances, the
 * way production runs it: /api, /admin, /uploads and the admin's own routes
 * to the CMS pool, everything else to the site pool. A request the chosen
 * instance cannot answer (connection refused or reset, 502) goes to the other
 * one, POSTs included: the public forms carry an idempotency key, so a
 * retried submission never makes a second row.
 */
export async function startNginx({ port, cms, web }: NginxUpstreams): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scale-nginx-'));
  const config = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream cms { ${cms.map((u) => `server ${hostPort(u)} max_fails=1 fail_timeout=2s;`).join(' ')} keepalive 16; }
  upstream web { ${web.map((u) => `server ${hostPort(u)} max_fails=1 fail_timeout=2s;`).join(' ')} keepalive 16; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_set_header X-Request-Id $request_id;
  proxy_connect_timeout 2s;
  proxy_read_timeout 30s;
  proxy_next_upstream error timeout http_502 http_503 non_idempotent;
  proxy_next_upstream_tries 3;
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 64k;
    location ~ ^/(api|uploads|_health)(/|$) { proxy_pass http://cms; }
    location ~ ^/(admin|content-manager|upload|i18n|content-type-builder|users-permissions)(/|$) {
      client_max_body_size 50m;
      proxy_pass http://cms;
    }
    location / { proxy_pass http://web; }
  }
}
`;
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const child: ChildProcess = spawn(NGINX_BINARY, ['-c', file, '-p', dir, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (c: Buffer) => console.error(`[nginx] ${c.toString().trim()}`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode} (config ${file})`);
    try {
      await fetch(`${url}/_health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not start within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
