import { AppError } from "../AppError.ts";

/**
 * A bad defection argument or state (an invalid rule, an unknown alert, an outcome outside the
 * taxonomy): the caller's mistake, reported with what is accepted, so a CLI prints it and a server
 * answers 400.
 */
export class DefectionError extends AppError {
  override readonly name = "DefectionError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
