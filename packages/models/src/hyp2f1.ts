import { continuationStepBound, continueHyp2f1 } from "./continueHyp2f1.ts";
import { logGamma } from "./logGamma.ts";
import { logGammaRatio } from "./logGammaRatio.ts";

/** Result of a 2F1 evaluation kept in log space: value = sign × exp(logAbs). */
export interface LogSigned {
  logAbs: number;
  sign: number;
}

const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);
/** Relative size of the neglected tail of a series. */
const TAIL = 1e-17;
/** Below this |z| the Gauss series is summed directly; above it, the equation is continued from here. */
const SERIES_LIMIT = 0.5;
/** Terms the series at z > 1/2 may take, at least, before the evaluation continues the equation from 1/2. */
const DIRECT_BUDGET = 400;
/**
 * The most terms one evaluation may sum, whatever the parameters: past it the evaluation gives up
 * (`converged: false`, NaN), so a likelihood probed at parameters in the millions is "not finite"
 * there rather than slow. The models' regions need at most a few thousand.
 */
export const HYP2F1_MAX_TERMS = 2_000_000;

/**
 * Terms the series at z in (1/2, 1) may take before the continuation is used instead: DIRECT_BUDGET
 * (enough where c is well above a or b), or, when the series' geometric convergence (about 40/(1−z)
 * terms) is cheaper than the continuation (about 40 terms a step, over the halving steps and the stiff
 * steps that grow with the parameters), twice that, up to HYP2F1_MAX_TERMS. Never more than
 * 400 + 80 (55 + (|a|+|b|+|c|)/4), as log2(0.5/(1−z)) ≤ 52 for doubles.
 */
function directBudget(a: number, b: number, c: number, z: number): number {
  const direct = 40 / (1 - z);
  const continuation = 40 * (Math.log2(0.5 / (1 - z)) + 1 + 0.25 * (Math.abs(a) + Math.abs(b) + Math.abs(c)));
  return direct <= continuation
    ? Math.min(HYP2F1_MAX_TERMS, Math.ceil(2 * direct) + DIRECT_BUDGET)
    : DIRECT_BUDGET;
}

/** A 2F1 evaluation with the work it took: see {@link logHyp2f1Work}. */
export interface Hyp2f1Evaluation extends LogSigned {
  /** Series and Taylor terms summed, over every stage of the evaluation. */
  terms: number;
  /** False when a series or a continuation step reached its term cap (never seen in the models' regions). */
  converged: boolean;
}

/**
 * Term cap of one Gauss series at |z| ≤ 1/2 or one continuation step: 200 + 10 (|a| + |b| + |c|), at
 * most HYP2F1_MAX_TERMS.
 * Past k ≈ 8 (|a| + |b| + |c|) the term ratio is below 3/4 in both, and 200 more terms shrink any
 * term below 10⁻¹⁷ of the peak, so the cap is never the reason a sum stops.
 *
 * @example
 * hyp2f1TermCap(1, 1, 2); // 240
 */
export function hyp2f1TermCap(a: number, b: number, c: number): number {
  return Math.min(HYP2F1_MAX_TERMS, Math.ceil(200 + 10 * (Math.abs(a) + Math.abs(b) + Math.abs(c))));
}

/**
 * The most terms any 2F1 evaluation can sum, whatever z is: never more than HYP2F1_MAX_TERMS (plus
 * the step in progress), and for moderate parameters far fewer: an attempt at z itself (400 terms, more
 * when the continuation would cost more); at most two connection-formula series, each capped by {@link hyp2f1TermCap} of its
 * parameters (1, b, 2+b−c); and one series plus at most {@link continuationStepBound} continuation
 * steps, each capped by {@link hyp2f1TermCap} (plus three for a step's first coefficients). The
 * transformations only permute and shift the parameters, so the bound is taken with a, b widened to
 * max(|a|, |c−a|) and max(|b|, |c−b|). In the models' regions the real counts are far lower (tens to
 * a few thousand; see the tests).
 *
 * @example
 * hyp2f1TermBound(1, 1.6, 2.2); // 53,086, whatever z is (it grows with the parameters: 2.1e8 at a, b ≈ 300)
 */
