import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the partner must verify it. */
  body: Buffer;
  receivedAt: number;
}

/**
 * A partner's webhook endpoint: a real local HTTP server that records every
 * request and answers with the statuses queued for its path (200 when none).
 */
export interface WebhookReceiver {
  origin: string;
  requests: ReceivedRequest[];
  /** The next answers on `path`, in order. */
  answer(path: string, ...statuses: number[]): void;
  on(path: string): ReceivedRequest[];
  /** Resolves once `path` has received `count` requests (fails after `timeoutMs`). */
  waitFor(path: string, count?: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queued = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks), receivedAt: Date.now() });
      const status = queued.get(path)?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `errore ${status} del partner`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const on = (path: string) => requests.filter((r) => r.path === path);

  return {
    origin,
    requests,
    answer: (path, ...statuses) => queued.set(path, [...(queued.get(path) ?? []), ...statuses]),
    on,
    async waitFor(path, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (on(path).length < count) {
        if (Date.now() > deadline) throw new Error(`${path} received ${on(path).length} request(s), expected ${count}, within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return on(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `probe` until it returns a value other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A read-only content-API token, as a partner gets one. */
export async function createReadOnlyToken(strapi: Core.Strapi, name: string): Promise<string> {
  const tokens = strapi.service('admin::api-token') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  const { accessKey } = await tokens.create({ name, description: '', type: 'read-only', kind: 'content-api', lifespan: null });
  return accessKey;
}
