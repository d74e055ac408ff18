import { AppError } from "../AppError.ts";

/**
 * A bad analysis argument (an unknown dimension, a margin outside 0–1, a malformed estimate): the
 * caller's mistake, reported with what is accepted, so a CLI prints it and a server answers 400.
 */
export class AnalysisError extends AppError {
  override readonly name = "AnalysisError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
