/** Whole numbers with thousands separators: 12300 → "12,300". */
function whole(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}

/**
 * The plain answer to "does removing this driver pay?": how many customers and how much value its
 * excess defection costs, or that it does not (it goes with less defection, or the difference is
 * within noise).
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
  readonly significant: boolean;
}): string {
  const rates = `defection ${(d.rateWith * 100).toFixed(1)}% with it, ${(d.rateWithout * 100).toFixed(1)}% without`;
  if (d.rateWith <= d.rateWithout) {
    return `${d.label} goes with less defection (${rates}); removing it would keep no one.`;
  }
  const kept = `Removing ${d.label} would keep about ${whole(d.customersRetained)} customers worth ${whole(d.valueAtStake)} (${rates})`;
  return d.significant
    ? `${kept}.`
    : `${kept} — but the difference is within noise (the 95% interval of the relative risk includes 1), so it may not pay.`;
}
