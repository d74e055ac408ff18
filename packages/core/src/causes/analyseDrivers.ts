import type { DriverDataset } from "./DriverDataset.ts";
import type { DriverReport, DriverResult } from "./DriverReport.ts";
import { driverSentence } from "./driverSentence.ts";
import { type EncodeOptions, encodeDrivers } from "./encodeDrivers.ts";
import { fitRidgeLogistic } from "./fitRidgeLogistic.ts";
import { relativeRisk } from "./relativeRisk.ts";

/** Options of `analyseDrivers`. */
export interface DriverAnalysisOptions extends EncodeOptions {
  /** Ridge penalty of the logistic regression; default 1 (a N(0, 1) prior on each log odds ratio). */
  readonly lambda?: number;
  /** Normal quantile of the intervals; default 1.959964 (95%). */
  readonly z?: number;
}

/** Groups identical driver patterns so the regression runs over patterns, not customers. */
function groupPatterns(indicators: readonly Uint8Array[], outcome: Uint8Array) {
  const p = indicators.length;
  const index = new Map<string, number>();
  const patterns: number[][] = [];
  const successes: number[] = [];
  const trials: number[] = [];
  const row = new Array<number>(p);
  for (let i = 0; i < outcome.length; i++) {
    for (let j = 0; j < p; j++) row[j] = indicators[j]?.[i] ?? 0;
    const key = row.join("");
    let at = index.get(key);
    if (at === undefined) {
      at = patterns.length;
      index.set(key, at);
      patterns.push([...row]);
      successes.push(0);
      trials.push(0);
    }
    successes[at] = (successes[at] ?? 0) + (outcome[i] ?? 0);
    trials[at] = (trials[at] ?? 0) + 1;
  }
  return {
    rows: patterns.length,
    columns: p,
    x: Float64Array.from(patterns.flat()),
    successes: Float64Array.from(successes),
    trials: Float64Array.from(trials),
  };
}

/**
 * Which issues really drive defection, and which fixes pay. For each candidate driver (a complaint
 * category, an unresolved complaint, a low CSAT, a contract type, …) over one row per customer:
 *
 * 1. **Defection with and without it** — the rates among customers with the driver and without.
 * 2. **Relative risk** `rate_with / rate_without` with the 95% Katz log interval. Crude: a driver
 *    that merely travels with another (month-to-month contracts and electronic-check payment) shares
 *    its risk.
 * 3. **Adjusted odds ratio** — `exp(β)` of one logistic regression over all drivers at once, so each
 *    is measured holding the others fixed (a category level against the column's reference level);
 *    fitted by Newton–Raphson with a small ridge penalty (λ = 1 by default, intercept unpenalised)
 *    that keeps collinear or rare drivers finite; 95% interval `exp(β ± 1.96·se)`, se from the
 *    inverse penalised Hessian. The reference level itself gets the contrast with the column's other
 *    levels (weighted by their customers), so "month-to-month" has an odds ratio too.
 * 4. **Value at stake** — `(rate_with − rate_without) × Σ value of the customers with it`: the value
 *    expected to be kept if the issue were removed, and `(rate_with − rate_without) × customers with
 *    it` the customers. Drivers are ranked by it, so the list reads as "what fixing this pays".
 *
 * These are associations in observational data, not experiments: a driver can stand in for a cause
 * it travels with. When the adjusted odds ratio's interval includes 1 while the relative risk's does
 * not, the driver's crude effect is mostly another driver's. A driver whose relative-risk interval
 * includes 1 is flagged as not significant — improving it is not shown to pay (seeds/004: the bank
 * fixed statement errors, but its defectors had not left over statements).
 *
 * @example
 * const report = analyseDrivers(dataset);
 * for (const d of report.drivers.slice(0, 5)) console.log(d.sentence);
 */
