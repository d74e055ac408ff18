import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { csvCell, type Engine } from "@vafa/core";

/** Columns of the scores CSV, in order. */
export const scoreCsvColumns = [
  "customer_id",
  "p_alive",
  "expected_purchases",
  "expected_spend",
  "clv",
  "historical_value",
] as const;

// Quoted, and neutralised against spreadsheet formulas (a customer id may be any text).
const csvText = csvCell;

/**
 * Writes `customer_scores` to a CSV file, highest CLV first, and returns the number of rows. The path
 * is a user value, so the file is written by Node rather than spliced into a COPY statement.
 *
 * @example
 * await writeScoresCsv(engine, "scores.csv"); // 2357
 */
export async function writeScoresCsv(engine: Engine, path: string): Promise<number> {
  const rows = await engine.facts.all({
    sql: `SELECT ${scoreCsvColumns.join(", ")} FROM customer_scores ORDER BY clv DESC, customer_id`,
    params: [],
  });
  const out = createWriteStream(path);
  let chunk = `${scoreCsvColumns.join(",")}\n`;
  for (const row of rows) {
    chunk += `${scoreCsvColumns.map((c) => csvText(row[c])).join(",")}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return rows.length;
}
