/** A solution of the hypergeometric equation at one point: f and f′ times e^−logScale, and the work done. */
export interface Hyp2f1State {
  /** f(z) × e^−logScale. */
  value: number;
  /** f′(z) × e^−logScale. */
  derivative: number;
  /** ln of the common scale factor, so values far beyond the double range stay representable. */
  logScale: number;
  /** Taylor terms summed. */
  terms: number;
  /** False when a step reached its term cap before its tail bound was met. */
  converged: boolean;
}

/** Each step covers at most this share of the distance to the singular point z = 1: its Taylor series then shrinks like 0.5^n. */
const CONTINUATION_STEP = 0.5;

/** Longest step, in units of the fastest local solution's e-folding length (see the loop). */
const STIFF_REACH = 3;

/**
 * Most steps a continuation from 1/2 to any double z < 1 takes: the loop stops there, its last step
 * landing on z, so the work is bounded by construction. The limit is sized never to be reached:
 * steps that halve the distance to 1 number at most 54 (1 − z ≥ 2^−53), and steps shortened to
 * STIFF_REACH e-folding lengths each use up about one unit of ∫ rate/STIFF_REACH, where over
 * [1/2, 1 − 2^−53] ∫ rate dz ≤ (|a|+|b|+|c|+1) ∫ dz/(z(1−z)) + √|ab| ∫ dz/√(z(1−z))
 * ≤ 37 (|a|+|b|+|c|+1) + 2 √|ab|; the limit doubles that for the rate's variation within a step.
 *
 * @example
 * continuationStepBound(1, 1.6, 2.2); // 55 + ⌈2 (37 × 5.8 + 2 √1.6)/3⌉ = 200
 */
export function continuationStepBound(a: number, b: number, c: number): number {
  const stiff = 37 * (Math.abs(a) + Math.abs(b) + Math.abs(c) + 1) + 2 * Math.sqrt(Math.abs(a * b));
  return 55 + Math.ceil((2 * stiff) / STIFF_REACH);
}

/** Relative size of the neglected tail of every Taylor step. */
const TAIL = 1e-17;

/**
 * Continues a solution of the hypergeometric equation z(1−z)f″ + [c − (a+b+1)z]f′ − ab f = 0 from z0
 * (where f and f′ are known, e.g. from the Gauss series at z0 = 1/2) to z in [z0, 1), by Taylor steps
 * that each cover at most half the remaining distance to the singular point z = 1, and at most
 * three e-folding lengths of the fastest local solution (so that with a, b in the hundreds no step
 * sums its series through terms e^100 times larger than the result).
 *
 * Why: near z = 1 the Gauss series needs about 1/(1−z) terms (2·10⁹ at z = 1 − 10⁻⁹), and the classical
 * z → 1−z connection formula has poles when c−a−b is an integer (Pareto/NBD's c−a−b = −s tends to 0
 * exactly as the fit pushes s to 0). The differential equation has neither problem: every step's
 * series converges like 0.5^n (its radius is at least twice the step), at most
 * {@link continuationStepBound} steps reach any double below 1, and nothing depends on c−a−b being an
 * integer. Values are carried with a log scale so (1−z)^−500 stays finite.
 *
 * Forward continuation is accurate for the solution that dominates near z = 1 or one that stays
 * bounded there; callers arrange c−a−b ≥ 0 (by Euler's transformation) so the function is bounded or
 * logarithmic at 1.
 *
 * `maxTermsPerStep` caps each step (default 10,000), and `maxTerms` the whole continuation (default
 * unlimited): reaching either sets `converged: false`, and a continuation out of terms stops where it
 * is (its value is then not f(z)).
 * With `visit`, the continuation passes through every point of `through` (ascending, in (z0, z]) on
 * its way and reports f there (value × e^logScale), so many arguments sharing a, b, c cost one
 * continuation plus one step each (the Pareto/NBD likelihood evaluates one 2F1 per purchase count at
 * every recency and age).
 *
 * @example
 * // 2F1(1, 1; 2; z) = −ln(1−z)/z, continued from its value and derivative at 1/2:
 * const f0 = 2 * Math.LN2, d0 = (1 / 0.5 - f0) / 0.5; // f′ = (1/(1−z) − f)/z
 * continueHyp2f1(1, 1, 2, { value: f0, derivative: d0, logScale: 0, terms: 0, converged: true }, 0.5, 0.999);
 * // value ≈ 6.9147 (= −ln(0.001)/0.999)
 */
