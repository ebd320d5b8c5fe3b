import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP proxy between the site and the CMS, for fault tests: it
 * forwards everything (`pass`), or answers the requests a rule matches with
 * an error status (the CMS throttling, failing), or never answers them (the
 * CMS hanging). Counts what it forwarded.
 */
export type Fault = { kind: 'status'; status: number; retryAfter?: number } | { kind: 'hang' };

export interface FaultProxy {
  url: string;
  /** Requests that reached the CMS, by path and query. */
  forwarded: string[];
  /** The X-Request-Id of each of those (same order; undefined when there was none). */
  requestIds: Array<string | undefined>;
  /** Applies `fault` to requests whose URL matches `match` (all when omitted); `undefined` heals. */
  set(fault: Fault | undefined, match?: RegExp): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rule: { fault: Fault; match: RegExp } | undefined;
  const forwarded: string[] = [];
  const requestIds: Array<string | undefined> = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (rule && rule.match.test(url)) {
      if (rule.fault.kind === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (rule.fault.retryAfter !== undefined) headers['retry-after'] = String(rule.fault.retryAfter);
      res.writeHead(rule.fault.status, headers).end(JSON.stringify({ data: null, error: { status: rule.fault.status, name: 'FaultProxy', message: 'injected by the test' } }));
      return;
    }
    forwarded.push(url);
    const requestId = req.headers['x-request-id'];
    requestIds.push(typeof requestId === 'string' ? requestId : undefined);
    const outgoing = request({ hostname: upstream.hostname, port: upstream.port, path: url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.on('error', () => res.writeHead(502).end());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    requestIds,
    set(fault, match = /./) {
      rule = fault ? { fault, match } : undefined;
    },
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
