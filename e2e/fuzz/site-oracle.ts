import { headSize, type SiteAnswer, type SiteRequest } from './site-http';

/**
 * What every answer of the site must be, whatever it was sent
 * (e2e/fuzz-site.e2e.ts): never a 5xx, never a stack trace or a path of the
 * server's files, never a shared secret; a redirect only to this site; a
 * refusal (4xx) with a message saying what was wrong.
 */

export interface OracleContext {
  /** The site's origin: where every redirect must stay. */
  origin: string;
  /** Texts no answer may contain (the shared secrets, the repository's path). */
  secrets: readonly string[];
}

/** A line of a V8 stack trace: `at fn (/path/file.mjs:12:34)`, `at file:///…:1:2`, `at node:internal/…`. */
const STACK_FRAME = /\bat (?:async )?(?:[\w$.<>[\] ]+ \()?(?:\/|file:\/\/|node:)[^\s)]*:\d+:\d+\)?/;
/** Where the server's own files live: never in an answer. */
const SERVER_PATHS = /node_modules|\.output\/server|\.nuxt\/dist|\/chunks\/(?:build|routes|nitro)\//;
/**
 * A Location whose path a browser could read as another host once it strips
 * tabs and newlines, or reads `\` as `/` (in the query, a `\` is only a
 * character); control characters nowhere.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is checked
const BAD_PATH_CHARACTERS = /[\u0000-\u0020\u007F-\u009F\\]/;
// eslint-disable-next-line no-control-regex -- control characters are what is checked
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/** A status line's reason phrase says the status, and no more (it once echoed the whole address). */
const MAX_REASON_LENGTH = 100;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Whether a refusal says what was wrong: an HTML page with a heading, JSON with a message, or some plain text. */
function hasMessage(answer: SiteAnswer): boolean {
  const type = first(answer.headers['content-type']) ?? '';
  const text = answer.text.trim();
  if (text === '') return false;
  if (/json/i.test(type)) {
    try {
      const body = JSON.parse(text) as { message?: unknown; statusMessage?: unknown; error?: { message?: unknown } };
      const message = body.message ?? body.error?.message ?? body.statusMessage;
      return typeof message === 'string' && message.trim() !== '';
    } catch {
      return false;
    }
  }
  if (/html/i.test(type)) return /<h1[^>]*>[^<]*\S/.test(text);
  return true;
}

/**
 * Node's HTTP parser refuses a request whose line and headers pass 16 KB
 * (431) or that it cannot parse (400) before any of the site's code runs:
 * a bare status line, then the connection closed. Its reason phrase is the
 * message (and a proxy in front has its own limits anyway).
 */
const refusedByParser = (answer: SiteAnswer): boolean =>
  (answer.status === 431 || answer.status === 400) && answer.text === '' && answer.headers['content-type'] === undefined && answer.headers.connection === 'close';

/** The problems with one answer (empty: a good answer). */
export function problemsOf(request: SiteRequest, answer: SiteAnswer, { origin, secrets }: OracleContext): string[] {
  const problems: string[] = [];
  if (answer.status === 0) {
    // Node's parser answered 431 and closed the connection while a large body was still being sent.
    if (headSize(request) > 16_384 && /ECONNRESET|EPIPE/.test(answer.error ?? '')) return [];
    return [`no answer (${answer.error ?? 'unknown error'})`];
  }
  if (answer.statusText.length > MAX_REASON_LENGTH) problems.push(`a reason phrase of ${answer.statusText.length} characters: ${JSON.stringify(answer.statusText.slice(0, 80))}…`);
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  const stack = STACK_FRAME.exec(answer.text);
  if (stack) problems.push(`a stack trace in the body: ${stack[0]}`);
  const path = SERVER_PATHS.exec(answer.text);
  if (path) problems.push(`a server path in the body: …${answer.text.slice(Math.max(0, path.index - 60), path.index + 60)}…`);
  for (const secret of secrets) {
    if (answer.text.includes(secret) || JSON.stringify(answer.headers).includes(secret)) problems.push('a secret in the answer');
  }
  if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
    const location = first(answer.headers.location);
    if (!location) {
      problems.push(`a ${answer.status} without Location`);
    } else if (BAD_PATH_CHARACTERS.test(location.split(/[?#]/)[0]!) || CONTROL_CHARACTERS.test(location) || location.startsWith('//')) {
      problems.push(`a Location a browser may read as another host: ${JSON.stringify(location)}`);
    } else if (new URL(location, origin).origin !== origin) {
      problems.push(`a redirect off the site: ${JSON.stringify(location)}`);
    }
  }
  if (request.authentic === false) {
    if (answer.status >= 200 && answer.status < 300) problems.push(`a forged credential got a ${answer.status}`);
    if (first(answer.headers.location)?.includes('anteprima=')) problems.push('a forged preview link led to a preview page');
  }
  if (answer.status >= 400 && answer.status < 500 && request.method !== 'HEAD' && !hasMessage(answer) && !refusedByParser(answer)) {
    problems.push(`a ${answer.status} without a message (${first(answer.headers['content-type']) ?? 'no content-type'}): ${JSON.stringify(answer.text.slice(0, 200))}`);
  }
  return problems;
}

/** Counts of what the site answered, for the test's report. */
export class SiteFuzzStats {
  readonly byTarget = new Map<string, Map<number, number>>();
  requests = 0;

  record(request: SiteRequest, answer: SiteAnswer): void {
    this.requests++;
    const statuses = this.byTarget.get(request.target) ?? new Map<number, number>();
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    this.byTarget.set(request.target, statuses);
  }

  count(predicate: (status: number) => boolean): number {
    let total = 0;
    for (const statuses of this.byTarget.values()) for (const [status, n] of statuses) if (predicate(status)) total += n;
    return total;
  }

  summary(): string {
    const lines = [...this.byTarget].map(([target, statuses]) =>
      `  ${target.padEnd(12)} ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
    return [`${this.requests} requests to the site:`, ...lines].join('\n');
  }
}

/** A request as the report shows it. */
export const describeRequest = (request: SiteRequest): string =>
  `${request.method} ${request.path.length > 300 ? `${request.path.slice(0, 300)}… (${request.path.length} chars)` : request.path}${
    request.body ? ` [${request.body.bytes.length} bytes${request.body.chunked ? ', chunked' : ''}: ${JSON.stringify(request.body.bytes.subarray(0, 120).toString('latin1'))}]` : ''}${
    request.headers ? ` ${JSON.stringify(request.headers).slice(0, 300)}` : ''}`;
