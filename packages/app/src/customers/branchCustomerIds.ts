import type { Engine } from "@vafa/core";
import { sql } from "@vafa/core";

/**
 * The ids of a branch's customers, to keep an agent's view of a report to its branch; none for
 * null (an agent without a branch).
 *
 * @example
 * const mine = await branchCustomerIds(engine, "France"); // Set { "12347", … }
 */
export async function branchCustomerIds(engine: Engine, branch: string | null): Promise<Set<string>> {
  if (branch === null) return new Set();
  const rows = await engine.facts.all(
    sql(`SELECT id FROM customers WHERE branch = ${engine.dialect.param(1)}`, [branch]),
  );
  return new Set(rows.map((r) => String(r.id)));
}
