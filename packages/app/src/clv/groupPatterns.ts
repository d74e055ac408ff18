/** Distinct (x, t_x, T) patterns with their customer counts, sorted by (x, T, t_x). */
export interface PatternGroups {
  readonly patterns: { x: Float64Array; tx: Float64Array; T: Float64Array; count: Float64Array };
  /** Each customer's index in `patterns`. */
  readonly patternOf: Int32Array;
}

/** 2^20 and 2^40: the fields of a packed key (days below 2^20, x below 2^13, so the key is below 2^53). */
const F20 = 2 ** 20;
const F40 = 2 ** 40;

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
 * whole multiples of `unitDays`' reciprocal) each customer's pattern and index pack into one exact
 * number, so one native numeric sort of a million numbers does it; otherwise the customers are
 * sorted by comparison.
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
  const keys = new Float64Array(n);
  let packed = true;
  for (let i = 0; i < n && packed; i++) {
    const xi = x[i] as number;
    const days = Math.round((T[i] as number) * unitDays);
    const recency = Math.round((tx[i] as number) * unitDays);
    packed =
      Number.isInteger(xi) &&
      xi >= 0 &&
      xi < 2 ** 13 &&
      days >= 0 &&
      days < F20 &&
      recency >= 0 &&
      recency < F20 &&
      days / unitDays === T[i] &&
      recency / unitDays === tx[i];
    keys[i] = xi * F40 + days * F20 + recency;
  }
  if (!packed) {
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        (x[a] as number) - (x[b] as number) ||
        (T[a] as number) - (T[b] as number) ||
        (tx[a] as number) - (tx[b] as number),
    );
    return fromOrder(x, tx, T, order);
  }
  // With the customer's index appended in mixed radix the sorted keys are the customers' order
  // itself: one native sort of a million numbers and no search, as long as the product of the
  // ranges stays exact (below 2^53); otherwise a binary search per customer in the distinct keys.
  let maxX = 0;
  let maxDays = 0;
  let maxRecency = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    maxX = Math.max(maxX, Math.floor(key / F40));
    maxDays = Math.max(maxDays, Math.floor(key / F20) % F20);
    maxRecency = Math.max(maxRecency, key % F20);
  }
  const [dx, dd, dr] = [maxDays + 1, maxRecency + 1, n];
  if ((maxX + 1) * dx * dd * dr < 2 ** 53) {
    const ranked = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      ranked[i] = ((Math.floor(key / F40) * dx + (Math.floor(key / F20) % F20)) * dd + (key % F20)) * dr + i;
    }
    ranked.sort();
    const order = new Uint32Array(n);
    for (let r = 0; r < n; r++) order[r] = (ranked[r] as number) % dr;
    return fromOrder(x, tx, T, order);
  }
  const sorted = keys.slice().sort();
  let size = 0;
  for (let r = 0; r < n; r++)
    if (r === 0 || sorted[r] !== sorted[size - 1]) sorted[size++] = sorted[r] as number;
  const unique = sorted.subarray(0, size);
  const patternOf = new Int32Array(n);
  const px = new Float64Array(size);
  const ptx = new Float64Array(size);
  const pT = new Float64Array(size);
  const pn = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((unique[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    patternOf[i] = lo;
    if (pn[lo] === 0) {
      // The customer's own values: the same doubles the engine computed for everyone of the pattern.
      px[lo] = x[i] as number;
      ptx[lo] = tx[i] as number;
      pT[lo] = T[i] as number;
    }
    pn[lo] = (pn[lo] as number) + 1;
  }
  return { patterns: { x: px, tx: ptx, T: pT, count: pn }, patternOf };
}
