/** Whole numbers with thousands separators: 12300 → "12,300". */
function whole(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}

/** An interval as text: "1.42 [0.89–2.25]". */
function interval(v: number, low: number, high: number): string {
  return `${v.toFixed(2)} [${low.toFixed(2)}–${high.toFixed(2)}]`;
}

/**
 * The plain answer to "does removing this driver pay?": how many customers and how much value its
 * excess defection costs, or that it does not (it goes with less defection, or the difference is
 * within noise). When the adjusted odds ratio (the driver with the others held fixed) points the
 * other way from the crude rates and either estimate is significant, the sentence says so, because the crude figure then belongs to
 * drivers it travels with; when it points the same way but its interval includes 1, the sentence says
 * the adjusted difference may be noise. A reference level has no odds ratio of its own (null).
 *
 * @example
 * driverSentence({ label: "a complaint about late delivery", customersRetained: 41.2, valueAtStake: 12_300,
 *   rateWith: 0.45, rateWithout: 0.15, significant: true });
 * // "Removing a complaint about late delivery would keep about 41 customers worth 12,300 (defection 45.0% with it, 15.0% without)."
 */
export function driverSentence(d: {
  readonly label: string;
  readonly customersRetained: number;
  readonly valueAtStake: number;
  readonly rateWith: number;
  readonly rateWithout: number;
  /** Whether the relative risk's interval excludes 1. */
  readonly significant: boolean;
  readonly oddsRatio?: number | null;
  readonly oddsRatioLow?: number | null;
  readonly oddsRatioHigh?: number | null;
}): string {
  const rates = `defection ${(d.rateWith * 100).toFixed(1)}% with it, ${(d.rateWithout * 100).toFixed(1)}% without`;
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
        ? ` Adjusted for the other drivers the direction reverses: it goes with less defection (odds ratio ${text}${noise}), so its crude excess belongs to drivers it travels with.`
        : ` Adjusted for the other drivers the direction reverses: it goes with more defection (odds ratio ${text}${noise}).`;
    } else if (crudeUp && d.significant && noise !== "") {
      adjusted = ` Adjusted for the other drivers the difference may be noise (odds ratio ${text}).`;
    }
  }
  if (d.rateWith <= d.rateWithout) {
    return `${d.label} goes with less defection (${rates}); removing it would keep no one.${adjusted}`;
  }
  const kept = `Removing ${d.label} would keep about ${whole(d.customersRetained)} customers worth ${whole(d.valueAtStake)} (${rates})`;
  return d.significant
    ? `${kept}.${adjusted}`
    : `${kept} — but the difference is within noise (the 95% interval of the relative risk includes 1), so it may not pay.${adjusted}`;
}
