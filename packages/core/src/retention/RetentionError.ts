import { AppError } from "../AppError.ts";

/** A retention request that cannot be answered as asked (bad dimension, rule, zone or date). */
export class RetentionError extends AppError {
  override readonly name = "RetentionError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
