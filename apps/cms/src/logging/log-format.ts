import { formats, winston } from '@strapi/logger';
import { currentRequestId } from './request-id-context';

/**
 * The CMS's log formats (config/logger.ts): one JSON object per line in
 * production, for a log collector; Strapi's readable lines otherwise. Both
 * carry the id of the request being served (X-Request-Id).
 */
export type LogFormatName = 'json' | 'pretty';

const MESSAGE = Symbol.for('message');

/** Fields every line has, in this order, before the line's own (method, path, status, duration...). */
export interface LogLine {
  time: string;
  level: string;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

/** Winston's bookkeeping (level, message, splat) and the fields written first: not repeated among the line's own. */
const RESERVED = new Set(['level', 'message', 'timestamp', 'time', 'msg', 'requestId', 'stack', 'splat']);

/** The JSON object of one log entry (exported for the tests). */
export function toLogLine(info: Record<string | symbol, unknown>, now: Date = new Date()): LogLine {
  const requestId = typeof info.requestId === 'string' ? info.requestId : currentRequestId();
  const line: LogLine = {
    time: now.toISOString(),
    level: String(info.level),
    msg: typeof info.message === 'string' ? info.message : JSON.stringify(info.message) ?? '',
    ...(requestId ? { requestId } : {}),
  };
  for (const [key, value] of Object.entries(info)) {
    if (!RESERVED.has(key) && value !== undefined) line[key] = value;
  }
  if (typeof info.stack === 'string') line.stack = info.stack;
  return line;
}

/** Writes each entry as one line of JSON (a stack trace included, its line breaks escaped). */
const jsonLines = winston.format((info) => {
  (info as unknown as Record<symbol, string>)[MESSAGE] = JSON.stringify(toLogLine(info as unknown as Record<string | symbol, unknown>));
  return info;
});

/** Adds ` [request id]` to a readable line written while a request is served. */
const readableRequestId = winston.format((info) => {
  const requestId = typeof info.requestId === 'string' ? info.requestId : currentRequestId();
  if (requestId && typeof info.message === 'string') info.message = `${info.message} [${requestId}]`;
  return info;
});

export function logFormat(name: LogFormatName): winston.Logform.Format {
  return name === 'json' ? jsonLines() : winston.format.combine(readableRequestId(), formats.prettyPrint());
}

/**
 * LOG_FORMAT (`json` or `pretty`); default: `json` with NODE_ENV=production,
 * `pretty` otherwise. Anything else stops the CMS, saying what is accepted.
 */
export function logFormatName(env: Readonly<Record<string, string | undefined>>): LogFormatName {
  const value = env.LOG_FORMAT?.trim().toLowerCase() ?? '';
  if (value === '') return env.NODE_ENV === 'production' ? 'json' : 'pretty';
  if (value === 'json' || value === 'pretty') return value;
  throw new Error(`LOG_FORMAT="${env.LOG_FORMAT}" must be json or pretty (unset: json with NODE_ENV=production, pretty otherwise).`);
}

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

/**
 * LOG_LEVEL; default: `http` with NODE_ENV=production (errors, warnings,
 * information and one line per request; health probes that pass are `debug`),
 * Strapi's own (`silly`, everything) otherwise.
 */
export function logLevel(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.LOG_LEVEL?.trim().toLowerCase() ?? '';
  if (value === '') return env.NODE_ENV === 'production' ? 'http' : 'silly';
  if ((LEVELS as readonly string[]).includes(value)) return value;
  throw new Error(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of ${LEVELS.join(', ')}.`);
}
