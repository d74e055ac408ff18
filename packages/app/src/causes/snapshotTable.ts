import { type SqlClient, sql } from "@vafa/core";

/** Canonical customer columns a snapshot analysis reads beside the attributes (descriptors by name). */
const CANONICAL = ["segment", "region", "country", "branch", "owner", "channel"] as const;

/** The store's snapshot customers as a flat table, and how many customers carry a status. */
export interface SnapshotTable {
  /** A header row (`id`, `status`, canonical columns with a value, then the attributes) and one row per customer. */
  readonly table: string[][];
  readonly customers: number;
  /** Date attributes, left out of the table (a date is no category). */
  readonly dates: readonly string[];
}

/**
 * How many customers of the store carry a snapshot status (`vafa ingest customers` with a status
 * column), and whether there are transactions: a store of only a snapshot is analysed from it.
 *
 * @example
 * const { statuses, transactions } = await snapshotCounts(client);
 */
export async function snapshotCounts(client: SqlClient): Promise<{ statuses: number; transactions: number }> {
  const [row] = await client.all(
    sql(`SELECT (SELECT count(*) FROM customers WHERE status IS NOT NULL) AS statuses,
      (SELECT count(*) FROM (SELECT 1 FROM transactions LIMIT 1) t) AS transactions`),
  );
  return { statuses: Number(row?.statuses ?? 0), transactions: Number(row?.transactions ?? 0) };
}

/**
 * Reads the customers that carry a snapshot status, with their canonical traits (segment, region,
 * country, branch, owner, channel: the ones any customer has) and every typed attribute, as the flat
 * table `tableDriverDataset` reads (`status` is "defected", "active", …; yes/no attributes read
 * "yes"/"no", numbers as written canonically, so numeric columns are bucketed there). Date
 * attributes are left out and named.
 *
 * @example
 * const { table } = await snapshotTable(client);
 * tableDriverDataset(table, { outcome: "status", positive: "defected", id: "id" });
 */
export async function snapshotTable(client: SqlClient): Promise<SnapshotTable> {
  const customers = await client.all(
    sql(`SELECT id, status, ${CANONICAL.join(", ")} FROM customers WHERE status IS NOT NULL ORDER BY id`),
  );
  const attributes = await client.all(
    sql(`SELECT a.customer_id, a.name, a.type, a.value FROM customer_attributes a
      JOIN customers c ON c.id = a.customer_id WHERE c.status IS NOT NULL`),
  );
  const names: string[] = [];
  const dates = new Set<string>();
  const values = new Map<string, Map<string, string>>();
  for (const a of attributes) {
    const name = String(a.name);
    if (a.type === "date") {
      dates.add(name);
      continue;
    }
    if (!names.includes(name)) names.push(name);
    const id = String(a.customer_id);
    const row = values.get(id) ?? new Map<string, string>();
    row.set(name, String(a.value));
    values.set(id, row);
  }
  const canonical = CANONICAL.filter((c) => customers.some((r) => r[c] !== null && r[c] !== undefined));
  // An attribute named like a canonical column is kept under the canonical name only.
  const own = names.filter((n) => !(["id", "status", ...canonical] as string[]).includes(n.toLowerCase()));
  const header = ["id", "status", ...canonical, ...own];
  const table = [
    header,
    ...customers.map((r) => {
      const id = String(r.id);
      const attrs = values.get(id);
      return [
        id,
        String(r.status),
        ...canonical.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))),
        ...own.map((n) => attrs?.get(n) ?? ""),
      ];
    }),
  ];
  return { table, customers: customers.length, dates: [...dates] };
}
