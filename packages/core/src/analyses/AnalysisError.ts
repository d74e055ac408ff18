/**
 * A bad analysis argument (an unknown dimension, a margin outside 0–1, a malformed estimate): the
 * caller's mistake, reported with what is accepted, so a CLI prints it and a server answers 400.
 */
export class AnalysisError extends Error {
  override readonly name = "AnalysisError";
}
