import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from './log-line';
import { currentRequestId, runWithRequestId } from './request-context';
import { trackRequest } from './request-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A real server doing what server/plugins/page-cache.ts does with each request. */
const logged: LogEntry[] = [];
const seen: Array<{ header: unknown; context: string | undefined }> = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const requestId = trackRequest(req, res, (entry) => logged.push(entry));
    res.setHeader('x-request-id', requestId);
    runWithRequestId(requestId, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push({ header: req.headers['x-request-id'], context: currentRequestId() });
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const waitForLog = async (count: number) => {
  for (let i = 0; i < 100 && logged.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('trackRequest', () => {
  it('keeps a valid X-Request-Id, gives it to the rest of the request, and logs one line', async () => {
    logged.length = 0;
    seen.length = 0;
    const res = await fetch(`${origin}/articoli/una-storia?q=privato`, { headers: { 'X-Request-Id': 'nginx-0a1b2c3d' } });
    expect(res.headers.get('x-request-id')).toBe('nginx-0a1b2c3d');
    await waitForLog(1);
    expect(seen).toEqual([{ header: 'nginx-0a1b2c3d', context: 'nginx-0a1b2c3d' }]);
    expect(logged).toEqual([{
      level: 'http', msg: expect.stringMatching(/^GET \/articoli\/una-storia 200 \(\d+ ms\)$/),
      requestId: 'nginx-0a1b2c3d', method: 'GET', path: '/articoli/una-storia', status: 200, duration: expect.any(Number),
    }]);
    // The query stays out of the log.
    expect(JSON.stringify(logged)).not.toContain('privato');
  });

  it('replaces a missing or forged id with a new one, everywhere', async () => {
    logged.length = 0;
    seen.length = 0;
    const res = await fetch(`${origin}/missing`, { headers: { 'X-Request-Id': 'x'.repeat(65) } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    await waitForLog(1);
    expect(seen).toEqual([{ header: id, context: id }]);
    expect(logged[0]).toMatchObject({ requestId: id, status: 404, path: '/missing' });
    const other = await fetch(`${origin}/`);
    expect(other.headers.get('x-request-id')).toMatch(UUID);
    expect(other.headers.get('x-request-id')).not.toBe(id);
  });

  it('does not log health probes that pass', async () => {
    logged.length = 0;
    await fetch(`${origin}/healthz`);
    await fetch(`${origin}/readyz`);
    await fetch(`${origin}/`);
    await waitForLog(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(logged.map((entry) => entry.path)).toEqual(['/']);
  });

  it('never logs the private token of a submission\'s status or withdrawal (relayed to the CMS)', async () => {
    logged.length = 0;
    await fetch(`${origin}/api/testimony-submissions/status/segreto-privato-123`);
    await fetch(`${origin}/api/testimony-submissions/withdraw/segreto-privato-456`, { method: 'POST' });
    await waitForLog(2);
    expect(logged.map((entry) => entry.path)).toEqual(['/api/testimony-submissions/status/[token]', '/api/testimony-submissions/withdraw/[token]']);
    expect(JSON.stringify(logged)).not.toContain('segreto');
  });
});