export function continueHyp2f1(
  a: number,
  b: number,
  c: number,
  start: Hyp2f1State,
  z0: number,
  z: number,
  maxTermsPerStep = 10_000,
  through: ArrayLike<number> = [],
  visit?: (index: number, value: number, logScale: number) => void,
  maxTerms = Number.POSITIVE_INFINITY,
): Hyp2f1State {
  let f = start.value;
  let g = start.derivative;
  let logScale = start.logScale;
  let terms = start.terms;
  let converged = start.converged;
  const q1 = -(a + b + 1);
  const r = -a * b;
  let zi = z0;
  let next = 0;
  const maxSteps = continuationStepBound(a, b, c) + through.length;
  for (let step = 0; step < maxSteps && zi < z; step++) {
    if (terms >= maxTerms) return { value: f, derivative: g, logScale, terms, converged: false };
    // Land exactly on the next point to visit, if it comes before z.
    while (next < through.length && (through[next] as number) <= zi) {
      visit?.(next, f, logScale);
      next++;
    }
    const goal = next < through.length ? Math.min(through[next] as number, z) : z;
    const p0 = zi * (1 - zi);
    const q0 = c - (a + b + 1) * zi;
    // The step is also kept within STIFF_REACH of the fastest local solution (rate about
    // (|c − (a+b+1)z| + √|ab z(1−z)|)/(z(1−z))): a longer one would sum its Taylor series through terms
    // of size e^(rate × h) and lose that factor to rounding when a or b is in the hundreds.
    const rate = (Math.abs(q0) + Math.sqrt(Math.abs(r) * p0)) / p0;
    const far = zi + Math.min(CONTINUATION_STEP * (1 - zi), STIFF_REACH / rate);
    const landing = far >= goal || step === maxSteps - 1;
    const h = landing ? goal - zi : far - zi;
    const p1 = 1 - 2 * zi;
    // Scaled Taylor coefficients e_n = f⁽ⁿ⁾(zi) hⁿ / n!: f(zi+h) = Σ e_n, h f′(zi+h) = Σ n e_n.
    let e0 = f;
    let e1 = g * h;
    let sumF = e0 + e1;
    let sumG = e1;
    let n = 0;
    let done = false;
    for (; n < maxTermsPerStep; n++) {
      const k1 = (p1 * n * (n + 1) + q0 * (n + 1)) * h;
      const k0 = (-n * (n - 1) + q1 * n + r) * h * h;
      const den = p0 * (n + 1) * (n + 2);
      const e2 = -(k1 * e1 + k0 * e0) / den;
      sumF += e2;
      sumG += (n + 2) * e2;
      // Once the recurrence contracts (|e_{m+2}| ≤ γ max(|e_{m+1}|, |e_m|) with γ ≤ 3/4 from here
      // on, as γ decreases towards ≤ 1/2), the tail is below 8(m+3) max(|e1|, |e2|).
      const gamma = (Math.abs(k1) + Math.abs(k0)) / Math.abs(den);
      const big = Math.max(Math.abs(e1), Math.abs(e2));
      e0 = e1;
      e1 = e2;
      if (gamma <= 0.75 && 8 * (n + 5) * big <= TAIL * (Math.abs(sumF) + Math.abs(sumG))) {
        done = true;
        break;
      }
    }
    terms += n + 3;
    if (!done) converged = false;
    zi = landing ? goal : far;
    f = sumF;
    g = sumG / h;
    // Rescale by the state's size (f and the derivative over the next step's length).
    const size = Math.max(Math.abs(f), Math.abs(g) * (1 - zi));
    if (size > 0 && Number.isFinite(size)) {
      f /= size;
      g /= size;
      logScale += Math.log(size);
    }
  }
  for (; next < through.length; next++) visit?.(next, f, logScale);
  return { value: f, derivative: g, logScale, terms, converged };
}
