import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real local HTTP server for the client's unit tests (never a mocked
 * network): each test sets `handle`; every request is recorded.
 */
export interface TestServer {
  origin: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const state: Omit<TestServer, 'origin' | 'close'> = {
    requests: [],
    handle: (_req, res) => {
      res.statusCode = 500;
      res.end();
    },
  };
  const server: Server = createServer((req, res) => {
    state.requests.push({ method: req.method ?? 'GET', url: decodeURIComponent(req.url ?? '/'), headers: req.headers });
    state.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Sends a JSON body with a status and headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Strapi's error envelope. */
export const strapiError = (status: number, name: string, message: string) => ({ data: null, error: { status, name, message, details: {} } });
