/**
 * A bad segment argument or rule: the caller's mistake, with the 0-based character `position` in the
 * rule text when the problem has one, so a CLI can point at it and a server can answer 400.
 */
export class SegmentError extends Error {
  override readonly name = "SegmentError";
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super(message);
  }
}
