import { numberOrNull, numberOrZero, textOrNull } from "../analyses/rowValues.ts";
import type { Row } from "../SqlClient.ts";
import type { CauseCustomer } from "./CauseCustomer.ts";

/** Epoch milliseconds of a timestamp read back as text ("2024-03-01 10:00:00"), as UTC. */
function instant(value: string): number {
  const t = value.trim().replace(" ", "T");
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Options of `toCauseCustomers`. */
export interface CauseCustomerOptions {
  readonly asOfDay: number;
  /** "window": no purchase in the outcome window (default); "status": `customer_status` says defected. */
  readonly outcome?: "window" | "status";
}

/**
 * Reads the three result sets of `driverQueries` into one `CauseCustomer` per customer. A complaint
 * is unresolved as of the day when it has no resolution time (or one after the day) and its status
 * is not resolved or closed.
 *
 * @example
 * const customers = toCauseCustomers({ customers: c, complaints: k, surveys: s }, { asOfDay: 19800 });
 */
export function toCauseCustomers(
  rows: { customers: readonly Row[]; complaints: readonly Row[]; surveys: readonly Row[] },
  options: CauseCustomerOptions,
): CauseCustomer[] {
  const asOfEnd = (options.asOfDay + 1) * 86_400_000;
  const complaints = new Map<string, { categories: Set<string>; unresolved: number; hours: number[] }>();
  for (const r of rows.complaints) {
    const id = String(r.customer_id);
    const c = complaints.get(id) ?? { categories: new Set<string>(), unresolved: 0, hours: [] };
    c.categories.add(textOrNull(r, "category")?.trim().toLowerCase() || "(none)");
    const opened = instant(String(r.occurred_at));
    const resolvedText = textOrNull(r, "resolved_at");
    const resolved = resolvedText === null ? null : instant(resolvedText);
    const status = (textOrNull(r, "status") ?? "").trim().toLowerCase();
    if (resolved !== null && resolved < asOfEnd) c.hours.push(Math.max(0, (resolved - opened) / 3_600_000));
    else if (!(resolved === null && (status === "resolved" || status === "closed"))) c.unresolved++;
    complaints.set(id, c);
  }
  const surveys = new Map<string, { csat: number | null; nps: number | null }>();
  for (const r of rows.surveys) {
    const id = String(r.customer_id);
    const s = surveys.get(id) ?? { csat: null, nps: null };
    if (r.survey === "csat") s.csat = numberOrNull(r, "score");
    else s.nps = numberOrNull(r, "score");
    surveys.set(id, s);
  }
  return rows.customers.map((r) => {
    const id = String(r.customer_id);
    const created = numberOrNull(r, "created_day");
    const first = numberOrZero(r, "first_day");
    const start = created === null ? first : Math.min(created, first);
    const lines = numberOrZero(r, "lines");
    const profit =
      lines > 0 && numberOrZero(r, "cost_lines") === lines ? numberOrNull(r, "profit_12m") : null;
    const clv = numberOrNull(r, "clv");
    const sales = numberOrZero(r, "sales_12m");
    const [raw, valueBasis]: [number, CauseCustomer["valueBasis"]] =
      clv !== null ? [clv, "clv"] : profit !== null ? [profit, "profit_12m"] : [sales, "sales_12m"];
    const purchaseLines = numberOrZero(r, "purchase_lines");
    const c = complaints.get(id);
    const s = surveys.get(id);
    return {
      customerId: id,
      segment: textOrNull(r, "segment"),
      channel: textOrNull(r, "channel"),
      country: textOrNull(r, "country"),
      branch: textOrNull(r, "branch"),
      tenureDays: options.asOfDay - start,
      sales12m: sales,
      profit12m: profit,
      clv,
      value: Math.max(0, raw),
      valueBasis,
      discountShare: purchaseLines > 0 ? numberOrZero(r, "discount_lines") / purchaseLines : null,
      complaintCategories: c === undefined ? [] : [...c.categories].sort(),
      unresolvedComplaints: c?.unresolved ?? 0,
      medianResolutionHours: c === undefined ? null : median(c.hours),
      meanCsat: s?.csat ?? null,
      meanNps: s?.nps ?? null,
      defected:
        options.outcome === "status"
          ? textOrNull(r, "status") === "defected"
          : numberOrZero(r, "bought_after") === 0,
    };
  });
}
