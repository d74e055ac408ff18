import { type ComplaintStatus, type SqlClient, type SqlValue, sql } from "@vafa/core";

/** One complaint with its resolution time. */
export interface ComplaintRow {
  readonly id: string;
  readonly customerId: string;
  readonly occurredAt: string;
  readonly category: string | null;
  readonly status: string | null;
  readonly channel: string | null;
  readonly severity: string | null;
  readonly employee: string | null;
  readonly branch: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  /** Hours from the complaint to its resolution; null while unresolved. */
  readonly resolutionHours: number | null;
  readonly text: string | null;
}

/** Options of `listComplaints`. */
export interface ListComplaintsOptions {
  readonly status?: ComplaintStatus;
  readonly customerId?: string;
  /** Default 100. */
  readonly limit?: number;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Complaints, newest first, filtered by status or customer, with resolution time in hours.
 *
 * @example
 * const open = await listComplaints(store.client, { status: "open" });
 */
export async function listComplaints(
  client: SqlClient,
  options: ListComplaintsOptions = {},
): Promise<ComplaintRow[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (options.status !== undefined) {
    params.push(options.status);
    where.push(`coalesce(status, 'open') = $${params.length}`);
  }
  if (options.customerId !== undefined) {
    params.push(options.customerId);
    where.push(`customer_id = $${params.length}`);
  }
  params.push(Math.max(1, Math.trunc(options.limit ?? 100)));
  const rows = await client.all(
    sql(
      `SELECT id, customer_id, CAST(occurred_at AS VARCHAR) AS occurred_at, category, status, channel, severity,
         employee, branch, CAST(resolved_at AS VARCHAR) AS resolved_at, resolution, text,
         date_diff('second', occurred_at, resolved_at) / 3600.0 AS resolution_hours
       FROM complaints ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
       ORDER BY occurred_at DESC, id LIMIT $${params.length}`,
      params,
    ),
  );
  return rows.map((r) => ({
    id: String(r.id),
    customerId: String(r.customer_id),
    occurredAt: String(r.occurred_at),
    category: text(r.category),
    status: text(r.status),
    channel: text(r.channel),
    severity: text(r.severity),
    employee: text(r.employee),
    branch: text(r.branch),
    resolvedAt: text(r.resolved_at),
    resolution: text(r.resolution),
    resolutionHours:
      r.resolution_hours === null || r.resolution_hours === undefined ? null : Number(r.resolution_hours),
    text: text(r.text),
  }));
}
