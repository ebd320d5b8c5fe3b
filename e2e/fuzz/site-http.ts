import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/**
 * Raw HTTP for the site's fuzz test (e2e/fuzz-site.e2e.ts). Not `fetch`:
 * the WHATWG URL parser would clean the very paths the test sends (it
 * resolves `/a/../b`, re-encodes `%` and backslashes), while Node's client
 * sends the request line byte for byte; and a body may be streamed in
 * chunks, without a `Content-Length`.
 */

export interface SiteRequest {
  /** What the request is about, for the report: `revalidate`, `cerca`... */
  target: string;
  method: string;
  /** Path and query exactly as sent (printable Latin-1, no spaces: Node refuses the rest). */
  path: string;
  headers?: Record<string, string | string[]>;
  body?: { bytes: Buffer; chunked?: boolean };
  /** False: a forged or damaged credential (secret, signature), which must open nothing. */
  authentic?: boolean;
}

export interface SiteAnswer {
  status: number;
  /** The status line's reason phrase. */
  statusText: string;
  headers: IncomingHttpHeaders;
  text: string;
  /** Why no answer came (status 0). */
  error?: string;
}

/** One agent, a few connections kept alive: the site sees a handful of busy clients. */
const agent = new Agent({ keepAlive: true, maxSockets: 6 });

/** Largest part of a body read back: enough to judge it. */
const MAX_READ = 2_000_000;

export function sendRaw(origin: string, request: SiteRequest, timeoutMs = 20_000): Promise<SiteAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: SiteAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const headers: Record<string, string | string[]> = { ...request.headers };
    if (request.body && !request.body.chunked) headers['content-length'] = String(request.body.bytes.length);
    let req: ReturnType<typeof httpRequest>;
    try {
      req = httpRequest({ agent, host: hostname, port, method: request.method, path: request.path, headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_READ) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => done({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), error: error.message }));
      });
    } catch (error) {
      // The client itself refused the request (a header it will not send): the test's own mistake.
      throw new Error(`Cannot send ${request.method} ${request.path.slice(0, 200)}: ${(error as Error).message}`, { cause: error });
    }
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server that answers before reading the whole body (a refused large body) may close the
    // connection while the body is still being written: the answer has arrived, the write error does not count.
    req.on('error', (error) => setTimeout(() => done({ status: 0, statusText: '', headers: {}, text: '', error: error.message }), 50));
    const body = request.body;
    if (!body) {
      req.end();
    } else if (!body.chunked) {
      req.end(body.bytes);
    } else {
      for (let offset = 0; offset < body.bytes.length; offset += 16_384) req.write(body.bytes.subarray(offset, offset + 16_384));
      req.end();
    }
  });
}

/** Bytes of the request line and headers (Node's server refuses more than 16 KB of them). */
export function headSize(request: SiteRequest): number {
  const headers = Object.entries(request.headers ?? {}).flatMap(([name, value]) => [value].flat().map((v) => name.length + v.length + 4));
  return request.method.length + request.path.length + 100 + headers.reduce((a, b) => a + b, 0);
}

export function closeConnections(): void {
  agent.destroy();
}
