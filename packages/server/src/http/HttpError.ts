import { AppError, type AppErrorKind } from "@vafa/core";

/** The statuses an `HttpError` may carry: the application's kinds and the protocol's own. */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 501 | 503;

const kindOf: Record<HttpStatus, AppErrorKind> = {
  400: "bad_input",
  401: "forbidden",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "bad_input",
  415: "bad_input",
  429: "forbidden",
  500: "internal",
  501: "not_supported",
  // Work stopped before it finished (its time budget spent): try again later, or with less.
  503: "conflict",
};

/**
 * An `AppError` for what only HTTP says: a status of its own (401 sign in first, 413 too large,
 * 415 wrong content type, 429 too many attempts). Answered as `{ error, kind, details? }` with its
 * status; everything else is a plain `AppError`, whose kind gives the status.
 *
 * @example
 * throw new HttpError(415, "send the body as application/json");
 */
export class HttpError extends AppError {
  override name = "HttpError";

  constructor(
    readonly status: HttpStatus,
    message: string,
    details?: unknown,
  ) {
    super(kindOf[status], message, details);
  }
}
