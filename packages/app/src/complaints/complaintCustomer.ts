import { AppError, type Engine, sql } from "@vafa/core";

/**
 * The customer a complaint is about, read from the operational store (where complaints live), so a
 * change to it can be checked against the caller's branch first.
 *
 * @throws AppError `not_found` for an unknown complaint.
 * @example
 * const customerId = await complaintCustomer(engine, "k1"); // "12347"
 */
export async function complaintCustomer(engine: Engine, complaintId: string): Promise<string> {
  // The operational store speaks DuckDB's SQL ($n parameters) on every engine.
  const [row] = await engine.state.all(
    sql("SELECT customer_id FROM complaints WHERE id = $1", [complaintId]),
  );
  if (row === undefined) throw new AppError("not_found", `no complaint ${complaintId}`);
  return String(row.customer_id);
}
