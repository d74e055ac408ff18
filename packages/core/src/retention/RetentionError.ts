/** A retention request that cannot be answered as asked (bad dimension, rule, zone or date). */
export class RetentionError extends Error {
  override readonly name = "RetentionError";
}
