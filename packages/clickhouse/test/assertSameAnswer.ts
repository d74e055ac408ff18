/**
 * Throws unless two engines' answers are equal: integers, strings, flags and shapes exactly, other
 * numbers to 1e-9 relative (and 1e-9 absolute for sums that cancel to about zero, which keep only
 * rounding noise). The error names the path of the first difference.
 *
 * @example
 * assertSameAnswer(await run(duckdb), await run(clickhouse), "retention, monthly");
 */
export function assertSameAnswer(expected: unknown, actual: unknown, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (expected === actual) return;
    const scale = Math.max(Math.abs(expected), Math.abs(actual), 1);
    if (
      !(Number.isInteger(expected) && Number.isInteger(actual)) &&
      Math.abs(expected - actual) <= 1e-9 * scale
    )
      return;
    throw new Error(`${path}: duckdb ${expected} ≠ clickhouse ${actual}`);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      throw new Error(`${path}: length ${expected.length} ≠ ${actual.length}`);
    for (const [i, x] of expected.entries()) assertSameAnswer(x, actual[i], `${path}[${i}]`);
    return;
  }
  if (expected !== null && actual !== null && typeof expected === "object" && typeof actual === "object") {
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)]))
      assertSameAnswer(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
    return;
  }
  if (expected !== actual)
    throw new Error(`${path}: duckdb ${JSON.stringify(expected)} ≠ clickhouse ${JSON.stringify(actual)}`);
}
