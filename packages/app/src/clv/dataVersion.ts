import type { Engine } from "@vafa/core";

/**
 * What identifies the data a fit saw: the newest load's id and the fact tables' row counts, as one
 * key. Any load that adds rows changes it (so a stored fit is not reused on new data), and a load of
 * nothing new changes only the id — a refit then gives the same parameters, which is cheap and safe.
 *
 * @example
 * await dataVersion(engine); // "3:541909:4372:0"
 */
export async function dataVersion(engine: Engine): Promise<string> {
  const [[load], counts] = await Promise.all([
    engine.facts.all({ sql: "SELECT max(id) AS id FROM loads", params: [] }),
    engine.factCounts(),
  ]);
  // DuckDB's max of no rows is NULL, ClickHouse's is 0: both mean "no load yet".
  const id = Number(load?.id ?? 0);
  return `${id}:${counts.transactions}:${counts.customers}:${counts.activity}`;
}
