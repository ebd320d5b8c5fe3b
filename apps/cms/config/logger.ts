import { logFormat, logFormatName, logLevel } from '../src/logging/log-format';

/**
 * Strapi's logger (winston): one JSON object per line in production (time,
 * level, msg, requestId, and each line's own fields: method, path, status,
 * duration for a request), readable lines in development. LOG_FORMAT and
 * LOG_LEVEL change the defaults (src/logging/log-format.ts).
 */
const config = () => ({
  level: logLevel(process.env),
  format: logFormat(logFormatName(process.env)),
});

export default config;
