import { type Engine, sql } from "@vafa/core";
import { ALERT_ROW_COLUMNS, type AlertRow, toAlertRow } from "./alertRow.ts";

/**
 * One alert as the worklist shows it, from the operational store, or null when there is none.
 *
 * @example
 * const alert = await getAlert(engine, "5d0c…"); // { id, customer_id, status: "at_risk", branch: "Leeds", … }
 */
export async function getAlert(engine: Engine, id: string): Promise<AlertRow | null> {
  const [row] = await engine.state.all(sql(`SELECT ${ALERT_ROW_COLUMNS} FROM alerts WHERE id = $1`, [id]));
  return row === undefined ? null : toAlertRow(row);
}