export function hyp2f1TermBound(a: number, b: number, c: number): number {
  const wa = Math.max(Math.abs(a), Math.abs(c - a));
  const wb = Math.max(Math.abs(b), Math.abs(c - b));
  const connection = 2 * hyp2f1TermCap(1, Math.max(wa, wb), 2 + Math.max(wa, wb) + Math.abs(c));
  const direct = DIRECT_BUDGET + 80 * (55 + (wa + wb + Math.abs(c)) / 4);
  const formula =
    direct + connection + (continuationStepBound(wa, wb, c) + 1) * (hyp2f1TermCap(wa, wb, c) + 3);
  return Math.ceil(Math.min(formula, HYP2F1_MAX_TERMS + hyp2f1TermCap(wa, wb, c) + 3));
}

/** Gauss series Σ t_k with t_k = (a)_k (b)_k / ((c)_k k!) z^k, and z f′ = Σ k t_k, sharing one log scale. */
interface SeriesSum {
  sum: number;
  derivativeSum: number;
  logScale: number;
  terms: number;
  converged: boolean;
}

/**
 * Tail bound factor for positive series of the models' shape: when z ≤ 1, a ≤ 1 and c − b > 1 (or
 * the same with a and b swapped), every later term ratio is at most (b+j)/(c+j), and
 * Σ_{m≥1} Π_{i<m} (b+k+i)/(c+k+i) = (b+k)/(c−b−1) (Gauss's sum 2F1(u,1;v;1) = (v−1)/(v−u−1)), so the
 * tail after term k is at most t_k (b+k)/(c−b−1), however close z is to 1. Infinity when it does not apply.
 */
function raabeTail(a: number, b: number, c: number, z: number, k: number): number {
  if (!(z > 0 && z <= 1 && a > 0 && b > 0)) return Number.POSITIVE_INFINITY;
  const viaB = a <= 1 && c - b > 1 ? (b + k) / (c - b - 1) : Number.POSITIVE_INFINITY;
  const viaA = b <= 1 && c - a > 1 ? (a + k) / (c - a - 1) : Number.POSITIVE_INFINITY;
  return Math.min(viaB, viaA);
}

/**
 * Plain Gauss series with sign tracking and periodic rescaling so huge partial sums never overflow,
 * stopping when the tail is provably below 10⁻¹⁷ of the sum (of the derivative's sum too when
 * `withDerivative`), or at `cap` terms with `converged: false`.
 */
