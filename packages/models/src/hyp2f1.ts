/** Result of a 2F1 evaluation kept in log space: value = sign × exp(logAbs). */
export interface LogSigned {
  logAbs: number;
  sign: number;
}

const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);
const MAX_TERMS = 2_000_000;

/** Plain Gauss series with sign tracking and periodic rescaling so huge partial sums never overflow. */
function series(a: number, b: number, c: number, z: number): LogSigned {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  let ratio = (a * b * z) / c;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= ratio;
    sum += term;
    if (term === 0) break;
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    ratio = (((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z;
    // The tail after this term is bounded by a geometric series once the term ratio is below one.
    const next = Math.abs(ratio);
    if (next < 1 && (Math.abs(term) * next) / (1 - next) <= 1e-17 * Math.abs(sum)) break;
  }
  if (sum === 0) return { logAbs: Number.NEGATIVE_INFINITY, sign: 0 };
  return { logAbs: logScale + Math.log(Math.abs(sum)), sign: sum > 0 ? 1 : -1 };
}

/** Rough size of the terms the series must climb over before it starts to converge. */
function growth(a: number, b: number, c: number): number {
  return Math.abs((a * b) / c);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) in log space, for real z < 1 and c not a non-positive integer.
 *
 * Why: the Pareto/NBD and BG/NBD formulas raise 2F1 with a or b of size x (hundreds) and z close to one;
 * the raw series then has astronomically large terms. Euler's transformation
 * 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z) is applied whenever it gives the smaller terms, Pfaff's
 * transformation maps z < 0 into [0, 1), and the remaining series is summed with rescaling so it
 * neither overflows nor stops early.
 *
 * @example
 * logHyp2f1Signed(1, 1, 2, 0.5); // { logAbs: ln(2 ln 2), sign: 1 }
 */
export function logHyp2f1Signed(a: number, b: number, c: number, z: number): LogSigned {
  if (!(z < 1)) return { logAbs: Number.NaN, sign: 0 };
  if (z === 0) return { logAbs: 0, sign: 1 };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)).
    const inner = logHyp2f1Signed(a, c - b, c, z / (z - 1));
    return { logAbs: inner.logAbs - a * Math.log1p(-z), sign: inner.sign };
  }
  if (growth(c - a, c - b, c) < growth(a, b, c)) {
    const inner = series(c - a, c - b, c, z);
    return { logAbs: inner.logAbs + (c - a - b) * Math.log1p(-z), sign: inner.sign };
  }
  return series(a, b, c, z);
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
