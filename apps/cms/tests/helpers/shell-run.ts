import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ShellCommand } from './doc-blocks';

/** One HTTP request a documented command made with curl. */
export interface CurlCall {
  args: string[];
  method: string;
  url: URL;
  status: number;
  headers: Headers;
  /** The answer's body, when curl printed it (no `-o`, no `-w`); without the headers of `-i`. */
  body?: string;
}

/** A documented command, run: what it printed, its exit status, and the requests it made. */
export interface CommandRun extends ShellCommand {
  stdout: string;
  stderr: string;
  exitCode: number;
  calls: CurlCall[];
}

/**
 * The `curl` the commands call: the real one, silent but for errors, each
 * request's headers dumped and its output kept, under the number of the
 * command and of the request. `CLIENT_IP` plays the reader's address
 * (the test CMS trusts X-Forwarded-For).
 */
const CURL_WRAPPER = String.raw`
curl() {
  local count_file="$OUT/$EXAMPLE.count" n
  n=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
  echo "$n" > "$count_file"
  printf '%s\0' "$@" > "$OUT/$EXAMPLE.$n.args"
  command curl -sS -H "X-Forwarded-For: $CLIENT_IP" -D "$OUT/$EXAMPLE.$n.headers" "$@" | tee "$OUT/$EXAMPLE.$n.out"
}
`;

function parseHeaders(dump: string): { status: number; headers: Headers } {
  // The last answer of the dump (a 100 Continue comes first when there is one).
  const answers = dump.split(/\r?\n\r?\n/).filter((part) => part.startsWith('HTTP/'));
  const lines = (answers.at(-1) ?? '').split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
  const headers = new Headers();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return { status, headers };
}

function readCall(out: string, example: number, n: number): CurlCall {
  const args = readFileSync(path.join(out, `${example}.${n}.args`), 'utf8').split('\0').slice(0, -1);
  // No dump when curl failed before any answer (a bad URL, a refused connection): status 0.
  const dump = path.join(out, `${example}.${n}.headers`);
  const { status, headers } = parseHeaders(existsSync(dump) ? readFileSync(dump, 'utf8') : '');
  const printed = readFileSync(path.join(out, `${example}.${n}.out`), 'utf8');
  const option = (...names: string[]) => args.findIndex((arg) => names.includes(arg));
  const methodAt = option('-X', '--request');
  const method = methodAt >= 0 ? args[methodAt + 1]! : option('-I', '--head') >= 0 ? 'HEAD' : option('--data-binary', '-d', '--data') >= 0 ? 'POST' : 'GET';
  const url = new URL(args.find((arg) => /^https?:\/\//.test(arg))!);
  const printsBody = option('-o', '--output', '-w', '--write-out') < 0;
  const included = option('-i', '--include') >= 0;
  const body = printsBody ? (included ? printed.slice(printed.search(/\r?\n\r?\n/)).replace(/^\r?\n\r?\n/, '') : printed) : undefined;
  return { args, method, url, status, headers, body };
}

/**
 * Runs a shell example's commands in one bash, in order (variables set by
 * one are seen by the next), with `CMS`, `TOKEN` and the other variables of
 * `env`, and returns each command's output and requests.
 */
export async function runShellCommands(commands: ShellCommand[], env: Record<string, string>): Promise<CommandRun[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'chiudete-doc-sh-'));
  try {
    const script = [
      'set -o pipefail',
      CURL_WRAPPER,
      ...commands.map(({ command }, i) => `export EXAMPLE=${i}\n{ ${command}\n} > "$OUT/${i}.stdout" 2> "$OUT/${i}.stderr"; echo $? > "$OUT/${i}.rc"`),
    ].join('\n');
    writeFileSync(path.join(out, 'script.sh'), script);
    await promisify(execFile)('bash', [path.join(out, 'script.sh')], { env: { ...process.env, ...env, OUT: out }, timeout: 60_000 });
    return commands.map((command, i) => {
      const count = existsSync(path.join(out, `${i}.count`)) ? Number(readFileSync(path.join(out, `${i}.count`), 'utf8')) : 0;
      return {
        ...command,
        stdout: readFileSync(path.join(out, `${i}.stdout`), 'utf8'),
        stderr: readFileSync(path.join(out, `${i}.stderr`), 'utf8'),
        exitCode: Number(readFileSync(path.join(out, `${i}.rc`), 'utf8')),
        calls: Array.from({ length: count }, (_, n) => readCall(out, i, n + 1)),
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