function series(a: number, b: number, c: number, z: number, cap: number, withDerivative: boolean): SeriesSum {
  let term = 1;
  let sum = 1;
  let dsum = 0;
  let logScale = 0;
  let ratio = (a * b * z) / c;
  const az = Math.abs(z);
  for (let k = 0; k < cap; k++) {
    term *= ratio;
    sum += term;
    dsum += (k + 1) * term;
    if (term === 0) return { sum, derivativeSum: dsum, logScale, terms: k + 1, converged: true };
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      dsum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    ratio = (((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z;
    // Past the climb the later ratios stay below max(this ratio, |z|) (they tend to z monotonically),
    // so the tails of Σ t_k and Σ k t_k are bounded by geometric series.
    const q = Math.max(Math.abs(ratio), az);
    const geometric = q < 1 ? q / (1 - q) : Number.POSITIVE_INFINITY;
    const tail = Math.abs(term) * Math.min(geometric, raabeTail(a, b, c, z, k + 1));
    const small = tail <= TAIL * Math.abs(sum);
    if (small && !withDerivative)
      return { sum, derivativeSum: dsum, logScale, terms: k + 1, converged: true };
    if (small && q < 1 && (tail * (k + 2)) / (1 - q) <= TAIL * Math.max(Math.abs(dsum), Math.abs(sum)))
      return { sum, derivativeSum: dsum, logScale, terms: k + 1, converged: true };
  }
  return { sum, derivativeSum: dsum, logScale, terms: cap, converged: false };
}

/** Rough size of the terms the series must climb over before it starts to converge. */
function growth(a: number, b: number, c: number): number {
  return Math.abs((a * b) / c);
}

/** ln|s| and its sign with an extra log factor, for a finished series or continuation. */
function signed(
  value: number,
  logScale: number,
  logFactor: number,
  terms: number,
  converged: boolean,
): Hyp2f1Evaluation {
  if (value === 0) return { logAbs: Number.NEGATIVE_INFINITY, sign: 0, terms, converged };
  return {
    logAbs: logScale + Math.log(Math.abs(value)) + logFactor,
    sign: value > 0 ? 1 : -1,
    terms,
    converged,
  };
}

/** Sign of Γ(x) for real x (not a pole): positive for x > 0, (−1)^⌈−x⌉ below 0. */
function gammaSign(x: number): number {
  return x > 0 ? 1 : Math.ceil(-x) % 2 === 0 ? 1 : -1;
}

/**
 * 2F1(1, b; c; z) near z = 1 by the z → 1−z connection formula, which for a = 1 needs one series:
 *   2F1(1, b; c; z) = (c−1)/e · 2F1(1, b; 1−e; 1−z) + Γ(c) Γ(−e)/Γ(b) · (1−z)^e z^(1−c),  e = c−b−1
 * (the second series 2F1(c−1, c−b; c−b; 1−z) is z^(1−c) in closed form). Both models' 2F1 have this
 * shape (Pareto/NBD after Euler's transformation, sBG as it is). Returns the evaluation at z for given
 * b, c, with the Γ factor computed once. `converged: false` (with the terms spent; the caller continues
 * the differential equation instead) where it is not safe: e within 0.05 of an integer (the poles of
 * Γ(−e) and of the series, where Pareto/NBD's s → 0 lands), (|b| + |c| + 2)(1−z) above 1/4 (the series
 * would climb), or the two terms cancelling to below 10⁻⁴ of the larger.
 */
function unitConnection(b: number, c: number): (z: number) => Hyp2f1Evaluation {
  const e = c - b - 1;
  const unsafe = (terms: number): Hyp2f1Evaluation => ({
    logAbs: Number.NaN,
    sign: 0,
    terms,
    converged: false,
  });
  if (Math.abs(e - Math.round(e)) < 0.05) return () => unsafe(0);
  const reach = 0.25 / (Math.abs(b) + Math.abs(c) + 2);
  const first = (c - 1) / e;
  const signSecond = gammaSign(c) * gammaSign(-e) * gammaSign(b);
  // ln |Γ(c) Γ(−e)/Γ(b)|, once per (b, c) and only when some z is close enough to need it.
  let logGammas = Number.NaN;
  return (z) => {
    const w = 1 - z;
    if (w > reach) return unsafe(0);
    const s = series(1, b, 1 - e, w, hyp2f1TermCap(1, b, 1 - e), false);
    if (!s.converged || s.sum === 0) return unsafe(s.terms);
    const logFirst = Math.log(Math.abs(first)) + s.logScale + Math.log(Math.abs(s.sum));
    const signFirst = Math.sign(first) * Math.sign(s.sum);
    if (Number.isNaN(logGammas)) logGammas = logGammaRatio(b, c - b) + logGamma(-e);
    const logSecond = logGammas + e * Math.log(w) + (1 - c) * Math.log(z);
    const top = Math.max(logFirst, logSecond);
    const sum = signFirst * Math.exp(logFirst - top) + signSecond * Math.exp(logSecond - top);
    if (!(Math.abs(sum) >= 1e-4)) return unsafe(s.terms);
    return { logAbs: top + Math.log(Math.abs(sum)), sign: sum > 0 ? 1 : -1, terms: s.terms, converged: true };
  };
}

/**
 * The connection formula near z = 1 for 2F1(a, b; c; ·), tried on whichever of the original and
 * Euler's form (1−z)^(c−a−b) 2F1(c−a, c−b; c; z) has a unit parameter and is safe there (see
 * unitConnection); `converged: false` when neither is, with the terms the attempts spent.
 */
function connection(a: number, b: number, c: number): (z: number) => Hyp2f1Evaluation {
  // Unit up to rounding: Pareto/NBD's c = a + 1 is formed in floating point, so c − a may miss 1 by
  // an ulp, a difference far below the formula's own rounding.
  const unit = (v: number): boolean => Math.abs(v - 1) <= 1e-14 * Math.max(1, Math.abs(c));
  const forms: { at: (z: number) => Hyp2f1Evaluation; euler: boolean }[] = [];
  if (unit(a) || unit(b)) forms.push({ at: unitConnection(unit(a) ? b : a, c), euler: false });
  if (unit(c - a) || unit(c - b))
    forms.push({ at: unitConnection(unit(c - a) ? c - b : c - a, c), euler: true });
  return (z) => {
    let terms = 0;
    for (const form of forms) {
      const r = form.at(z);
      terms += r.terms;
      if (r.converged)
        return { ...r, logAbs: r.logAbs + (form.euler ? (c - a - b) * Math.log1p(-z) : 0), terms };
    }
    return { logAbs: Number.NaN, sign: 0, terms, converged: false };
  };
}

/** 2F1 for 0 < z < 1: the series up to 1/2, the continued differential equation beyond. */
function positiveArgument(a: number, b: number, c: number, z: number): Hyp2f1Evaluation {
  // Euler: 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z).
  const eulerLog = (c - a - b) * Math.log1p(-z);
  if (z <= SERIES_LIMIT) {
    // Whichever form climbs over smaller terms (a or b in the hundreds, c close to them).
    const euler = growth(c - a, c - b, c) < growth(a, b, c);
    const s = euler
      ? series(c - a, c - b, c, z, hyp2f1TermCap(c - a, c - b, c), false)
      : series(a, b, c, z, hyp2f1TermCap(a, b, c), false);
    return signed(s.sum, s.logScale, euler ? eulerLog : 0, s.terms, s.converged);
  }
  // The form with c−a−b ≥ 0: it is bounded (or logarithmic) at z = 1, so forward continuation keeps
  // its relative accuracy; the other form's (1−z)^(c−a−b) is exact in log space.
  const euler = c - a - b < 0;
  const pa = euler ? c - a : a;
  const pb = euler ? c - b : b;
  const lead = euler ? eulerLog : 0;
  // Its series at z itself first, within a small budget: for c well above a or b (Pareto/NBD with many
  // purchases) the terms fall so fast that a few dozen suffice even at z = 1 − 10⁻⁹.
  // Close to 1 with a unit parameter (the models' shape), the connection formula in a few terms.
  const near = connection(a, b, c)(z);
  if (near.converged) return near;
  const direct = series(pa, pb, c, z, directBudget(pa, pb, c, z), false);
  if (direct.converged) return signed(direct.sum, direct.logScale, lead, direct.terms + near.terms, true);
  const s = series(pa, pb, c, SERIES_LIMIT, hyp2f1TermCap(pa, pb, c), true);
  const start = {
    value: s.sum,
    derivative: s.derivativeSum / SERIES_LIMIT,
    logScale: s.logScale,
    terms: direct.terms + near.terms + s.terms,
    converged: s.converged,
  };
  const end = continueHyp2f1(
    pa,
    pb,
    c,
    start,
    SERIES_LIMIT,
    z,
    hyp2f1TermCap(pa, pb, c),
    [],
    undefined,
    HYP2F1_MAX_TERMS,
  );
  if (!end.converged) return { logAbs: Number.NaN, sign: 0, terms: end.terms, converged: false };
  return signed(end.value, end.logScale, lead, end.terms, true);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) in log space with the work it took, for real z < 1 and c not a
 * non-positive integer.
 *
 * Why: the Pareto/NBD likelihood and sBG's discounted lifetimes raise 2F1 with a or b of size x
 * (hundreds) and z up to 1 − 10⁻⁹ (Pareto/NBD's z = (β−α)/(β+t) tends to 1 as the fit pushes the
 * dropout shape s to 0 and β up), where the Gauss series needs about 1/(1−z) terms. By region:
 * - z < 0: Pfaff's 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)) (or the same with a and b
 *   swapped) maps z into (0, 1);
 * - 0 < z ≤ 1/2: the Gauss series, of the original or of Euler's form
 *   (1−z)^(c−a−b) 2F1(c−a, c−b; c; z), whichever has the smaller terms; it converges at least like
 *   (1/2)^k once k passes about 8 (|a| + |b| + |c|);
 * - 1/2 < z < 1: the series of the form with c−a−b ≥ 0 at z itself when it meets its tail bound within
 *   400 terms (c well above a or b: Pareto/NBD with many purchases); else, with a unit parameter (the
 *   models' shape) close to 1 and c−a−b at least 0.05 from an integer, the z → 1−z connection formula
 *   (one short series in 1−z; see unitConnection); otherwise its series at z = 1/2 (value and
 *   derivative), continued along the hypergeometric differential equation by Taylor steps that each
 *   cover at most half the distance to 1 (see continueHyp2f1). Unlike the connection formula the
 *   continuation has no poles at integer c−a−b, so Pareto/NBD's s → 0 needs no special case.
 * Every evaluation therefore sums at most {@link hyp2f1TermBound}(a, b, c) terms, whatever z is, and
 * never more than {@link HYP2F1_MAX_TERMS}: an evaluation that would need more (parameters in the
 * millions with z near 1) returns NaN with `converged: false`, so a likelihood is "not finite" there
 * instead of slow. The count is returned in `terms` so tests can assert it.
 *
 * @example
 * logHyp2f1Work(1.6, 1.6, 2.6, 1 - 1e-9); // { logAbs: 13.41478…, sign: 1, terms: 1, converged: true }
 */
export function logHyp2f1Work(a: number, b: number, c: number, z: number): Hyp2f1Evaluation {
  if (!(z < 1) || Number.isNaN(a + b + c) || (c <= 0 && Number.isInteger(c)))
    return { logAbs: Number.NaN, sign: 0, terms: 0, converged: false };
  if (z === 0 || a === 0 || b === 0) return { logAbs: 0, sign: 1, terms: 0, converged: true };
  if (z < 0) {
    const w = z / (z - 1);
    const lead = Math.log1p(-z);
    // Keep the parameter whose partner c−(other) is non-negative, so the new series keeps one sign
    // for the models' positive parameters; otherwise the one with the smaller terms.
    const keepA = c - b >= 0 || (c - a < 0 && growth(a, c - b, c) <= growth(c - a, b, c));
    const inner = keepA ? positiveArgument(a, c - b, c, w) : positiveArgument(c - a, b, c, w);
    return trusted({ ...inner, logAbs: inner.logAbs - (keepA ? a : b) * lead });
  }
  return trusted(positiveArgument(a, b, c, z));
}

/** The evaluation when every stage converged; otherwise NaN with the work spent (see HYP2F1_MAX_TERMS). */
function trusted(r: Hyp2f1Evaluation): Hyp2f1Evaluation {
  return r.converged ? r : { logAbs: Number.NaN, sign: 0, terms: r.terms, converged: false };
}

/**
 * ln 2F1(a, b; c; z_i) for many arguments sharing a, b, c, written to `out` (NaN where the value is
 * negative or undefined); returns the terms summed. `z` must be ascending.
 *
 * Why: the Pareto/NBD likelihood needs one 2F1 per purchase count x at every recency and age of the
 * customers with that x. Near z = 1 each single evaluation continues the differential equation from
 * 1/2 (about twenty steps at z = 1 − 10⁻⁵); here one continuation passes through all the arguments,
 * one step each, so the work is at most {@link hyp2f1TermBound}(a, b, c) plus one capped step per
 * argument. Arguments at or below 1/2 are evaluated one by one.
 *
 * @example
 * const out = new Float64Array(2);
 * logHyp2f1Batch(1, 1, 2, [0.9, 0.999], out); // out ≈ [ln 2.558, ln 6.915]
 */
export function logHyp2f1Batch(
  a: number,
  b: number,
  c: number,
  z: ArrayLike<number>,
  out: Float64Array,
): number {
  let terms = 0;
  let first = 0;
  while (first < z.length && !((z[first] as number) > SERIES_LIMIT)) {
    const w = logHyp2f1Work(a, b, c, z[first] as number);
    out[first] = w.sign < 0 ? Number.NaN : w.logAbs;
    terms += w.terms;
    first++;
  }
  if (first === z.length) return terms;
  if (!((z[z.length - 1] as number) < 1) || (c <= 0 && Number.isInteger(c))) {
    for (let i = first; i < z.length; i++) out[i] = Number.NaN;
    return terms;
  }
  // The form bounded at z = 1, as in positiveArgument; its (1−z)^(c−a−b) factor per argument.
  const euler = c - a - b < 0;
  const pa = euler ? c - a : a;
  const pb = euler ? c - b : b;
  const lead = (i: number): number => (euler ? (c - a - b) * Math.log1p(-(z[i] as number)) : 0);
  // The arguments close enough to 1 for the connection formula (a unit parameter) need no more.
  const rest: number[] = [];
  const nearOne = connection(a, b, c);
  for (let i = first; i < z.length; i++) {
    const near = nearOne(z[i] as number);
    terms += near.terms;
    if (!near.converged) rest.push(i);
    else out[i] = near.sign < 0 ? Number.NaN : near.logAbs;
  }
  if (rest.length === 0) return terms;
  // When the series converges within the budget at the largest remaining argument, it does at the others.
  const far = z[rest[rest.length - 1] as number] as number;
  const budget = directBudget(pa, pb, c, far);
  const hardest = series(pa, pb, c, far, budget, false);
  terms += hardest.terms;
  if (hardest.converged) {
    for (const i of rest) {
      const s = i === rest[rest.length - 1] ? hardest : series(pa, pb, c, z[i] as number, budget, false);
      if (s !== hardest) terms += s.terms;
      out[i] = s.converged && s.sum > 0 ? s.logScale + Math.log(s.sum) + lead(i) : Number.NaN;
    }
    return terms;
  }
  if (rest.length === 0) return terms;
  const s = series(pa, pb, c, SERIES_LIMIT, hyp2f1TermCap(pa, pb, c), true);
  const start = {
    value: s.sum,
    derivative: s.derivativeSum / SERIES_LIMIT,
    logScale: s.logScale,
    terms: s.terms,
    converged: s.converged,
  };
  const through = rest.map((i) => z[i] as number);
  const end = continueHyp2f1(
    pa,
    pb,
    c,
    start,
    SERIES_LIMIT,
    through[through.length - 1] as number,
    hyp2f1TermCap(pa, pb, c),
    through,
    (k, value, logScale) => {
      const i = rest[k] as number;
      out[i] = value > 0 ? logScale + Math.log(value) + lead(i) : Number.NaN;
    },
    HYP2F1_MAX_TERMS,
  );
  // Out of terms (parameters in the millions): no value is trusted.
  if (!end.converged) for (const i of rest) out[i] = Number.NaN;
  return terms + end.terms;
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) in log space, for real z < 1 and c not a non-positive integer:
 * {@link logHyp2f1Work} without the work count.
 *
 * @example
 * logHyp2f1Signed(1, 1, 2, 0.5); // { logAbs: ln(2 ln 2), sign: 1 }
 */
export function logHyp2f1Signed(a: number, b: number, c: number, z: number): LogSigned {
  const r = logHyp2f1Work(a, b, c, z);
  return { logAbs: r.logAbs, sign: r.sign };
}

/**
 * ln 2F1(a, b; c; z) for the positive-valued case (all BTYD uses: a, b, c > 0, 0 ≤ z < 1). Returns NaN
 * when the function is negative there.
 *
 * @example
 * logHyp2f1(2, 3, 3, 0.5); // ln((1−0.5)^−2) = ln 4
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1Signed(a, b, c, z);
  return r.sign < 0 ? Number.NaN : r.logAbs;
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real z < 1 (may overflow to Infinity only when the true
 * value does). Prefer {@link logHyp2f1} inside likelihoods.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5); // −ln(0.5)/0.5 = 1.386294…
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1Signed(a, b, c, z);
  return r.sign === 0 ? (Number.isNaN(r.logAbs) ? Number.NaN : 0) : r.sign * Math.exp(r.logAbs);
}
