import { logHyp2f1Batch } from "./hyp2f1.ts";
import { logGamma } from "./logGamma.ts";
import { log1mExp, logAddExp } from "./logSumExp.ts";
import { patternWeights, type RfmData, sameLength } from "./rfmData.ts";

/** Pareto/NBD total log-likelihood over fixed data at params = [r, α, s, β]. */
export type ParetoNbdEvaluator = (params: ArrayLike<number>) => number;

/** The times t (recencies and ages) of the patterns with one purchase count, and where each pattern's are. */
interface CountGroup {
  x: number;
  /** Distinct t, descending, so z(t) = |α−β|/(max(α, β) + t) ascends as logHyp2f1Batch needs. */
  times: Float64Array;
  z: Float64Array;
  logF: Float64Array;
  /** Per pattern of this group: its index, and the positions of its tx and T in `times`. */
  patterns: Int32Array;
  txAt: Int32Array;
  TAt: Int32Array;
}

/** Groups the patterns by x and lists each group's distinct times, once per data set. */
function groupByCount(data: RfmData, len: number): CountGroup[] {
  const byX = new Map<number, number[]>();
  for (let i = 0; i < len; i++) {
    const x = data.x[i] as number;
    const list = byX.get(x);
    if (list === undefined) byX.set(x, [i]);
    else list.push(i);
  }
  const groups: CountGroup[] = [];
  for (const [x, rows] of byX) {
    const set = new Set<number>();
    for (const i of rows) {
      set.add(data.T[i] as number);
      set.add(data.tx[i] as number);
    }
    const times = Float64Array.from(set).sort().reverse();
    const at = new Map<number, number>();
    times.forEach((t, j) => {
      at.set(t, j);
    });
    groups.push({
      x,
      times,
      z: new Float64Array(times.length),
      logF: new Float64Array(times.length),
      patterns: Int32Array.from(rows),
      txAt: Int32Array.from(rows, (i) => at.get(data.tx[i] as number) as number),
      TAt: Int32Array.from(rows, (i) => at.get(data.T[i] as number) as number),
    });
  }
  return groups;
}

/**
 * Prepares the Pareto/NBD log-likelihood (Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and
 * Related Expressions", 2005, eq. 19–22) for repeated evaluation. Per pattern
 *   L = Γ(r+x) α^r β^s / Γ(r) × [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A0 ],
 *   A0 = F(tx) − F(T),  F(t) = 2F1(r+s+x, b; r+s+x+1; |α−β|/(m+t)) / (m+t)^(r+s+x),
 * with m = max(α, β) and b = s+1 when α ≥ β, r+x otherwise, all in log space; the difference
 * A0 is taken with log1mExp so it does not cancel when tx is close to T.
 *
 * Why an evaluator: the 2F1 depends on x through its parameters and on t only through its argument,
 * so each distinct x needs one 2F1 family at all of its customers' recencies and ages. These are
 * evaluated together by {@link logHyp2f1Batch}, which near z = 1 (the fit pushing s → 0 and β up)
 * shares one continuation of the hypergeometric equation across them.
 *
 * @example
 * const ll = paretoNbdEvaluator(cdnow);
 * ll([0.553, 10.578, 0.606, 11.669]); // ≈ −9594.98
 */
export function paretoNbdEvaluator(data: RfmData): ParetoNbdEvaluator {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights } = patternWeights(data.count, len);
  const groups = groupByCount(data, len);
  return (params) => {
    const r = params[0] as number;
    const alpha = params[1] as number;
    const s = params[2] as number;
    const beta = params[3] as number;
    const head = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    const big = Math.max(alpha, beta);
    const gap = Math.abs(alpha - beta);
    let total = 0;
    for (const g of groups) {
      const x = g.x;
      const rsx = r + s + x;
      const m = g.times.length;
      for (let j = 0; j < m; j++) g.z[j] = gap / (big + (g.times[j] as number));
      logHyp2f1Batch(rsx, alpha >= beta ? s + 1 : r + x, rsx + 1, g.z, g.logF);
      for (let j = 0; j < m; j++)
        g.logF[j] = (g.logF[j] as number) - rsx * Math.log(big + (g.times[j] as number));
      const lgRx = logGamma(r + x);
      const logShare = Math.log(s / rsx);
      for (let k = 0; k < g.patterns.length; k++) {
        const i = g.patterns[k] as number;
        const tx = data.tx[i] as number;
        const T = data.T[i] as number;
        const lo = g.logF[g.TAt[k] as number] as number;
        const hi = g.logF[g.txAt[k] as number] as number;
        const d = lo - hi;
        const a0 = tx >= T || d >= 0 ? Number.NEGATIVE_INFINITY : hi + log1mExp(d);
        const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        total += (weights[i] as number) * (head + lgRx + logAddExp(alive, logShare + a0));
      }
    }
    return total;
  };
}
