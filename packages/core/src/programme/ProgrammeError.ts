import { AppError } from "../AppError.ts";

/**
 * A retention-programme input that cannot be used (an unknown metric or strategy, a bad threshold,
 * a campaign that does not exist). The message says what is accepted.
 *
 * @example
 * throw new ProgrammeError('unknown strategy "raffle": use one of customer_club, discount, …');
 */
export class ProgrammeError extends AppError {
  override readonly name = "ProgrammeError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
