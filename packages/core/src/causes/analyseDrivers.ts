import type { DriverDataset, LeftOutColumn } from "./DriverDataset.ts";
import type { DriverReport, DriverResult } from "./DriverReport.ts";
import { detectLeak } from "./detectLeak.ts";
import { driverSentence } from "./driverSentence.ts";
import { type EncodeOptions, encodeDrivers } from "./encodeDrivers.ts";
import { fitRidgeLogistic } from "./fitRidgeLogistic.ts";
import { leftOutNotes } from "./leftOutNotes.ts";
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
 *    inverse penalised Hessian. Each category is measured against its safest level (the lowest
 *    defection among levels with enough customers; see `encodeDrivers`), which is reported with its
 *    crude figures and no odds ratio ("reference"): the others are measured against it.
 * 4. **Value at stake** — `(rate_with − rate_without) × Σ value of the customers with it`: the value
 *    expected to be kept if the issue were removed, and `(rate_with − rate_without) × customers with
 *    it` the customers. Drivers are ranked by it, so the list reads as "what fixing this pays".
 *
 * Before the fit, a column that records the outcome rather than explaining it — filled only for one
 * outcome, or with levels that separate the outcomes perfectly (`detectLeak`) — is left out with a
 * warning in `notes` naming it: left in, it would top the list at 100% defection and distort every
 * adjusted estimate.
 *
 * These are associations in observational data, not experiments: a driver can stand in for a cause
 * it travels with. Significance is reported per estimate (`relativeRiskSignificant`,
 * `oddsRatioSignificant`); when the adjusted odds ratio points the other way from the relative risk
 * (`adjustmentReverses`), the sentence says so. `significant` needs both to agree. A driver that is
 * not significant is not shown to pay (seeds/004: the bank fixed statement errors, but its defectors
 * had not left over statements).
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
  const leftOut: LeftOutColumn[] = [...(dataset.leftOut ?? [])];
  const notes: string[] = [...(dataset.notes ?? [])];
  const kept = dataset.columns.filter((c) => {
    const leak = detectLeak(c, dataset.outcome);
    if (leak === null) return true;
    leftOut.push({ column: c.name, kind: "leak", detail: leak });
    return false;
  });
  notes.push(...leftOutNotes(leftOut));
  const { drivers, skipped } = encodeDrivers(kept, n, options, dataset.outcome);
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
  // log OR and its se of a driver: its coefficient; a reference level has none (null).
  const logOdds = (d: (typeof drivers)[number]): { beta: number; se: number } | null => {
    if (d.isReference) return null;
    if (fit === null) return { beta: 0, se: Number.NaN };
    const at = modelled.indexOf(d) + 1;
    return { beta: fit.coefficients[at] ?? 0, se: fit.standardErrors[at] ?? Number.NaN };
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
    const odds = logOdds(d);
    const or =
      odds === null
        ? null
        : {
            value: Math.exp(odds.beta),
            low: Math.exp(odds.beta - z * odds.se),
            high: Math.exp(odds.beta + z * odds.se),
          };
    const excessRate = rateWith - rateWithout;
    const rrSignificant = rr.low > 1 || rr.high < 1;
    const orSignificant = or === null ? null : or.low > 1 || or.high < 1;
    // Opposite sides of 1, and not both within noise (a flip of two noisy estimates says nothing).
    const reverses =
      or !== null &&
      rr.value !== 1 &&
      or.value !== 1 &&
      rr.value > 1 !== or.value > 1 &&
      (rrSignificant || orSignificant === true);
    const base = {
      label: d.label,
      customersRetained: excessRate * customersWith,
      valueAtStake: excessRate * valueWith,
      rateWith,
      rateWithout,
      significant: rrSignificant,
      oddsRatio: or?.value ?? null,
      oddsRatioLow: or?.low ?? null,
      oddsRatioHigh: or?.high ?? null,
    };
    return {
      id: d.id,
      column: d.column,
      level: d.level,
      reference: d.reference,
      isReference: d.isReference,
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
      relativeRiskSignificant: rrSignificant,
      oddsRatio: or?.value ?? null,
      oddsRatioLow: or?.low ?? null,
      oddsRatioHigh: or?.high ?? null,
      oddsRatioSignificant: orSignificant,
      adjustmentReverses: reverses,
      valueWith,
      excessRate,
      valueAtStake: base.valueAtStake,
      customersRetained: base.customersRetained,
      significant: rrSignificant && orSignificant !== false && !reverses,
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
    valueKind: dataset.valueKind ?? "profit",
    population: dataset.population ?? null,
    lambda: fit?.lambda ?? options.lambda ?? 1,
    converged: fit?.converged ?? true,
    iterations: fit?.iterations ?? 0,
    drivers: results,
    skipped,
    leftOut,
    notes,
  };
}
