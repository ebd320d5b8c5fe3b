import { formatWithOptions } from 'node:util';

/**
 * The site server's log lines: one JSON object per line in production (for
 * a log collector), readable lines in development (`nuxt dev`). The same
 * fields as the CMS's (apps/cms/src/logging): time, level, msg, requestId,
 * and a request's method, path, status, duration (ms).
 */
export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'error' | 'warn' | 'info' | 'http' | 'debug';

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

/** One line (without its line break) for `entry`, written at `time`. */
export function formatLogLine(format: LogFormat, entry: LogEntry, time: Date = new Date()): string {
  const { level, msg, requestId, ...fields } = entry;
  if (format === 'json') {
    return JSON.stringify({ time: time.toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields });
  }
  return `[${time.toISOString()}] ${level}: ${msg}${requestId ? ` [${requestId}]` : ''}`;
}

/** The text of console.* arguments, as console itself would print them (an error with its stack). */
export const consoleText = (args: readonly unknown[]): string => formatWithOptions({ colors: false, breakLength: Infinity }, ...args);
