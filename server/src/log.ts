import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Tokens must never reach a log line. Request logging writes only the path (never the query
 * string, which may carry `?token=`), and these paths are redacted should an object slip in.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', '*.token', 'tokens', '*.tokens', 'auth', '*.auth', 'headers.authorization', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
