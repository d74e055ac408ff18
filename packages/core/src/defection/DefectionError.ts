/**
 * A bad defection argument or state (an invalid rule, an unknown alert, an outcome outside the
 * taxonomy): the caller's mistake, reported with what is accepted, so a CLI prints it and a server
 * answers 400.
 */
export class DefectionError extends Error {
  override readonly name = "DefectionError";
}
