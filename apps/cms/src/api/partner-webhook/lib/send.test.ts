import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from './send';

// One real local receiver; each test sets how it answers.
let server: Server;
let origin: string;
let handle: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_req, res) => res.end();
const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const send = (path: string, over: Partial<Parameters<typeof sendWebhook>[0]> = {}) =>
  sendWebhook({ url: `${origin}${path}`, body: '{"id":"evt_1"}', headers: { 'content-type': 'application/json', 'x-test': 'yes' }, timeoutMs: 1000, allowLocalUrls: true, ...over });

describe('sendWebhook', () => {
  it('POSTs the body with the headers; 2xx is success', async () => {
    handle = (_req, res) => res.writeHead(204).end();
    expect(await send('/hook')).toEqual({ ok: true, status: 204, error: null });
    expect(received.at(-1)).toMatchObject({ body: '{"id":"evt_1"}', headers: { 'x-test': 'yes', 'content-length': '14' } });
  });

  it('reports an error answer with the start of its body', async () => {
    handle = (_req, res) => res.writeHead(500).end(`database down ${'x'.repeat(1000)}`);
    const result = await send('/hook');
    expect(result.ok).toBe(false);
    expect(result.status).toBe(500);
    expect(result.error).toMatch(/^HTTP 500: database down x+$/);
    expect(result.error!.length).toBeLessThan(320);
  });

  it('does not follow redirects', async () => {
    let hits = 0;
    handle = (req, res) => {
      hits++;
      res.writeHead(307, { location: '/elsewhere' }).end();
    };
    const result = await send('/hook');
    expect(result).toMatchObject({ ok: false, status: 307, error: expect.stringMatching(/redirect to \/elsewhere not followed/) });
    expect(hits).toBe(1);
  });

  it('gives up after the timeout', async () => {
    handle = (_req, res) => setTimeout(() => res.writeHead(200).end(), 2000);
    const started = Date.now();
    const result = await send('/slow', { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/timeout/) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses loopback and private addresses when local URLs are not allowed, literal or resolved', async () => {
    const before = received.length;
    expect(await send('/hook', { allowLocalUrls: false })).toMatchObject({ ok: false, error: expect.stringMatching(/not a public address/) });
    const port = new URL(origin).port;
    const byName = await sendWebhook({ url: `http://localhost:${port}/hook`, body: '{}', headers: {}, timeoutMs: 1000, allowLocalUrls: false });
    expect(byName).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/EADDRNOTPUBLIC: localhost resolves to .*not a public address/) });
    expect(received.length).toBe(before);
  });

  it.each(['[::7f00:1]', '[::ffff:7f00:1]', '[::ffff:0:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', '[2001::1]'])(
    'refuses the literal address %s (an IPv4 address in IPv6 clothes) without connecting',
    async (host) => {
      const before = received.length;
      const port = new URL(origin).port;
      const result = await sendWebhook({ url: `http://${host}:${port}/hook`, body: '{}', headers: {}, timeoutMs: 1000, allowLocalUrls: false });
      expect(result).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/is not a public address: refused/) });
      expect(received.length).toBe(before);
    },
  );

  it('reports a connection failure', async () => {
    expect(await sendWebhook({ url: 'http://127.0.0.1:9/hook', body: '{}', headers: {}, timeoutMs: 1000, allowLocalUrls: true })).toMatchObject({
      ok: false,
      status: null,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});
