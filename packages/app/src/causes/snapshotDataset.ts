import { CausesError, type DriverDataset, type SqlClient, tableDriverDataset } from "@vafa/core";
import { snapshotTable } from "./snapshotTable.ts";

/** How a snapshot of the store is read: the value attribute and the user's say on columns. */
export interface SnapshotOptions {
  /** A number attribute holding each customer's value (`MonthlyCharges`); default none (each customer counts 1). */
  readonly value?: string;
  /** Multiplies the value (× 12: a year of a monthly charge); default 1. */
  readonly valueMultiplier?: number;
  /** Attributes that are service issues although their name says otherwise. */
  readonly service?: readonly string[];
  /** Attributes that describe the customer although their name says otherwise. */
  readonly descriptor?: readonly string[];
  /** Attributes to leave out. */
  readonly exclude?: readonly string[];
  /** Attributes to analyse although they look like identifiers, postal codes or coordinates. */
  readonly include?: readonly string[];
}

/**
 * The driver dataset of the store's snapshot customers: outcome = status "defected" against every
 * other status, candidate columns = the canonical traits and the typed attributes (see
 * `snapshotTable`, `tableDriverDataset`: numbers bucketed, identifiers and leaks left out, each
 * column a service issue or a descriptor).
 *
 * @throws CausesError when no customer carries a status, or a named attribute is missing.
 * @example
 * const d = await snapshotDataset(client, { value: "MonthlyCharges", valueMultiplier: 12 });
 */
export async function snapshotDataset(
  client: SqlClient,
  options: SnapshotOptions = {},
): Promise<DriverDataset> {
  const snapshot = await snapshotTable(client);
  if (snapshot.customers === 0)
    throw new CausesError(
      "no customer carries a status: load a customers file with a status column (--map status=COLUMN)",
    );
  const statuses = new Set(snapshot.table.slice(1).map((r) => r[1]));
  if (!statuses.has("defected"))
    throw new CausesError("no customer of the snapshot has defected: nothing to explain");
  const d = tableDriverDataset(snapshot.table, {
    outcome: "status",
    positive: "defected",
    id: "id",
    valueMultiplier: options.valueMultiplier ?? 1,
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.service === undefined ? {} : { service: options.service }),
    ...(options.descriptor === undefined ? {} : { descriptor: options.descriptor }),
    ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
    ...(options.include === undefined ? {} : { include: options.include }),
  });
  const notes = [
    "outcome: the status of each customer in the loaded snapshot (vafa ingest customers … --map status=COLUMN)",
    ...(d.notes ?? []).filter((n) => !n.startsWith("columns used:")),
    ...(snapshot.dates.length > 0 ? [`date attributes left out: ${snapshot.dates.join(", ")}`] : []),
  ];
  return { ...d, notes };
}
