import { createChallenge } from 'altcha-lib';
import { loadAntiAbuseConfig, type FormName } from '../../../src/api/anti-abuse/lib/config';
import { issueFormToken } from '../../../src/api/anti-abuse/lib/form-token';
import { PLACEHOLDERS, type Placeholder } from './bodies';
import type { FuzzRequest, Mode } from './requests';
import { encodeText } from './text';

/**
 * Sending a generated request, and what every answer must satisfy: no 5xx,
 * no stack trace, Strapi's error envelope on every 4xx, no private
 * attribute, secret or draft in any 2xx.
 */

export interface Observation {
  status: number;
  text: string;
  /** The request as sent: URL and body text (placeholders filled). */
  url: string;
  body?: string;
  /** Set when no answer came (connection error, timeout). */
  error?: string;
}

/** Fresh anti-abuse proofs for the placeholders of a body (see bodies.ts), made with the CMS's own keys. */
export type Proofs = (name: Placeholder, form: FormName) => Promise<string>;

export function antiAbuseProofs(env: NodeJS.ProcessEnv = process.env): Proofs {
  const config = loadAntiAbuseConfig(env);
  const altcha = async (expiresInMs: number, wrong = false): Promise<string> => {
    const number = 7;
    const challenge = await createChallenge({ algorithm: 'SHA-256', hmacKey: config.altchaKey, number, maxnumber: 10, expires: new Date(Date.now() + expiresInMs) });
    const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: wrong ? number + 1 : number, salt: challenge.salt, signature: challenge.signature };
    return Buffer.from(JSON.stringify(payload)).toString('base64');
  };
  let replay: Promise<string> | undefined;
  const { ttlSeconds, minFillSeconds } = config.formToken;
  const token = (form: FormName, ageMs: number) => issueFormToken(config.formTokenKey, form, ttlSeconds, Date.now() - ageMs).token;
  return async (name, form) => {
    switch (name) {
      case 'FORM_TOKEN': return token(form, minFillSeconds * 1000 + 1000);
      case 'FORM_TOKEN_OTHER': return token(form === 'testimony' ? 'contact' : 'testimony', minFillSeconds * 1000 + 1000);
      case 'FORM_TOKEN_EXPIRED': return token(form, ttlSeconds * 1000 + 60_000);
      case 'ALTCHA': return altcha(10 * 60_000);
      case 'ALTCHA_EXPIRED': return altcha(-60_000);
      case 'ALTCHA_WRONG': return altcha(10 * 60_000, true);
      case 'ALTCHA_REPLAY': return (replay ??= altcha(10 * 60_000));
    }
  };
}

const PLACEHOLDER = new RegExp(`<<(${PLACEHOLDERS.join('|')})>>`, 'g');

async function fill(text: string, proofs: Proofs, form: FormName): Promise<string> {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as Placeholder);
  if (names.length === 0) return text;
  const values = await Promise.all(names.map((name) => proofs(name, form)));
  let i = 0;
  return text.replace(PLACEHOLDER, () => values[i++]!);
}

export interface Target {
  /** Origin of the CMS. */
  origin: string;
  /** API prefix, e.g. `/api`. */
  prefix: string;
  proofs: Proofs;
}

const FORM_OF: Record<string, FormName> = { submitTestimony: 'testimony', sendContactMessage: 'contact' };

/** Sends one request; never throws (a request that got no answer is an observation too). */
export async function send(request: FuzzRequest, { origin, prefix, proofs }: Target): Promise<Observation> {
  const url = `${origin}${prefix}${request.path}${request.query ? `?${request.query}` : ''}`;
  const headers: Record<string, string> = { ...request.headers };
  let bodyOf: (() => Uint8Array | ReadableStream<Uint8Array>) | undefined;
  let sentText: string | undefined;
  const form = FORM_OF[request.operation] ?? 'testimony';
  if (request.body) {
    const { contentType, text, bytes, chunked } = request.body;
    if (contentType !== undefined) headers['content-type'] = contentType;
    let buffer: Buffer;
    if (bytes) {
      sentText = await fill(Buffer.from(bytes).toString('latin1'), proofs, form);
      buffer = Buffer.from(sentText, 'latin1');
    } else {
      sentText = await fill(text ?? '', proofs, form);
      buffer = Buffer.from(sentText, 'utf8');
    }
    bodyOf = () => (chunked ? streamOf(buffer) : new Uint8Array(buffer));
  }
  for (let attempt = 1; ; attempt++) {
    const body = bodyOf?.();
    try {
      const res = await fetch(url, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
      return { status: res.status, text: await res.text(), url, body: sentText };
    } catch (error) {
      // A pooled keep-alive connection the server closed as idle (its 5 s keepAliveTimeout: proofs of work
      // are solved between requests, slowly on a loaded machine) is reset when reused: once more on a new
      // connection. A server that resets this request itself resets it again, and the answer is "no answer".
      if (attempt === 1 && isStaleConnection(error)) continue;
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { status: 0, text: '', url, body: sentText, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
    }
  }
}

function isStaleConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

function streamOf(buffer: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= buffer.length) {
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(buffer.subarray(offset, offset + 16_384)));
      offset += 16_384;
    },
  });
}

