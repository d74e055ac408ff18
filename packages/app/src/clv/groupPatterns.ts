/** Distinct (x, t_x, T) patterns with their customer counts, sorted by (x, T, t_x). */
export interface PatternGroups {
  readonly patterns: { x: Float64Array; tx: Float64Array; T: Float64Array; count: Float64Array };
  /** Each customer's index in `patterns`. */
  readonly patternOf: Int32Array;
}

/** Repeat counts and days below this fit the ranked key's fields (their product is checked too). */
const LIMIT = 2 ** 31;

/** Patterns from the customers' order sorted by (x, T, t_x): one pass over the runs. */
function fromOrder(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  order: ArrayLike<number>,
): PatternGroups {
  const n = x.length;
  const patternOf = new Int32Array(n);
  const px = new Float64Array(n);
  const ptx = new Float64Array(n);
  const pT = new Float64Array(n);
  const pn = new Float64Array(n);
  let k = -1;
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    if (k < 0 || px[k] !== x[i] || pT[k] !== T[i] || ptx[k] !== tx[i]) {
      k++;
      px[k] = x[i] as number;
      ptx[k] = tx[i] as number;
      pT[k] = T[i] as number;
    }
    pn[k] = (pn[k] as number) + 1;
    patternOf[i] = k;
  }
  const size = k + 1;
  return {
    patterns: {
      x: px.slice(0, size),
      tx: ptx.slice(0, size),
      T: pT.slice(0, size),
      count: pn.slice(0, size),
    },
    patternOf,
  };
}

/**
 * Groups customers (in any order) into their distinct (x, t_x, T) patterns, sorted by (x, T, t_x) as
 * `compressedSummaryQuery` sorts them, with each customer's pattern. In whole days (recency and age
 * whole multiples of `unitDays`' reciprocal, ranges small enough) each customer's pattern and index
 * pack into one exact number, so one native numeric sort of a million numbers does it; otherwise
 * the customers are sorted by comparison.
 *
 * @example
 * groupPatterns(Float64Array.of(1, 0, 1), Float64Array.of(1, 0, 1), Float64Array.of(2, 2, 2), 7);
 * // patterns (0, 0, 2) × 1 and (1, 1, 2) × 2; patternOf [1, 0, 1]
 */
export function groupPatterns(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  unitDays: number,
): PatternGroups {
  const n = x.length;
  const days = new Int32Array(n);
  const recency = new Int32Array(n);
  let whole = true;
  let maxX = 0;
  let maxDays = 0;
  let maxRecency = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const d = Math.round((T[i] as number) * unitDays);
    const r = Math.round((tx[i] as number) * unitDays);
    if (
      !(xi >= 0 && xi < LIMIT && Number.isInteger(xi)) ||
      !(d >= 0 && d < LIMIT && r >= 0 && r < LIMIT) ||
      d / unitDays !== T[i] ||
      r / unitDays !== tx[i]
    ) {
      whole = false;
      break;
    }
    days[i] = d;
    recency[i] = r;
    if (xi > maxX) maxX = xi;
    if (d > maxDays) maxDays = d;
    if (r > maxRecency) maxRecency = r;
  }
  const dd = maxDays + 1;
  const dr = maxRecency + 1;
  if (!whole || (maxX + 1) * dd * dr * n >= 2 ** 53) {
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        (x[a] as number) - (x[b] as number) ||
        (T[a] as number) - (T[b] as number) ||
        (tx[a] as number) - (tx[b] as number),
    );
    return fromOrder(x, tx, T, order);
  }
  // The pattern and the customer's index in one exact number (mixed radix): sorted, they are the
  // customers in pattern order, and equal patterns are equal quotients by n.
  const ranked = new Float64Array(n);
  for (let i = 0; i < n; i++)
    ranked[i] = (((x[i] as number) * dd + (days[i] as number)) * dr + (recency[i] as number)) * n + i;
  ranked.sort();
  const patternOf = new Int32Array(n);
  const px = new Float64Array(n);
  const ptx = new Float64Array(n);
  const pT = new Float64Array(n);
  const pn = new Float64Array(n);
  let k = -1;
  let previous = -1;
  for (let r = 0; r < n; r++) {
    const v = ranked[r] as number;
    const i = v % n;
    const pattern = (v - i) / n;
    if (pattern !== previous) {
      k++;
      previous = pattern;
      // The customer's own values: the same doubles the engine computed for everyone of the pattern.
      px[k] = x[i] as number;
      ptx[k] = tx[i] as number;
      pT[k] = T[i] as number;
    }
    pn[k] = (pn[k] as number) + 1;
    patternOf[i] = k;
  }
  const size = k + 1;
  return {
    patterns: {
      x: px.slice(0, size),
      tx: ptx.slice(0, size),
      T: pT.slice(0, size),
      count: pn.slice(0, size),
    },
    patternOf,
  };
}
