import type { RequestHandler } from 'express';
import type { Logger } from '../log';

/** One line per request. Only the path is logged (the query string may hold a token), with share-link tokens cut out of it. */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path.replace(/^\/(r|api\/shared)\/[^/]+/, '/$1/<token>'), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
