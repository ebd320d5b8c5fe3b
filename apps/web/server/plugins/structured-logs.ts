import { consoleText, formatLogLine, logFormatOf, type LogLevel } from '../utils/logging/log-line';
import { currentRequestId } from '../utils/logging/request-context';

/**
 * In production (NUXT_LOG_FORMAT, server/utils/logging/log-line.ts), every
 * line the server writes through `console` becomes one JSON object (time,
 * level, msg, requestId of the request being served): the page cache's and
 * the CMS reader's warnings, Nuxt's and Nitro's own errors. The request
 * lines themselves are written by server/plugins/page-cache.ts.
 */
export default defineNitroPlugin(() => {
  const format = logFormatOf(useRuntimeConfig().logFormat, import.meta.dev);
  if (format !== 'json') return;
  const methods: Array<[keyof Pick<Console, 'error' | 'warn' | 'info' | 'log' | 'debug'>, LogLevel, NodeJS.WriteStream]> = [
    ['error', 'error', process.stderr],
    ['warn', 'warn', process.stderr],
    ['info', 'info', process.stdout],
    ['log', 'info', process.stdout],
    ['debug', 'debug', process.stdout],
  ];
  for (const [method, level, stream] of methods) {
    console[method] = (...args: unknown[]) => {
      stream.write(`${formatLogLine('json', { level, msg: consoleText(args), requestId: currentRequestId() })}\n`);
    };
  }
});
