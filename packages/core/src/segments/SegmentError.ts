import { AppError } from "../AppError.ts";

/**
 * A bad segment argument or rule: the caller's mistake, with the 0-based character `position` in the
 * rule text when the problem has one, so a CLI can point at it and a server can answer 400.
 */
export class SegmentError extends AppError {
  override readonly name = "SegmentError";
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super("bad_input", message);
  }
}
