import type { LeftOutColumn } from "./DriverDataset.ts";

/**
 * The notes that name the columns left out: one warning per leak (it would otherwise be read as the
 * strongest driver), one line for the columns that label customers rather than describe them.
 *
 * @example
 * leftOutNotes([{ column: "Zipcode", kind: "postal code", detail: "150 distinct values; …" }]);
 * // ["left out as identifiers or coordinates (name one with --include to analyse it): Zipcode (postal code)"]
 */
export function leftOutNotes(leftOut: readonly LeftOutColumn[]): string[] {
  const notes = leftOut
    .filter((c) => c.kind === "leak")
    .map(
      (c) =>
        `warning: ${c.column} left out of the model: ${c.detail} — it records the outcome rather than explaining it`,
    );
  const labels = leftOut.filter((c) => c.kind !== "leak");
  if (labels.length > 0) {
    notes.push(
      `left out as identifiers or coordinates (name one with --include to analyse it): ${labels.map((c) => `${c.column} (${c.kind})`).join(", ")}`,
    );
  }
  return notes;
}
