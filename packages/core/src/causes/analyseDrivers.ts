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
  /**
   * The cost of fixing an issue, by driver id (`Contract=Month-to-month`), or under "*" for every
   * driver: the report then gives the return on it. Default none.
   */
  readonly fixCosts?: Readonly<Record<string, number>>;
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
 * Which service issues really drive defection, and what fixing each pays. For each candidate driver
 * (a complaint category, an unresolved complaint, a low CSAT, a contract type, …) over one row per
 * customer:
 *
 * 1. **Defection with it and in its comparison group** — a category level is compared with the
 *    column's reference level (the user's choice, else the largest level; see `encodeDrivers`), a
 *    flag with the customers without it. The reference level is never a driver of its own.
 * 2. **Relative risk** `rate_with / rate_reference` with the 95% Katz log interval. Crude: a driver
 *    that merely travels with another (month-to-month contracts and electronic-check payment) shares
 *    its risk.
 * 3. **Adjusted odds ratio** — `exp(β)` of one logistic regression over every driver *and every
 *    descriptor* (tenure, region, …) at once, so each service issue is measured holding the others
 *    and the customer's traits fixed; Newton–Raphson with a small ridge penalty (λ = 1 by default,
 *    intercept unpenalised) that keeps collinear or rare drivers finite; 95% interval
 *    `exp(β ± 1.96·se)`, se from the inverse penalised Hessian.
 * 4. **What a fix pays** — `(rate_with − rate_reference) × Σ value of the customers with it`: the
 *    value expected to be kept if they defected as the comparison group does, and the customers
 *    likewise, each with a 95% interval from the standard error of the difference of the two rates;
 *    with a fix cost (`fixCosts`), the return `(value kept − cost) ÷ cost` and its interval.
 *    Drivers are ranked by value at stake.
 *
 * Only service issues are reported as drivers: descriptors (`role: "descriptor"`) are nobody's to
 * remove, so they are adjusted for (`adjustedFor`) and shown by the profiles. Before the fit, a
 * column that records the outcome rather than explaining it (`detectLeak`) is left out with a
 * warning in `notes`.
 *
 * These are associations in observational data, not experiments: a driver can stand in for a cause
 * it travels with. Significance is reported per estimate; when the adjusted odds ratio points the
 * other way from the relative risk (`adjustmentReverses`), the sentence says so. A driver that is not
 * significant is not shown to pay (seeds/004: the bank fixed statement errors, but its defectors
 * had not left over statements).
 *
 * @example
 * const report = analyseDrivers(dataset, { references: { Contract: "Two year" }, fixCosts: { "*": 10_000 } });
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
  const fit =
    drivers.length > 0 && n > 0
      ? fitRidgeLogistic(
          groupPatterns(
            drivers.map((d) => d.indicator),
            dataset.outcome,
          ),
          options.lambda === undefined ? {} : { lambda: options.lambda },
        )
      : null;
  if (fit !== null && !fit.converged)
    notes.push(`the regression did not converge in ${fit.iterations} steps`);
  if (defected === 0 || defected === n) notes.push("every customer has the same outcome: nothing to explain");
  const results: DriverResult[] = drivers.flatMap((d, at) => {
    if (d.role !== "service") return [];
    let customersWith = 0;
    let defectedWith = 0;
    let valueWith = 0;
    let customersWithout = 0;
    let defectedWithout = 0;
    for (let i = 0; i < n; i++) {
      const o = dataset.outcome[i] ?? 0;
      if (d.indicator[i] === 1) {
        customersWith++;
        defectedWith += o;
        valueWith += dataset.value[i] ?? 0;
      } else if (d.referenceIndicator === null || d.referenceIndicator[i] === 1) {
        customersWithout++;
        defectedWithout += o;
      }
    }
    const rateWith = defectedWith / customersWith;
    const rateWithout = customersWithout === 0 ? 0 : defectedWithout / customersWithout;
    const rr = relativeRisk(defectedWith, customersWith, defectedWithout, customersWithout, z);
    const beta = fit === null ? 0 : (fit.coefficients[at + 1] ?? 0);
    const se = fit === null ? Number.NaN : (fit.standardErrors[at + 1] ?? Number.NaN);
    const or = { value: Math.exp(beta), low: Math.exp(beta - z * se), high: Math.exp(beta + z * se) };
    const excessRate = rateWith - rateWithout;
    const excessSe = Math.sqrt(
      (rateWith * (1 - rateWith)) / customersWith +
        (customersWithout === 0 ? 0 : (rateWithout * (1 - rateWithout)) / customersWithout),
    );
    const rrSignificant = rr.low > 1 || rr.high < 1;
    const orSignificant = or.low > 1 || or.high < 1;
    // Opposite sides of 1, and not both within noise (a flip of two noisy estimates says nothing).
    const reverses =
      rr.value !== 1 && or.value !== 1 && rr.value > 1 !== or.value > 1 && (rrSignificant || orSignificant);
    const valueAtStake = excessRate * valueWith;
    const valueAtStakeLow = (excessRate - z * excessSe) * valueWith;
    const valueAtStakeHigh = (excessRate + z * excessSe) * valueWith;
    const fixCost = options.fixCosts?.[d.id] ?? options.fixCosts?.["*"] ?? null;
    const ret = (v: number) => (fixCost === null || fixCost <= 0 ? null : (v - fixCost) / fixCost);
    const result = {
      id: d.id,
      column: d.column,
      level: d.level,
      reference: d.reference,
      role: d.role,
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
      oddsRatio: or.value,
      oddsRatioLow: or.low,
      oddsRatioHigh: or.high,
      oddsRatioSignificant: orSignificant,
      adjustmentReverses: reverses,
      valueWith,
      excessRate,
      valueAtStake,
      customersRetained: excessRate * customersWith,
      customersRetainedLow: (excessRate - z * excessSe) * customersWith,
      customersRetainedHigh: (excessRate + z * excessSe) * customersWith,
      valueAtStakeLow,
      valueAtStakeHigh,
      fixCost,
      returnOnFix: ret(valueAtStake),
      returnOnFixLow: ret(valueAtStakeLow),
      returnOnFixHigh: ret(valueAtStakeHigh),
      significant: rrSignificant && orSignificant && !reverses,
    };
    return [{ ...result, sentence: driverSentence({ ...result, significant: rrSignificant }) }];
  });
  results.sort((a, b) => b.valueAtStake - a.valueAtStake || b.relativeRisk - a.relativeRisk);
  const adjustedFor = [
    ...new Set(kept.filter((c) => (c.role ?? "service") === "descriptor").map((c) => c.name)),
  ];
  if (results.length === 0 && drivers.length > 0)
    notes.push(
      "no service issue to rank: the data hold no complaints, survey answers, discounts or attributes marked as service (--service); what describes the defectors is in vafa causes profiles",
    );
  if (adjustedFor.length > 0)
    notes.push(
      `adjusted for the customers' traits (not ranked: nobody can remove them; see vafa causes profiles): ${adjustedFor.join(", ")}`,
    );
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
    adjustedFor,
    skipped,
    leftOut,
    notes,
  };
}
