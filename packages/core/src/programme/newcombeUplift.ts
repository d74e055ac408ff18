import { wilsonInterval } from "../defection/wilsonInterval.ts";
import { normalCdf } from "./normalCdf.ts";
import type { UpliftEstimate } from "./UpliftEstimate.ts";

/**
 * The difference of two proportions treated − control with Newcombe's hybrid score interval (method
 * 10 of Newcombe 1998, built from each arm's Wilson interval: good for small arms and shares near 0
 * or 1) and the two-sided p-value of the pooled two-proportion z-test.
 *
 * @example
 * newcombeUplift(56, 70, 48, 80); // uplift 0.2, interval ≈ [0.0524, 0.3339] (Newcombe's worked example)
 */
export function newcombeUplift(
  treatedSuccesses: number,
  treatedN: number,
  controlSuccesses: number,
  controlN: number,
  z = 1.959964,
): UpliftEstimate {
  if (treatedN === 0 || controlN === 0) {
    return {
      treated: null,
      control: null,
      uplift: null,
      low: null,
      high: null,
      pValue: null,
      method: "newcombe",
    };
  }
  const p1 = treatedSuccesses / treatedN;
  const p2 = controlSuccesses / controlN;
  const w1 = wilsonInterval(treatedSuccesses, treatedN, z);
  const w2 = wilsonInterval(controlSuccesses, controlN, z);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const high = d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  const pooled = (treatedSuccesses + controlSuccesses) / (treatedN + controlN);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / treatedN + 1 / controlN));
  const pValue = se === 0 ? (d === 0 ? 1 : 0) : Math.min(1, 2 * (1 - normalCdf(Math.abs(d) / se)));
  return { treated: p1, control: p2, uplift: d, low, high, pValue, method: "newcombe" };
}
