import type { LooseRow } from "../api/types.ts";
import { type Column, DataTable } from "./DataTable.tsx";

export interface LooseTableProps {
  readonly rows: readonly LooseRow[];
  readonly csvName?: string;
  /** Column headers by key; keys without one show as written. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Only these keys, in this order; all keys of the rows otherwise. */
  readonly keys?: readonly string[];
}

/** Keys of the rows that hold a value somewhere (columns empty in every row are left out). */
function keysOf(rows: readonly LooseRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (value !== null && value !== undefined && value !== "") seen.add(key);
  return [...seen];
}

function raw(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** A sortable table for rows whose columns the contract leaves open (profitability, later routes). */
export function LooseTable({ rows, csvName, headers = {}, keys }: LooseTableProps) {
  const columns: Column<LooseRow>[] = (keys ?? keysOf(rows)).map((key) => {
    const sample = rows.find((r) => r[key] !== null && r[key] !== undefined)?.[key];
    const share = /share|rate|retention|p_alive|confidence|support|lift_share/.test(key);
    const kind =
      typeof sample === "number" ? (share && Math.abs(sample) <= 1.5 ? "percent" : "number") : "label";
    return { key, header: headers[key] ?? key.replaceAll("_", " "), value: (row) => raw(row[key]), kind };
  });
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row, index) => String(row.id ?? row.group ?? index)}
      {...(csvName === undefined ? {} : { csvName })}
    />
  );
}
