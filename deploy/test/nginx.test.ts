// The edge proxy's real config (deploy/nginx) run by Debian's nginx against
// tiny local upstreams standing in for the site's cache, the CMS and object
// storage: routing by hostname, body limits per route, the client address
// and request id passed upstream, the headers added, TLS and the redirect.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, freePort, headerCount, startUpstream, type Reply, type Upstream } from './helpers/http.ts';
import { selfSignedCertificate, startNginx, type RunningNginx } from './helpers/nginx.ts';

const SITE = 'www.example.test';
const CMS = 'cms.example.test';
const BUCKET = 'chiudete-uploads';

let site: Upstream;
let cms: Upstream;
let media: Upstream;
let plain: RunningNginx;
let plainPort: number;

const variables = (extra: Record<string, string>) => ({
  SITE_HOSTNAME: SITE,
  CMS_HOSTNAME: CMS,
  SITE_UPSTREAM: `127.0.0.1:${site.port}`,
  CMS_UPSTREAM: `127.0.0.1:${cms.port}`,
  MEDIA_UPSTREAM: `127.0.0.1:${media.port}`,
  S3_BUCKET: BUCKET,
  // Never asked: the upstreams are addresses here (compose gives names with `resolve`,
  // which Debian's nginx 1.22 does not know; the nginx image 1.28 does).
  NGINX_RESOLVER: '127.0.0.1',
  ...extra,
});

const upstreamSaw = (answer: { body: Buffer }) => JSON.parse(answer.body.toString()) as { upstream: string; url: string; method: string; headers: Record<string, string>; bodyBytes: number };

beforeAll(async () => {
  site = await startUpstream('site', (seen): Reply => (seen.url === '/brotli'
    ? { headers: { 'content-type': 'text/html', 'content-encoding': 'br', 'vary': 'Accept-Encoding' }, body: Buffer.alloc(4096, 7) }
    : { headers: { 'content-security-policy': 'default-src \'self\'; frame-ancestors https://cms.example.test', 'referrer-policy': 'no-referrer', 'x-powered-by': 'Nuxt' } }));
  cms = await startUpstream('cms', (seen) => (seen.url === '/api/big-json'
    ? { body: JSON.stringify({ data: 'x'.repeat(8000) }) }
    : undefined));
  media = await startUpstream('media', () => ({ headers: { 'content-type': 'image/png', 'x-amz-request-id': 'ABC', 'set-cookie': 'a=b' }, body: 'png' }));
  plainPort = await freePort();
  // The plain HTTP mode, trusting no hop: nothing a client sends about its address is believed.
  plain = await startNginx({ mode: 'http', variables: variables({ NGINX_HTTP_LISTEN: `127.0.0.1:${plainPort}`, NGINX_REAL_IP_FROM: '192.0.2.1/32' }) });
}, 30_000);

afterAll(async () => {
  await plain?.stop();
  await Promise.all([site?.close(), cms?.close(), media?.close()]);
});

describe('routing by hostname', () => {
  it('sends the site\'s hostname, its /api included, to the site\'s cache', async () => {
    for (const url of ['/', '/articoli/uno?x=1', '/api/revalidate']) {
      const answer = await ask({ port: plainPort, host: SITE, path: url });
      expect(answer.status).toBe(200);
      expect(upstreamSaw(answer)).toMatchObject({ upstream: 'site', url });
    }
  });

  it('sends unknown hosts and bare addresses to the site', async () => {
    expect(upstreamSaw(await ask({ port: plainPort, host: '127.0.0.1' })).upstream).toBe('site');
  });

  it('sends everything on the CMS hostname to the CMS: admin, admin API, content API, local uploads', async () => {
    for (const url of ['/admin', '/admin/init', '/content-manager/collection-types/api::article.article', '/api/articles?populate=*', '/uploads/a.png', '/_health']) {
      const answer = await ask({ port: plainPort, host: CMS, path: url });
      expect(upstreamSaw(answer)).toMatchObject({ upstream: 'cms', url });
    }
  });

  it('serves /media/ from the bucket, read-only, without the reader\'s cookies or credentials', async () => {
    const before = media.seen.length;
    const answer = await ask({ port: plainPort, host: CMS, path: '/media/photo_abc123.png', headers: { cookie: 'jwt=secret', authorization: 'Bearer secret' } });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('png');
    const seen = media.seen.at(-1)!;
    expect(seen.url).toBe(`/${BUCKET}/photo_abc123.png`);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['x-amz-request-id']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('max-age=2592000');
    const put = await ask({ port: plainPort, host: CMS, path: '/media/photo_abc123.png', method: 'PUT', body: 'x' });
    expect(put.status).toBe(403);
    expect(media.seen.length).toBe(before + 1);
    // The bucket's root is a listing: never asked.
    for (const path of ['/media/', '/media/?list-type=2']) {
      expect((await ask({ port: plainPort, host: CMS, path })).status, path).toBe(404);
    }
    expect(media.seen.length).toBe(before + 1);
  });
});

