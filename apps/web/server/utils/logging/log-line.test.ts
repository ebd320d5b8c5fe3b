import { describe, expect, it } from 'vitest';
import { consoleText, formatLogLine, logFormatOf } from './log-line';

const time = Date.parse('2026-12-05T13:40:00.123Z');

describe('log lines', () => {
  it('writes one JSON object per line in production, fields in a fixed order', () => {
    const line = formatLogLine('json', { level: 'http', msg: 'GET /articoli 200 (12 ms)', requestId: 'abc-1', method: 'GET', path: '/articoli', status: 200, duration: 12 }, time);
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['time', 'level', 'msg', 'requestId', 'method', 'path', 'status', 'duration']);
    expect(JSON.parse(line)).toEqual({ time: '2026-12-05T13:40:00.123Z', level: 'http', msg: 'GET /articoli 200 (12 ms)', requestId: 'abc-1', method: 'GET', path: '/articoli', status: 200, duration: 12 });
  });

  it('keeps a multi-line message (a stack trace) on one line, and leaves out a missing request id', () => {
    const line = formatLogLine('json', { level: 'error', msg: consoleText(['[page-cache] failed:', new Error('boom')]) }, time);
    expect(line).not.toContain('\n');
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).not.toHaveProperty('requestId');
    expect(entry.msg).toMatch(/^\[page-cache\] failed: Error: boom\n\s+at /);
  });

  it('writes each line\'s own time, lines of one millisecond included', () => {
    const times = [time, time, time + 1, time - 60_000, time + 1].map((at) => (JSON.parse(formatLogLine('json', { level: 'info', msg: 'x' }, at)) as { time: string }).time);
    expect(times).toEqual(['2026-12-05T13:40:00.123Z', '2026-12-05T13:40:00.123Z', '2026-12-05T13:40:00.124Z', '2026-12-05T13:39:00.123Z', '2026-12-05T13:40:00.124Z']);
  });

  it('writes readable lines in development', () => {
    expect(formatLogLine('pretty', { level: 'http', msg: 'GET / 200 (3 ms)', requestId: 'abc-1', status: 200 }, time)).toBe('[2026-12-05T13:40:00.123Z] http: GET / 200 (3 ms) [abc-1]');
    expect(formatLogLine('pretty', { level: 'warn', msg: 'Redis unavailable' }, time)).toBe('[2026-12-05T13:40:00.123Z] warn: Redis unavailable');
  });

  it('chooses JSON for the built server and readable lines under nuxt dev, unless NUXT_LOG_FORMAT says', () => {
    expect(logFormatOf('', false)).toBe('json');
    expect(logFormatOf('', true)).toBe('pretty');
    expect(logFormatOf('PRETTY', false)).toBe('pretty');
    expect(logFormatOf('json', true)).toBe('json');
    expect(() => logFormatOf('xml', false)).toThrow(/NUXT_LOG_FORMAT="xml" must be json or pretty/);
  });
});