/** Signs of a stack trace or of the server's files in a body (JSON escapes newlines as `\n`). */
const STACK_TRACES: readonly RegExp[] = [
  /(?:\\n|\n)\s*at (?:async )?[^\s"]+ \(/,
  /(?:\\n|\n)\s*at (?:async )?(?:file:\/\/)?\/[^\s"]+:\d+:\d+/,
  /[\w-]+\.(?:js|ts|mjs|cjs):\d+:\d+/,
  /node_modules[\\/]/,
  /node:internal/,
];

export interface Oracle {
  /** Texts no 2xx answer may contain: markers of drafts and private data, tokens. */
  secrets: readonly string[];
  /** Keys of private attributes (`"createdBy":`...). */
  privateKeys: RegExp;
  /** Answers that may name such keys: the contract document (it describes the forms' bodies), whatever the operation that reached it. */
  privateKeysAllowed: (request: FuzzRequest, observation: Observation) => boolean;
  /** Paths of this machine no body may show. */
  serverPaths: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function envelopeProblem(status: number, text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'a 4xx whose body is not JSON (expected Strapi\'s error envelope)';
  }
  if (!isRecord(body) || body.data !== null) return 'a 4xx without `data: null`';
  const { error } = body;
  if (!isRecord(error)) return 'a 4xx without an `error` object';
  if (error.status !== status) return `a 4xx whose error.status is ${JSON.stringify(error.status)}`;
  if (typeof error.name !== 'string' || error.name === '') return 'a 4xx without error.name';
  if (typeof error.message !== 'string' || error.message === '') return 'a 4xx without error.message';
  return undefined;
}

/** What is wrong with an answer (empty: nothing). */
export function problemsOf(request: FuzzRequest, observation: Observation, oracle: Oracle): string[] {
  const { status, text } = observation;
  const problems: string[] = [];
  if (observation.error !== undefined) return [`no answer (${observation.error})`];
  if (status >= 500) problems.push(`answered ${status}`);
  const trace = STACK_TRACES.find((pattern) => pattern.test(text));
  if (trace) problems.push(`a stack trace or server file in the body (${trace})`);
  const path = oracle.serverPaths.find((p) => text.includes(p));
  if (path) problems.push(`the server path ${path} in the body`);

  // Node's HTTP parser refuses request heads over 16 KB (431) before Strapi sees them: no body to check.
  const parserRefusal = status === 431 && text === '';
  if (status >= 400 && status < 500 && request.method !== 'HEAD' && !parserRefusal) {
    const problem = envelopeProblem(status, text);
    if (problem) problems.push(problem);
  }

  if (status >= 200 && status < 300 && text) {
    let data = text;
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed) && 'data' in parsed) data = JSON.stringify(parsed.data);
    } catch {
      // Not JSON: check the whole text.
    }
    // The request may carry a secret itself (the fuzz hunts for them): then only `data` must not hold it.
    const sent = `${observation.url}\n${observation.body ?? ''}`;
    for (const secret of oracle.secrets) {
      const where = sent.includes(secret) || sent.includes(encodeText(secret)) ? data : text;
      if (where.includes(secret)) problems.push(`leaks "${secret}"`);
    }
    const key = oracle.privateKeysAllowed(request, observation) ? null : oracle.privateKeys.exec(data);
    if (key) problems.push(`leaks the private attribute ${key[0]}`);
    if (/"publishedAt":null/.test(data)) problems.push('serves a draft ("publishedAt":null)');
  }
  return problems;
}

/** Requests and statuses, by operation and mode, for the report. */
export class FuzzStats {
  total = 0;
  readonly byOperation = new Map<string, Map<number, number>>();
  readonly byStatus = new Map<number, number>();
  readonly byMode = new Map<Mode, number>();

  add(request: FuzzRequest, status: number): void {
    this.total++;
    const statuses = this.byOperation.get(request.operation) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.byOperation.set(request.operation, statuses);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.byMode.set(request.mode, (this.byMode.get(request.mode) ?? 0) + 1);
  }

  count(operation: string): number {
    return [...(this.byOperation.get(operation)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }

  report(): string {
    const statuses = (map: Map<number, number>) => [...map.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    const lines = [
      `${this.total} requests · modes ${[...this.byMode.entries()].map(([m, n]) => `${m} ${n}`).join(', ')}`,
      `statuses ${statuses(this.byStatus)}`,
      ...[...this.byOperation.entries()].map(([operation, map]) => `  ${operation.padEnd(22)} ${String(this.count(operation)).padStart(5)}  (${statuses(map)})`),
    ];
    return lines.join('\n');
  }
}
