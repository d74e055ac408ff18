import { parseDay } from "./parseDay.ts";

/**
 * Every knob of the simulator. The purchase process is BG/NBD (Fader, Hardie & Lee 2005): customer
 * i buys at rate λ_i ~ Gamma(r, alpha) per day while alive and drops out after each repeat purchase
 * with probability p_i ~ Beta(a, b). Order value is Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and
 * CLV"): ν_i ~ Gamma(q, gamma) and each order's total z ~ Gamma(p, ν_i). Gamma shapes and rates are
 * in the papers' rate parameterisation (mean shape / rate).
 */
export interface SimulationParams {
  /** Number of customers to simulate. */
  readonly customers: number;
  /** Seed of the pseudo-random generator; same seed and parameters give byte-identical data. */
  readonly seed: number;
  /** BG/NBD shape of the purchase-rate gamma. */
  readonly r: number;
  /** BG/NBD rate of the purchase-rate gamma, per day (mean λ = r / alpha purchases per day). */
  readonly alpha: number;
  /** BG/NBD first shape of the dropout-probability beta. */
  readonly a: number;
  /** BG/NBD second shape of the dropout-probability beta (mean p = a / (a + b)). */
  readonly b: number;
  /** Gamma-Gamma shape of one order's total given ν (mean order = p / ν). */
  readonly p: number;
  /** Gamma-Gamma shape of ν across customers. */
  readonly q: number;
  /** Gamma-Gamma rate of ν across customers (mean order value = p · gamma / (q − 1) for q > 1). */
  readonly gamma: number;
  /** First day of acquisition, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** Last observed day, `YYYY-MM-DD` (UTC, inclusive: observation ends at the following midnight). */
  readonly end: string;
  /** Length of the acquisition window in days from `start`; 0 acquires everyone on `start`. */
  readonly acquisitionDays: number;
  /**
   * Continuous yearly growth of the acquisition rate over the window: 0 is uniform, 0.5 means the
   * rate at one year in is e^0.5 ≈ 1.65 times the rate at the start; negative values shrink.
   */
  readonly acquisitionGrowth: number;
  /** Mean number of lines (transaction rows) per order; at least 1. */
  readonly linesPerOrder: number;
  /** Probability that a line is followed by a return (a negative row) within 30 days. */
  readonly returnRate: number;
  /** Share of lines sold at a discount. */
  readonly discountRate: number;
  /** Average gross margin: cost ≈ gross amount × (1 − margin), varying by product, with noise. */
  readonly margin: number;
  /** Share of customers with a declared category budget (for share of wallet). */
  readonly budgetShare: number;
}

/**
 * Defaults that give realistic retail data: about one purchase every 40 days while alive, a quarter
 * of customers lost after each repeat purchase on average, orders around 32 in value, three years
 * observed with customers acquired during the first.
 */
export const defaultSimulationParams: SimulationParams = {
  customers: 10_000,
  seed: 1,
  r: 0.25,
  alpha: 10,
  a: 0.8,
  b: 2.5,
  p: 6,
  q: 3.8,
  gamma: 15,
  start: "2022-01-01",
  end: "2024-12-31",
  acquisitionDays: 365,
  acquisitionGrowth: 0,
  linesPerOrder: 1.5,
  returnRate: 0.03,
  discountRate: 0.15,
  margin: 0.35,
  budgetShare: 0.3,
};

/**
 * Fills in defaults for any parameter not given and checks every value, throwing one error that
 * names each bad parameter; the simulator only ever sees complete, valid parameters.
 *
 * @example
 * const params = resolveSimulationParams({ customers: 1000, seed: 7 });
 * params.alpha; // 10
 */
export function resolveSimulationParams(given: Partial<SimulationParams> = {}): SimulationParams {
  const params: SimulationParams = { ...defaultSimulationParams };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) Object.assign(params, { [key]: value });
  }
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  check(
    Number.isSafeInteger(params.customers) && params.customers >= 0,
    "customers must be a whole number ≥ 0",
  );
  check(params.customers <= 4_294_967_295, "customers must be below 2^32");
  check(Number.isSafeInteger(params.seed), "seed must be an integer");
  for (const key of ["r", "alpha", "a", "b", "p", "q", "gamma"] as const) {
    check(Number.isFinite(params[key]) && params[key] > 0, `${key} must be a number > 0`);
  }
  for (const key of ["returnRate", "discountRate", "budgetShare"] as const) {
    check(params[key] >= 0 && params[key] <= 1, `${key} must be between 0 and 1`);
  }
  check(params.margin >= 0 && params.margin < 1, "margin must be ≥ 0 and < 1");
  check(Number.isFinite(params.linesPerOrder) && params.linesPerOrder >= 1, "linesPerOrder must be ≥ 1");
  check(Number.isFinite(params.acquisitionGrowth), "acquisitionGrowth must be a number");
  const start = parseDay(params.start);
  const end = parseDay(params.end);
  check(!Number.isNaN(start), `start must be a date YYYY-MM-DD, got "${params.start}"`);
  check(!Number.isNaN(end), `end must be a date YYYY-MM-DD, got "${params.end}"`);
  check(!(end < start), "end must not be before start");
  check(
    Number.isFinite(params.acquisitionDays) && params.acquisitionDays >= 0,
    "acquisitionDays must be a number ≥ 0",
  );
  check(
    !(start + params.acquisitionDays > end + 1),
    "the acquisition window must end by the end of observation",
  );
  if (problems.length > 0) throw new Error(`invalid simulation parameters: ${problems.join("; ")}`);
  return params;
}
