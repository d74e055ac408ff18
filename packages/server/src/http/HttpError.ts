/**
 * An error answered as `{ error, details? }` with its status, e.g. 400 for a bad parameter, 403 for
 * a role that may not do this.
 *
 * @example
 * throw new HttpError(404, "no such customer");
 */
export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
