import { AppError } from "../AppError.ts";

/**
 * A bad basket-analysis argument (a support outside 0–1, an unknown item level): the caller's
 * mistake, reported with what is accepted, so a CLI prints it and a server answers 400.
 */
export class BasketError extends AppError {
  override readonly name = "BasketError";

  constructor(message: string) {
    super("bad_input", message);
  }
}