describe('body limits per route', () => {
  const post = (host: string, url: string, bytes: number) =>
    ask({ port: plainPort, host, path: url, method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(bytes, 97) });

  it('site: 64 KB', async () => {
    expect((await post(SITE, '/api/revalidate', 60 * 1024)).status).toBe(200);
    expect((await post(SITE, '/api/revalidate', 65 * 1024)).status).toBe(413);
  });

  it('CMS content API (public forms): 128 KB, so the CMS\'s own 64 KB limit answers in its format first', async () => {
    expect(upstreamSaw(await post(CMS, '/api/testimonies', 100 * 1024)).bodyBytes).toBe(100 * 1024);
    expect((await post(CMS, '/api/testimonies', 129 * 1024)).status).toBe(413);
    // The content API's own upload route is no way around it.
    expect((await post(CMS, '/api/upload', 129 * 1024)).status).toBe(413);
  });

  it('CMS admin: 2 MB of JSON', async () => {
    expect(upstreamSaw(await post(CMS, '/content-manager/collection-types/api::article.article', 1536 * 1024)).bodyBytes).toBe(1536 * 1024);
    expect((await post(CMS, '/content-manager/collection-types/api::article.article', 2049 * 1024)).status).toBe(413);
    expect((await post(CMS, '/admin/login', 2049 * 1024)).status).toBe(413);
  });

  it('CMS media library upload: 100 MB, streamed to the CMS', async () => {
    const bytes = 12 * 1024 * 1024;
    expect(upstreamSaw(await post(CMS, '/upload', bytes)).bodyBytes).toBe(bytes);
    expect((await post(CMS, '/upload/actions/bulk-move', 2049 * 1024)).status).toBe(413);
    const tooBig = await ask({ port: plainPort, host: CMS, path: '/upload', method: 'POST', headers: { 'content-length': String(101 * 1024 * 1024) } }).catch((error: Error) => error);
    // nginx answers 413 on the declared length, before any byte of the body.
    expect(tooBig instanceof Error ? tooBig.message : tooBig.status).toBe(413);
  });
});