export function analyseDrivers(dataset: DriverDataset, options: DriverAnalysisOptions = {}): DriverReport {
  const z = options.z ?? 1.959964;
  const n = dataset.outcome.length;
  let defected = 0;
  let totalValue = 0;
  for (let i = 0; i < n; i++) {
    defected += dataset.outcome[i] ?? 0;
    totalValue += dataset.value[i] ?? 0;
  }
  const { drivers, skipped } = encodeDrivers(dataset.columns, n, options);
  const notes: string[] = [];
  const modelled = drivers.filter((d) => !d.isReference);
  const fit =
    modelled.length > 0 && n > 0
      ? fitRidgeLogistic(
          groupPatterns(
            modelled.map((d) => d.indicator),
            dataset.outcome,
          ),
          options.lambda === undefined ? {} : { lambda: options.lambda },
        )
      : null;
  const k = modelled.length + 1;
  // log OR and its se of a driver: its coefficient, or for a reference level the contrast with its
  // column's other (modelled) levels, weighted by their customers: −Σ wₗ βₗ, variance wᵀ Σ w.
  const logOdds = (d: (typeof drivers)[number]): { beta: number; se: number } => {
    if (fit === null) return { beta: 0, se: Number.NaN };
    const terms = d.isReference
      ? modelled.flatMap((m, j) => (m.column === d.column ? [{ index: j + 1, weight: m.count }] : []))
      : [{ index: modelled.indexOf(d) + 1, weight: 1 }];
    const total = d.isReference ? terms.reduce((s, t) => s + t.weight, 0) : 1;
    if (terms.length === 0 || total === 0) return { beta: 0, se: Number.NaN };
    const sign = d.isReference ? -1 : 1;
    let beta = 0;
    let variance = 0;
    for (const a of terms) {
      beta += (sign * a.weight * (fit.coefficients[a.index] ?? 0)) / total;
      for (const b of terms) {
        variance += ((a.weight * b.weight) / (total * total)) * (fit.covariance[a.index * k + b.index] ?? 0);
      }
    }
    return { beta, se: Math.sqrt(Math.max(0, variance)) };
  };
  if (fit !== null && !fit.converged)
    notes.push(`the regression did not converge in ${fit.iterations} steps`);
  if (defected === 0 || defected === n) notes.push("every customer has the same outcome: nothing to explain");
  const results: DriverResult[] = drivers.map((d) => {
    let customersWith = 0;
    let defectedWith = 0;
    let valueWith = 0;
    for (let i = 0; i < n; i++) {
      if (d.indicator[i] !== 1) continue;
      customersWith++;
      defectedWith += dataset.outcome[i] ?? 0;
      valueWith += dataset.value[i] ?? 0;
    }
    const customersWithout = n - customersWith;
    const defectedWithout = defected - defectedWith;
    const rateWith = defectedWith / customersWith;
    const rateWithout = defectedWithout / customersWithout;
    const rr = relativeRisk(defectedWith, customersWith, defectedWithout, customersWithout, z);
    const { beta, se } = logOdds(d);
    const excessRate = rateWith - rateWithout;
    const significant = rr.low > 1 || rr.high < 1;
    const base = {
      label: d.label,
      customersRetained: excessRate * customersWith,
      valueAtStake: excessRate * valueWith,
      rateWith,
      rateWithout,
      significant,
    };
    return {
      id: d.id,
      column: d.column,
      level: d.level,
      reference: d.reference,
      label: d.label,
      aliases: d.aliases,
      customersWith,
      defectedWith,
      rateWith,
      customersWithout,
      defectedWithout,
      rateWithout,
      relativeRisk: rr.value,
      relativeRiskLow: rr.low,
      relativeRiskHigh: rr.high,
      oddsRatio: Math.exp(beta),
      oddsRatioLow: Math.exp(beta - z * se),
      oddsRatioHigh: Math.exp(beta + z * se),
      valueWith,
      excessRate,
      valueAtStake: base.valueAtStake,
      customersRetained: base.customersRetained,
      significant,
      sentence: driverSentence(base),
    };
  });
  results.sort((a, b) => b.valueAtStake - a.valueAtStake || b.relativeRisk - a.relativeRisk);
  return {
    customers: n,
    defected,
    baseRate: n === 0 ? 0 : defected / n,
    totalValue,
    valueBasis: dataset.valueBasis,
    lambda: fit?.lambda ?? options.lambda ?? 1,
    converged: fit?.converged ?? true,
    iterations: fit?.iterations ?? 0,
    drivers: results,
    skipped,
    notes,
  };
}
