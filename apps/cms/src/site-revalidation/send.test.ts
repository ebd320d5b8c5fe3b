import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendRevalidation } from './send';
import type { RevalidationRequest } from './payload';
import type { SiteRevalidationConfig } from './config';

const request: RevalidationRequest = { type: 'article', action: 'published', documentId: 'd', slug: 's', related: {}, at: '2026-11-28T10:00:00.000Z' };

interface Received { authorization: string | undefined; body: unknown }

describe('sendRevalidation (against a real local server)', () => {
  let server: Server;
  let url: string;
  let received: Received[];
  /** The status of each next answer; 'hang' never answers. */
  let script: Array<number | 'hang'>;
  const logs: string[] = [];
  const log = { warn: (m: string) => logs.push(`warn ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  const config = (overrides: Partial<SiteRevalidationConfig> = {}): SiteRevalidationConfig =>
    ({ url, secret: 'x'.repeat(32), timeoutMs: 300, retryDelaysMs: [10, 20], ...overrides });

  const readBody = async (req: IncomingMessage) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    return JSON.parse(raw) as unknown;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({ authorization: req.headers.authorization, body });
        const next = script.shift() ?? 200;
        if (next === 'hang') return;
        res.writeHead(next, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received = [];
    script = [];
    logs.length = 0;
  });

  it('POSTs the JSON body with the bearer secret', async () => {
    expect(await sendRevalidation(config(), request, log)).toEqual({ ok: true, attempts: 1, status: 200 });
    expect(received).toEqual([{ authorization: `Bearer ${'x'.repeat(32)}`, body: request }]);
    expect(logs).toEqual([]);
  });

  it('retries failures and timeouts, then succeeds', async () => {
    script = [503, 'hang', 204];
    expect(await sendRevalidation(config(), request, log)).toEqual({ ok: true, attempts: 3, status: 204 });
    expect(received).toHaveLength(3);
    expect(logs).toEqual([expect.stringMatching(/attempt 1 .*503/), expect.stringMatching(/attempt 2 .*no answer within 300 ms/)]);
  });

  it('gives up after the retries, with an error that names the URL, and never throws', async () => {
    script = [500, 500, 500];
    expect(await sendRevalidation(config(), request, log)).toEqual({ ok: false, attempts: 3, status: 500 });
    expect(logs.at(-1)).toMatch(new RegExp(`^error \\[site-revalidation\\] \\[POST\\] "${url}" failed for published article d after 3 attempt`));
  });

  it('does not retry a refusal (wrong secret): a configuration error', async () => {
    script = [401];
    expect(await sendRevalidation(config(), request, log)).toEqual({ ok: false, attempts: 1, status: 401 });
    expect(logs).toEqual([expect.stringMatching(/^error .*401/)]);
  });

  it('survives a site that is down', async () => {
    const down = config({ url: 'http://127.0.0.1:9/api/revalidate', retryDelaysMs: [5] });
    expect(await sendRevalidation(down, request, log)).toMatchObject({ ok: false, attempts: 2, status: 0 });
  });
});
