import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { relayToCms, relayedPath, type RelayRequest } from './relay';

/** A real local "CMS" that records what reached it and answers what the test says. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];
let answer: (url: string) => { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } = () => ({ status: 200, body: '{"data":{}}' });
let cms: Server;
let cmsUrl = '';

beforeAll(async () => {
  cms = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      const { status, headers = { 'content-type': 'application/json; charset=utf-8' }, body = '', delayMs = 0 } = answer(req.url ?? '');
      setTimeout(() => {
        res.writeHead(status, headers);
        res.end(body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => cms.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answer = () => ({ status: 202, body: '{"data":{"id":"abc"}}' });
});

const SITE_TOKEN = 'site-token-'.padEnd(64, 'x');
const settings = () => ({ cmsUrl, siteToken: SITE_TOKEN });
const json = (value: unknown) => Readable.from([Buffer.from(JSON.stringify(value))]);

const request = (overrides: Partial<RelayRequest>): RelayRequest => ({
  endpoint: 'sendContactMessage',
  params: {},
  headers: { 'content-type': 'application/json' },
  body: json({ data: { message: 'ciao' } }),
  clientAddress: '203.0.113.9',
  ...overrides,
});

describe('the public forms\' relay to the CMS', () => {
  it('relays exactly the allow-listed endpoints, with parameters the CMS could have issued', () => {
    expect(relayedPath('formToken', { form: 'testimony' })).toBe('/api/form-tokens/testimony');
    expect(relayedPath('altchaChallenge', {})).toBe('/api/altcha/challenge');
    expect(relayedPath('submissionStatus', { token: 'AbC_-123' })).toBe('/api/testimony-submissions/status/AbC_-123');
    expect(relayedPath('withdrawSubmission', { token: 'AbC' })).toBe('/api/testimony-submissions/withdraw/AbC');
    expect(relayedPath('newsletterData', { token: 'manage.abc123.1799999999.Sig_-x' })).toBe('/api/newsletter-subscriptions/data/manage.abc123.1799999999.Sig_-x');
    // Nothing that could walk elsewhere on the CMS.
    for (const bad of ['..', '.', 'a/b', '../../articles', '../x', './', '', 'x'.repeat(257), 'a%2Fb', 'a?b=1']) {
      expect(relayedPath('formToken', { form: bad }), bad).toBeNull();
      expect(relayedPath('submissionStatus', { token: bad }), bad).toBeNull();
    }
    expect(relayedPath('formToken', {})).toBeNull();
  });

  it('refuses a bad parameter itself, without asking the CMS', async () => {
    const res = await relayToCms(request({ endpoint: 'formToken', params: { form: '..' }, body: null }), settings());
    expect(res.status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it('passes the body, the idempotency key and the request id, authenticated as the site with the reader\'s address; nothing the reader forged', async () => {
    const res = await relayToCms(request({
      endpoint: 'submitTestimony',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': '0b7f3c1e-8a2d-4c5b-9e6f-1a2b3c4d5e6f',
        'x-request-id': 'req-123',
        // The reader's own attempts to pass for the site or for another reader:
        'authorization': 'Bearer forged',
        'x-site-client-address': '10.9.9.9',
        'x-forwarded-for': '10.8.8.8',
        'cookie': 'a=b',
      },
      body: json({ data: { title: 'Una storia' } }),
    }), settings());
    expect(res.status).toBe(202);
    expect(JSON.parse(res.body.toString())).toEqual({ data: { id: 'abc' } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(seen).toHaveLength(1);
    const [cmsSaw] = seen as [Seen];
    expect(cmsSaw).toMatchObject({ method: 'POST', url: '/api/testimony-submissions', body: '{"data":{"title":"Una storia"}}' });
    expect(cmsSaw.headers).toMatchObject({
      'authorization': `Bearer ${SITE_TOKEN}`,
      'x-site-client-address': '203.0.113.9',
      'idempotency-key': '0b7f3c1e-8a2d-4c5b-9e6f-1a2b3c4d5e6f',
      'x-request-id': 'req-123',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(cmsSaw.headers['x-forwarded-for']).toBeUndefined();
    expect(cmsSaw.headers.cookie).toBeUndefined();
  });

  it('without the site\'s token (development), relays neither a token nor an address the CMS would ignore anyway', async () => {
    await relayToCms(request({ endpoint: 'altchaChallenge', body: null }), { cmsUrl, siteToken: '' });
    const [cmsSaw] = seen as [Seen];
    expect(cmsSaw.url).toBe('/api/altcha/challenge');
    expect(cmsSaw.headers.authorization).toBeUndefined();
    expect(cmsSaw.headers['x-site-client-address']).toBeUndefined();
  });

  it('does not forward a body to an endpoint that takes none', async () => {
    await relayToCms(request({ endpoint: 'withdrawSubmission', params: { token: 'tok' }, body: json({ data: 'x'.repeat(100) }) }), settings());
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/testimony-submissions/withdraw/tok', body: '' });
  });

  it('refuses a body over the cap with a 413, declared or streamed, without asking the CMS', async () => {
    const declared = await relayToCms(request({ headers: { 'content-type': 'application/json', 'content-length': '70000' } }), settings());
    expect(declared.status).toBe(413);
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(4096, 'a'));
    const streamed = await relayToCms(request({ body: Readable.from(chunks) }), { ...settings(), maxBodyBytes: 64 * 1024 });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body.toString())).toMatchObject({ data: null, error: { status: 413, details: { errors: [{ field: '_form', code: 'too_large' }] } } });
    const json415 = await relayToCms(request({ headers: { 'content-type': 'text/plain' } }), settings());
    expect(json415.status).toBe(415);
    expect(seen).toHaveLength(0);
  });

  it('passes the CMS\'s refusals back unchanged, with Retry-After', async () => {
    const refusal = '{"data":null,"error":{"status":429,"name":"RateLimitError","message":"Too many","details":{"errors":[{"field":"_form","code":"antiabuse.busy","message":"Troppi"}]}}}';
    answer = () => ({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '45', 'set-cookie': 'x=y' }, body: refusal });
    const res = await relayToCms(request({}), settings());
    expect(res.status).toBe(429);
    expect(res.body.toString()).toBe(refusal);
    expect(res.headers).toEqual({ 'content-type': 'application/json', 'retry-after': '45', 'cache-control': 'no-store' });
    answer = () => ({ status: 400, body: '{"data":null,"error":{"status":400}}' });
    const invalid = await relayToCms(request({}), settings());
    expect(invalid.status).toBe(400);
    expect(invalid.body.toString()).toBe('{"data":null,"error":{"status":400}}');
  });

  it('answers 504 when the CMS is too slow, 502 when it cannot be reached or redirects', async () => {
    answer = () => ({ status: 202, body: '{}', delayMs: 500 });
    const slow = await relayToCms(request({}), { ...settings(), timeoutMs: 100 });
    expect(slow.status).toBe(504);
    expect(JSON.parse(slow.body.toString())).toMatchObject({ error: { status: 504, details: { errors: [{ field: '_form' }] } } });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await relayToCms(request({}), { cmsUrl: `http://127.0.0.1:${port}`, siteToken: SITE_TOKEN });
    expect(down.status).toBe(502);

    answer = () => ({ status: 302, headers: { location: 'http://elsewhere.example/' } });
    expect((await relayToCms(request({}), settings())).status).toBe(502);
  });
});
