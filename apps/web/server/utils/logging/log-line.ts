import { formatWithOptions } from 'node:util';

/**
 * The site server's log lines: one JSON object per line in production (for
 * a log collector), readable lines in development (`nuxt dev`). The same
 * fields as the CMS's (apps/cms/src/logging): time, level, msg, requestId,
 * and a request's method, path, status, duration (ms).
 */
export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'error' | 'warn' | 'info' | 'http' | 'debug';

/** Written after `time` in the order the entry holds its fields: callers put level, msg, requestId first. */
export interface LogEntry {
  level: LogLevel;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

/**
 * NUXT_LOG_FORMAT (`json` or `pretty`); empty: `pretty` under `nuxt dev`,
 * `json` in the built server. Anything else is refused, saying what is accepted.
 */
export function logFormatOf(value: string, development: boolean): LogFormat {
  const name = value.trim().toLowerCase();
  if (name === '') return development ? 'pretty' : 'json';
  if (name === 'json' || name === 'pretty') return name;
  throw new Error(`NUXT_LOG_FORMAT="${value}" must be json or pretty (empty: pretty under nuxt dev, json otherwise).`);
}

/**
 * The ISO form of a time in ms, kept for the next line of the same
 * millisecond: a busy server writes dozens of request lines in one, and a
 * `Date` and its `toISOString` for each was a tenth of a cache hit's cost
 * (docs/benchmarks/cached-pages.md).
 */
let isoMs = Number.NaN;
let iso = '';
function isoTime(ms: number): string {
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

/** One line (without its line break) for `entry`, written at `timeMs` (ms since the epoch). */
export function formatLogLine(format: LogFormat, entry: LogEntry, timeMs: number = Date.now()): string {
  const time = isoTime(timeMs);
  if (format === 'json') {
    // The time, then the entry's fields as written (level, msg, requestId first; an undefined one left out),
    // serialized as they are rather than copied into a new object first.
    return `{"time":"${time}",${JSON.stringify(entry).slice(1)}`;
  }
  return `[${time}] ${entry.level}: ${entry.msg}${entry.requestId ? ` [${entry.requestId}]` : ''}`;
}

/** The text of console.* arguments, as console itself would print them (an error with its stack). */
export const consoleText = (args: readonly unknown[]): string => formatWithOptions({ colors: false, breakLength: Infinity }, ...args);
