import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '../../../core/src';
import type { Logger } from '../log';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_MESSAGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SESSION_CLOSED: 409,
  OUT_OF_SYNC: 409,
  TOO_LARGE: 413,
  BOARD_FULL: 413,
  RATE_LIMITED: 429,
  PROTOCOL_MISMATCH: 400,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** An error meant for the client: its code and message are sent as they are. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError('NOT_FOUND', `no route ${req.method} ${req.path}`));
};

/** Every error leaves as `{error: {code, message}}`; stack traces stay in the log. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let httpError: HttpError;
    if (error instanceof HttpError) httpError = error;
    else if (isBodyParserError(error)) {
      httpError =
        error.type === 'entity.too.large'
          ? new HttpError('TOO_LARGE', `the request body is larger than ${error.limit} bytes`)
          : new HttpError('BAD_REQUEST', `the request body could not be read: ${error.message}`);
    } else {
      log.error({ err: error, method: req.method, path: req.path }, 'request failed');
      httpError = new HttpError('INTERNAL', 'something went wrong on the server');
    }
    res.status(httpError.status).json({ error: { code: httpError.code, message: httpError.message } });
  };
}

function isBodyParserError(error: unknown): error is Error & { type: string; limit?: number } {
  return error instanceof Error && typeof (error as { type?: unknown }).type === 'string' && 'status' in error;
}
