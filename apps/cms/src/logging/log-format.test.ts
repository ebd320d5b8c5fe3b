import { PassThrough } from 'node:stream';
import { createLogger, winston } from '@strapi/logger';
import { describe, expect, it } from 'vitest';
import { logFormat, logFormatName, logLevel, toLogLine } from './log-format';
import { runWithRequestId } from './request-id-context';

const time = new Date('2026-12-05T13:40:00.123Z');

/** A real logger, as Strapi creates it (config/logger.ts), writing to a string. */
function loggerWith(format: ReturnType<typeof logFormat>) {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const logger = createLogger({ level: 'silly', format, transports: [new winston.transports.Stream({ stream })] });
  return { logger, output: () => out };
}

describe('CMS log lines', () => {
  it('puts time, level, msg and the request id first, then the line\'s own fields', () => {
    const line = toLogLine({ level: 'http', message: 'GET /api/articles (12 ms) 200', requestId: 'abc-1', method: 'GET', path: '/api/articles', status: 200, duration: 12 }, time);
    expect(Object.keys(line)).toEqual(['time', 'level', 'msg', 'requestId', 'method', 'path', 'status', 'duration']);
    expect(line).toMatchObject({ time: '2026-12-05T13:40:00.123Z', level: 'http', msg: 'GET /api/articles (12 ms) 200' });
  });

  it('takes the request id of the request being served, and keeps an error\'s stack', () => {
    const error = Object.assign(new Error('boom'), { level: 'error' });
    const line = runWithRequestId('req-7', () => toLogLine(error as unknown as Record<string, unknown>, time));
    expect(line).toMatchObject({ level: 'error', msg: 'boom', requestId: 'req-7', stack: expect.stringMatching(/^Error: boom\n\s+at /) });
    expect(toLogLine({ level: 'info', message: 'booted' }, time)).not.toHaveProperty('requestId');
  });

  it('writes one JSON line in production, a readable one with the request id otherwise', async () => {
    const json = loggerWith(logFormat('json'));
    runWithRequestId('req-8', () => json.logger.http('GET / (1 ms) 200', { status: 200 }));
    const pretty = loggerWith(logFormat('pretty'));
    runWithRequestId('req-9', () => pretty.logger.http('GET / (1 ms) 200'));
    await new Promise((resolve) => setImmediate(resolve));
    const lines = json.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'http', msg: 'GET / (1 ms) 200', requestId: 'req-8', status: 200 });
    // eslint-disable-next-line no-control-regex -- the level is coloured
    expect(pretty.output().replace(/\u001b\[\d+m/g, '').trim()).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] http: GET \/ \(1 ms\) 200 \[req-9\]$/);
  });

  it('defaults to JSON and level http in production, readable and everything otherwise; refuses unknown values', () => {
    expect([logFormatName({ NODE_ENV: 'production' }), logLevel({ NODE_ENV: 'production' })]).toEqual(['json', 'http']);
    expect([logFormatName({}), logLevel({})]).toEqual(['pretty', 'silly']);
    expect(logFormatName({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(logLevel({ LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(() => logFormatName({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml" must be json or pretty/);
    expect(() => logLevel({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud" must be one of/);
  });
});