describe('client address and request id', () => {
  it('passes the client\'s address as X-Forwarded-For, not what the client claims, when no hop is trusted', async () => {
    const answer = await ask({ port: plainPort, host: CMS, path: '/api/x', headers: { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' } });
    const { headers } = upstreamSaw(answer);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-real-ip']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe(CMS);
  });

  it('generates a request id per request, passes it upstream, returns it and logs it (a client\'s own is replaced)', async () => {
    const first = await ask({ port: plainPort, host: SITE, path: '/ids', headers: { 'x-request-id': 'chosen-by-client' } });
    const second = await ask({ port: plainPort, host: SITE, path: '/ids' });
    const id = upstreamSaw(first).headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(upstreamSaw(second).headers['x-request-id']).not.toBe(id);
    expect(first.headers['x-request-id']).toBe(id);
    expect(headerCount(first, 'x-request-id')).toBe(1);
    const line = plain.accessLog().map((entry) => JSON.parse(entry) as Record<string, unknown>).find((entry) => entry.request_id === id);
    expect(line).toMatchObject({ host: SITE, method: 'GET', uri: '/ids', status: 200, client: '127.0.0.1' });
  });
});

describe('headers and methods', () => {
  it('adds safe defaults only where the app set none, never touching its CSP', async () => {
    const fromSite = await ask({ port: plainPort, host: SITE, path: '/' });
    expect(fromSite.headers['content-security-policy']).toBe('default-src \'self\'; frame-ancestors https://cms.example.test');
    expect(fromSite.headers['referrer-policy']).toBe('no-referrer');
    expect(headerCount(fromSite, 'referrer-policy')).toBe(1);
    expect(fromSite.headers['x-content-type-options']).toBe('nosniff');
    expect(fromSite.headers['x-frame-options']).toBeUndefined();
    expect(fromSite.headers['x-powered-by']).toBeUndefined();
    expect(fromSite.headers.server).toBe('nginx');
    // Plain HTTP: no HSTS.
    expect(fromSite.headers['strict-transport-security']).toBeUndefined();
    const fromCms = await ask({ port: plainPort, host: CMS, path: '/api/x' });
    expect(fromCms.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(fromCms.headers['permissions-policy']).toContain('camera=()');
  });

  it('compresses uncompressed CMS JSON and passes the site\'s brotli through untouched', async () => {
    const json = await ask({ port: plainPort, host: CMS, path: '/api/big-json', headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(json.body).toString())).toEqual({ data: 'x'.repeat(8000) });
    const brotli = await ask({ port: plainPort, host: SITE, path: '/brotli', headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.body.equals(Buffer.alloc(4096, 7))).toBe(true);
  });

  it('never lets a purge (BAN) or another method reach the site\'s cache from outside', async () => {
    const before = site.seen.length;
    for (const method of ['BAN', 'PURGE', 'PUT', 'DELETE']) {
      expect((await ask({ port: plainPort, host: SITE, path: '/', method, headers: { 'x-ban-url': '^/' } })).status).toBe(403);
    }
    expect(site.seen.length).toBe(before);
  });
});

describe('TLS mode', () => {
  let tls: RunningNginx;
  let httpPort: number;
  let httpsPort: number;
  let certDir: string;

  beforeAll(async () => {
    certDir = mkdtempSync(path.join(os.tmpdir(), 'deploy-cert-'));
    const { certificate, key } = selfSignedCertificate(certDir, [SITE, CMS]);
    httpPort = await freePort();
    httpsPort = await freePort();
    // A load balancer at 127.0.0.1 in front: its X-Forwarded-For is believed.
    tls = await startNginx({ mode: 'https', variables: variables({
      NGINX_HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      NGINX_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
      NGINX_REAL_IP_FROM: '127.0.0.1/32',
      NGINX_TLS_CERTIFICATE: certificate,
      NGINX_TLS_CERTIFICATE_KEY: key,
    }) });
  }, 30_000);

  afterAll(async () => {
    await tls?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to https, except Let\'s Encrypt\'s challenges', async () => {
    const answer = await ask({ port: httpPort, host: SITE, path: '/articoli?x=1' });
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`https://${SITE}/articoli?x=1`);
    const challenge = await ask({ port: httpPort, host: SITE, path: '/.well-known/acme-challenge/token' });
    expect(challenge.status).toBe(404);
  });

  it('serves both hostnames over TLS with HSTS, and believes the trusted hop\'s X-Forwarded-For', async () => {
    const fromSite = await ask({ port: httpsPort, host: SITE, path: '/', tls: true, headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(upstreamSaw(fromSite)).toMatchObject({ upstream: 'site' });
    expect(upstreamSaw(fromSite).headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(upstreamSaw(fromSite).headers['x-forwarded-proto']).toBe('https');
    expect(fromSite.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(fromSite.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    const fromCms = await ask({ port: httpsPort, host: CMS, path: '/admin', tls: true });
    expect(upstreamSaw(fromCms)).toMatchObject({ upstream: 'cms', url: '/admin' });
    expect(fromCms.headers['strict-transport-security']).toBeDefined();
  });
});
