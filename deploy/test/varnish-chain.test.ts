// nginx -> Varnish -> site, as docker-compose.yml chains them: pages cached
// by Varnish, the request id and the client's address reaching the site, and
// the purge (BAN) taken only from the site itself, never through the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, freePort, startUpstream, type Upstream } from './helpers/http.ts';
import { startNginx, type RunningNginx } from './helpers/nginx.ts';
import { startVarnish, type RunningVarnish } from './helpers/varnish.ts';

const SITE = 'www.example.test';
let site: Upstream;
let cms: Upstream;
let varnish: RunningVarnish;
let nginx: RunningNginx;
let port: number;

beforeAll(async () => {
  site = await startUpstream('site', () => ({ headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=0, s-maxage=300' } }));
  cms = await startUpstream('cms');
  varnish = await startVarnish(site.port);
  port = await freePort();
  nginx = await startNginx({ mode: 'http', variables: {
    SITE_HOSTNAME: SITE, CMS_HOSTNAME: 'cms.example.test', S3_BUCKET: 'bucket',
    SITE_UPSTREAM: `127.0.0.1:${varnish.port}`, CMS_UPSTREAM: `127.0.0.1:${cms.port}`, MEDIA_UPSTREAM: `127.0.0.1:${cms.port}`,
    NGINX_HTTP_LISTEN: `127.0.0.1:${port}`, NGINX_REAL_IP_FROM: '192.0.2.1/32', NGINX_RESOLVER: '127.0.0.1',
  } });
}, 40_000);

afterAll(async () => {
  await nginx?.stop();
  await varnish?.stop();
  await Promise.all([site?.close(), cms?.close()]);
});

const page = (path: string) => ask({ port, host: SITE, path, headers: { 'x-forwarded-for': '203.0.113.9' } });

describe('nginx -> Varnish -> site', () => {
  it('caches pages, and the site sees the request id and the reader\'s address (then Varnish\'s hop)', async () => {
    const first = await page('/articoli');
    const second = await page('/articoli');
    expect(first.headers['x-proxy-cache']).toBe('MISS');
    expect(second.headers['x-proxy-cache']).toBe('HIT');
    const seen = site.seen.filter(({ url }) => url === '/articoli');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-request-id']).toBe(first.headers['x-request-id']);
    // nginx sent only the client's address (not the claimed 203.0.113.9); Varnish appended nginx's.
    expect(seen[0]!.headers['x-forwarded-for']).toBe('127.0.0.1, 127.0.0.1');
  });

  it('refuses a purge from outside, through nginx or relayed by any proxy, and takes the site\'s own', async () => {
    await page('/chi-siamo');
    expect((await page('/chi-siamo')).headers['x-proxy-cache']).toBe('HIT');
    // Through nginx: refused at the edge.
    expect((await ask({ port, host: SITE, method: 'BAN', headers: { 'x-ban-url': '^/' } })).status).toBe(403);
    // Relayed to Varnish by a proxy on a private address (an X-Forwarded-For chain): refused by the VCL.
    expect((await ask({ port: varnish.port, host: SITE, method: 'BAN', headers: { 'x-ban-url': '^/', 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await page('/chi-siamo')).headers['x-proxy-cache']).toBe('HIT');
    // The site's own purge (NUXT_PROXY_PURGE_URL): straight to Varnish, no forwarding header.
    expect((await ask({ port: varnish.port, host: SITE, method: 'BAN', headers: { 'x-ban-url': '^/chi-siamo' } })).status).toBe(200);
    expect((await page('/chi-siamo')).headers['x-proxy-cache']).toBe('MISS');
  });
});
