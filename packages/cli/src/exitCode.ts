import { type AppErrorKind, isAppError } from "@vafa/core";

/** The exit code of each kind of failure, so scripts can tell a refusal from bad input or a crash. */
export const EXIT_CODES: Readonly<Record<AppErrorKind, number>> = {
  internal: 1,
  bad_input: 2,
  not_found: 3,
  conflict: 4,
  forbidden: 5,
  not_supported: 6,
};

/**
 * The exit code for an error that ended a command: its kind's code for an `AppError`, 2 for a
 * model fit that cannot be made from the input (`FitError`), 130 for a fit stopped by Ctrl-C, else 1.
 *
 * @example
 * exitCode(new AppError("not_supported", "…")); // 6
 */
export function exitCode(error: unknown): number {
  if (isAppError(error)) return EXIT_CODES[error.kind];
  if (error instanceof Error && error.name === "FitError") return EXIT_CODES.bad_input;
  // Ctrl-C during a model fit: the shell's code for an interrupt.
  if (error instanceof Error && error.name === "ModelWorkStopped") return 130;
  return EXIT_CODES.internal;
}
