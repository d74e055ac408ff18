import {
  columnKey,
  type DriverColumn,
  type DriverDataset,
  type LeftOutColumn,
  type SqlClient,
  sql,
  tableDriverDataset,
} from "@vafa/core";
import type { SnapshotOptions } from "./snapshotDataset.ts";

/**
 * The customers' typed attributes as candidate columns for a cause analysis over `ids` (in that
 * order): read from `customer_attributes`, then shaped as `tableDriverDataset` shapes a flat file —
 * numbers bucketed, yes/no and text as categories, each a service issue or a descriptor by name or
 * the user's `service`/`descriptor`, identifiers and coordinates left out with a note. Dates are
 * left out. Empty when no customer has an attribute.
 *
 * @example
 * const extra = await attributeColumns(client, dataset.ids, dataset.outcome, {});
 * analyseDrivers({ ...dataset, columns: [...dataset.columns, ...extra.columns] });
 */
export async function attributeColumns(
  client: SqlClient,
  ids: readonly string[],
  outcome: Uint8Array,
  options: Pick<SnapshotOptions, "service" | "descriptor" | "exclude" | "include"> = {},
): Promise<{ columns: DriverColumn[]; leftOut: LeftOutColumn[] }> {
  const rows = await client.all(
    sql("SELECT customer_id, name, value FROM customer_attributes WHERE type <> 'date' ORDER BY name"),
  );
  const defectors = outcome.reduce((n, o) => n + o, 0);
  if (rows.length === 0 || ids.length === 0 || defectors === 0) return { columns: [], leftOut: [] };
  const names = [...new Set(rows.map((r) => String(r.name)))];
  const at = new Map(names.map((n, i) => [n, i]));
  const cells = new Map<string, string[]>();
  for (const r of rows) {
    const id = String(r.customer_id);
    const row = cells.get(id) ?? names.map(() => "");
    row[at.get(String(r.name)) ?? 0] = String(r.value);
    cells.set(id, row);
  }
  // Names the user gave for other columns (canonical ones) are not attributes: not passed on.
  const keys = new Set(names.map(columnKey));
  const known = (list: readonly string[] | undefined) => (list ?? []).filter((x) => keys.has(columnKey(x)));
  // The outcome rides along under a name no attribute has, so the flat-file reader can be reused.
  const outcomeName = "\u0000outcome";
  const table = [
    [outcomeName, ...names],
    ...ids.map((id, i) => [outcome[i] === 1 ? "1" : "0", ...(cells.get(id) ?? names.map(() => ""))]),
  ];
  const d: DriverDataset = tableDriverDataset(table, {
    outcome: outcomeName,
    positive: "1",
    id: outcomeName,
    service: known(options.service),
    descriptor: known(options.descriptor),
    exclude: known(options.exclude),
    include: known(options.include),
  });
  return { columns: [...d.columns], leftOut: [...(d.leftOut ?? [])] };
}
