import {
  type Engine,
  fromEpochDay,
  type RfmCuts,
  type RfmSegmentId,
  rfmCustomersQuery,
  rfmSegmentIds,
  rfmSegmentLabels,
  rfmSegmentsQuery,
  rfmTransitionsQuery,
} from "@vafa/core";
import { resolveAsOfDay, rfmFrame } from "./rfmFrame.ts";

/** Options of `rfm`. */
export interface RfmOptions {
  /** As-of date "YYYY-MM-DD"; default the last transaction day. */
  readonly asOf?: string | null;
  /** A second date: the movement between segments from the earlier date to the later one. */
  readonly compare?: string | null;
  /** Score levels per measure; default 5 (quintiles). */
  readonly bins?: number;
}

/** One named RFM segment's size and value. */
export interface RfmSegmentRow {
  readonly segment: RfmSegmentId;
  readonly label: string;
  readonly customers: number;
  readonly share: number;
  /** Net sales of its customers to the as-of date. */
  readonly sales: number;
  readonly sales_share: number | null;
  readonly recency_days: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
}

/** The transition matrix between two dates: counts of customers per (from, to) segment; null = not yet a customer. */
export interface RfmTransitions {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly {
    readonly from: RfmSegmentId | null;
    readonly to: RfmSegmentId | null;
    readonly customers: number;
  }[];
}

/** RFM as of a date. */
export interface RfmResult {
  readonly asOf: string;
  readonly cuts: RfmCuts;
  readonly customers: number;
  readonly sales: number;
  /** Every named segment, in the grid's order (empty ones with 0 customers). */
  readonly segments: readonly RfmSegmentRow[];
  readonly transitions: RfmTransitions | null;
}

/**
 * RFM analysis: scores per customer as of a date, the named segments' sizes and value, and with
 * `compare`, the movement between segments from one date to the other. Reads only the engine's
 * facts: every engine answers alike.
 *
 * @example
 * const result = await rfm(engine, { compare: "2011-06-30" });
 * for (const s of result.segments) console.log(s.segment, s.customers, s.sales_share);
 */
export async function rfm(engine: Engine, options: RfmOptions = {}): Promise<RfmResult> {
  const { facts, dialect } = engine;
  const bins = options.bins ?? 5;
  const asOfDay = await resolveAsOfDay(engine, options.asOf);
  const frame = await rfmFrame(engine, asOfDay, bins);
  const rows = await facts.all(rfmSegmentsQuery(dialect, frame));
  const customers = rows.reduce((s, r) => s + Number(r.customers), 0);
  const sales = rows.reduce((s, r) => s + Number(r.sales ?? 0), 0);
  const bySegment = new Map(rows.map((r) => [String(r.rfm_segment), r]));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const segments = rfmSegmentIds.map((segment) => {
    const r = bySegment.get(segment);
    const n = Number(r?.customers ?? 0);
    const s = Number(r?.sales ?? 0);
    return {
      segment,
      label: rfmSegmentLabels[segment],
      customers: n,
      share: customers === 0 ? 0 : n / customers,
      sales: s,
      sales_share: sales === 0 ? null : s / sales,
      recency_days: num(r?.recency_days),
      frequency: num(r?.frequency),
      monetary: num(r?.monetary),
    };
  });
  let transitions: RfmTransitions | null = null;
  if (options.compare !== undefined && options.compare !== null) {
    const otherDay = await resolveAsOfDay(engine, options.compare);
    const other = await rfmFrame(engine, otherDay, bins);
    const [a, b] = otherDay <= asOfDay ? [other, frame] : [frame, other];
    const t = await facts.all(rfmTransitionsQuery(dialect, a, b));
    const seg = (v: unknown) => (v === null || v === undefined ? null : (String(v) as RfmSegmentId));
    const order = (s: RfmSegmentId | null) => (s === null ? -1 : rfmSegmentIds.indexOf(s));
    transitions = {
      from: fromEpochDay(a.asOfDay),
      to: fromEpochDay(b.asOfDay),
      rows: t
        .map((r) => ({ from: seg(r.from_segment), to: seg(r.to_segment), customers: Number(r.customers) }))
        .sort((x, y) => order(x.from) - order(y.from) || order(x.to) - order(y.to)),
    };
  }
  return { asOf: fromEpochDay(asOfDay), cuts: frame.cuts, customers, sales, segments, transitions };
}

/**
 * Per-customer RFM rows as of a date (`customer_id, recency_days, frequency, monetary, r_score,
 * f_score, m_score, rfm_segment`, …).
 *
 * @example
 * const rows = await rfmCustomers(engine, { asOf: "2011-12-09" });
 */
export async function rfmCustomers(engine: Engine, options: Pick<RfmOptions, "asOf" | "bins"> = {}) {
  const frame = await rfmFrame(engine, await resolveAsOfDay(engine, options.asOf), options.bins ?? 5);
  return engine.facts.all(rfmCustomersQuery(engine.dialect, frame));
}
