/** Whole numbers with thousands separators: 12300 → "12,300". */
function whole(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}

/** An interval as text: "1.42 [0.89–2.25]". */
function interval(v: number, low: number, high: number): string {
  return `${v.toFixed(2)} [${low.toFixed(2)}–${high.toFixed(2)}]`;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The figures of one driver that its sentence reads. */
export interface DriverSentenceInput {
  readonly label: string;
  readonly column: string;
  /** The category's reference level, or null for a flag (compared with customers without it). */
  readonly reference: string | null;
  readonly rateWith: number;
  readonly rateWithout: number;
  readonly relativeRisk: number;
  readonly relativeRiskLow: number;
  readonly relativeRiskHigh: number;
  /** Whether the relative risk's interval excludes 1. */
  readonly significant: boolean;
  readonly customersRetained: number;
  readonly customersRetainedLow: number;
  readonly customersRetainedHigh: number;
  readonly valueAtStake: number;
  readonly valueAtStakeLow: number;
  readonly valueAtStakeHigh: number;
  readonly oddsRatio?: number | null;
  readonly oddsRatioLow?: number | null;
  readonly oddsRatioHigh?: number | null;
  readonly fixCost?: number | null;
  readonly returnOnFix?: number | null;
  readonly returnOnFixLow?: number | null;
  readonly returnOnFixHigh?: number | null;
}

/**
 * The plain answer to "does fixing this service issue pay?", written for the kind of driver: a
 * category level is compared with its reference level ("customers with Contract = Month-to-month
 * defect 15.1× as often as those with Contract = Two year"), a flag with the customers without it
 * ("customers with a complaint about late delivery defect 3.0× as often as those without it"); then
 * the customers and value fixing it would keep with their 95% intervals, and the return on the fix
 * when its cost is given. A driver that goes with less defection is "not an issue to fix"; one whose
 * relative risk's interval includes 1 is "not shown to pay". When the adjusted odds ratio points the
 * other way from the crude rates and either estimate is significant, the sentence says so, because
 * the crude figure then belongs to drivers it travels with; when it points the same way but its
 * interval includes 1, it says the adjusted difference may be noise. Never "removing": descriptors
 * (tenure, region) are not drivers.
 *
 * @example
 * driverSentence({ label: "a complaint about late delivery", column: "complaint:late", reference: null,
 *   rateWith: 0.45, rateWithout: 0.15, relativeRisk: 3, relativeRiskLow: 1.55, relativeRiskHigh: 5.8,
 *   significant: true, customersRetained: 41.2, customersRetainedLow: 30, customersRetainedHigh: 52.4,
 *   valueAtStake: 12_300, valueAtStakeLow: 9000, valueAtStakeHigh: 15_600 });
 * // "Customers with a complaint about late delivery defect 3.00× as often as those without it
 * //  (1.55–5.80; 45.0% against 15.0%). Fixing it would keep about 41 customers (30–52) worth 12,300 (9,000–15,600)."
 */
export function driverSentence(d: DriverSentenceInput): string {
  const against = d.reference === null ? "those without it" : `those with ${d.column} = ${d.reference}`;
  const head = `Customers with ${d.label} defect ${d.relativeRisk.toFixed(2)}× as often as ${against} (${d.relativeRiskLow.toFixed(2)}–${d.relativeRiskHigh.toFixed(2)}; ${pct(d.rateWith)} against ${pct(d.rateWithout)})`;
  const or = d.oddsRatio ?? null;
  const low = d.oddsRatioLow ?? null;
  const high = d.oddsRatioHigh ?? null;
  let adjusted = "";
  if (or !== null && low !== null && high !== null && Number.isFinite(or) && d.rateWith !== d.rateWithout) {
    const text = interval(or, low, high);
    const noise = low <= 1 && high >= 1 ? ", within noise" : "";
    const crudeUp = d.rateWith > d.rateWithout;
    // A flip between two estimates that are both within noise says nothing: it is not reported.
    if ((crudeUp ? or < 1 : or > 1) && (d.significant || noise === "")) {
      adjusted = crudeUp
        ? ` Adjusted for the other drivers and the customers' traits the direction reverses: it goes with less defection (odds ratio ${text}${noise}), so its crude excess belongs to what it travels with.`
        : ` Adjusted for the other drivers and the customers' traits the direction reverses: it goes with more defection (odds ratio ${text}${noise}).`;
    } else if (crudeUp && d.significant && noise !== "") {
      adjusted = ` Adjusted for the other drivers and the customers' traits the difference may be noise (odds ratio ${text}).`;
    }
  }
  if (d.rateWith <= d.rateWithout) return `${head}: not an issue to fix.${adjusted}`;
  const fix =
    d.reference === null
      ? "Fixing it would keep"
      : `Bringing them to the defection of ${d.column} = ${d.reference} would keep`;
  const roi =
    d.fixCost !== null &&
    d.fixCost !== undefined &&
    d.returnOnFix !== null &&
    d.returnOnFix !== undefined &&
    d.returnOnFixLow !== null &&
    d.returnOnFixLow !== undefined &&
    d.returnOnFixHigh !== null &&
    d.returnOnFixHigh !== undefined
      ? `; against a fix costing ${whole(d.fixCost)} that returns ${pct(d.returnOnFix)} (${pct(d.returnOnFixLow)} to ${pct(d.returnOnFixHigh)})`
      : "";
  const kept = `${fix} about ${whole(d.customersRetained)} customers (${whole(d.customersRetainedLow)}–${whole(d.customersRetainedHigh)}) worth ${whole(d.valueAtStake)} (${whole(d.valueAtStakeLow)}–${whole(d.valueAtStakeHigh)})${roi}`;
  return d.significant
    ? `${head}. ${kept}.${adjusted}`
    : `${head}. ${kept} — but the relative risk's 95% interval includes 1, so it is not shown to pay.${adjusted}`;
}
