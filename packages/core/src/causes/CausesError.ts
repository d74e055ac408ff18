import { AppError } from "../AppError.ts";

/**
 * A problem with a root-cause request or its input: an unknown complaint, an answer outside the
 * questionnaire, a table without the outcome column. The message says what to change.
 *
 * @example
 * throw new CausesError('--outcome column "Churn" is not in the file');
 */
export class CausesError extends AppError {
  override readonly name = "CausesError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
