/**
 * What went wrong, as every surface needs to know it: the CLI maps a kind to a message and an exit
 * code, the server to a status code and a problem body.
 */
export type AppErrorKind =
  | "bad_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "not_supported"
  | "internal";

/**
 * The one error type of the application: a message for the user and its kind. Domain errors
 * (`PeriodError`, `SegmentError`, …) extend it as `bad_input`; an engine that cannot do something
 * raises `not_supported` rather than answering from another store.
 *
 * @example
 * throw new AppError("not_supported", "baskets are not available on ClickHouse yet");
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** Extra facts for a problem body (e.g. the rejected rows of a load); JSON-safe. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Whether `error` is an `AppError` of the given kind (any kind when omitted). */
export function isAppError(error: unknown, kind?: AppErrorKind): error is AppError {
  return error instanceof AppError && (kind === undefined || error.kind === kind);
}
