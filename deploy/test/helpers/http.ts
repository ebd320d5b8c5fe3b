import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Raw header list, to count repeated headers. */
  rawHeaders: string[];
  body: Buffer;
}

export interface Ask {
  port: number;
  host: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  tls?: boolean;
}

/** One request with full control of Host (fetch does not allow setting it). */
export function ask({ port, host, path = '/', method = 'GET', headers = {}, body, tls = false }: Ask): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, method, headers: { host, ...headers }, agent: false as const };
    const request = tls
      ? https.request({ ...options, servername: host, rejectUnauthorized: false })
      : http.request(options);
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${host}${path}: no answer in 10 s`)));
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.end(body);
  });
}

/** How many times a header appears in an answer (case-insensitive). */
export const headerCount = (answer: Answer, name: string): number =>
  answer.rawHeaders.filter((value, index) => index % 2 === 0 && value.toLowerCase() === name.toLowerCase()).length;

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

export interface Upstream {
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

/**
 * A tiny upstream on a loopback port: records every request it gets and
 * answers with `respond`'s status, headers and body (JSON of what it saw by
 * default), like the site, the CMS or object storage behind the proxy.
 */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export async function startUpstream(name: string, respond?: (seen: Seen) => Reply | undefined): Promise<Upstream> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
    });
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, bodyBytes };
      seen.push(entry);
      const answer = respond?.(entry) ?? {};
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? JSON.stringify({ upstream: name, ...entry }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A free loopback port (the OS picks one; released before nginx binds it). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
