import { AppError } from "../AppError.ts";

/**
 * Thrown for invalid input to the periods module: a bad period spec or CLI period argument, a
 * malformed civil date, a date that does not exist in its calendar. The message names the
 * offending value so the CLI can show it to the user as is.
 *
 * @example
 * try { parsePeriodSpec({ unit: "mnth" }); } catch (e) { if (e instanceof PeriodError) console.error(e.message); }
 */
export class PeriodError extends AppError {
  override readonly name = "PeriodError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
