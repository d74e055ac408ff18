/**
 * The mean silhouette of a clustering over the points listed in `sample` (indices into `data`):
 * for each, (b − a) / max(a, b) with a its mean distance to its own cluster and b to the nearest
 * other cluster, distances taken within the sample. Near 1: tight, well-separated clusters.
 *
 * @example
 * silhouette(data, 2, assignment, [0, 1, 2, 3]); // 0.93
 */
export function silhouette(
  data: Float64Array,
  d: number,
  assignment: Int32Array,
  sample: readonly number[],
): number {
  let k = 0;
  for (const i of sample) k = Math.max(k, (assignment[i] ?? 0) + 1);
  if (k < 2) return 0;
  let total = 0;
  let counted = 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (const i of sample) {
    sums.fill(0);
    counts.fill(0);
    for (const j of sample) {
      if (i === j) continue;
      let s = 0;
      for (let q = 0; q < d; q++) {
        const diff = (data[i * d + q] ?? 0) - (data[j * d + q] ?? 0);
        s += diff * diff;
      }
      const c = assignment[j] ?? 0;
      sums[c] = (sums[c] ?? 0) + Math.sqrt(s);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    const own = assignment[i] ?? 0;
    if ((counts[own] ?? 0) === 0) {
      counted++; // a singleton's silhouette is 0 by convention
      continue;
    }
    const a = (sums[own] ?? 0) / (counts[own] ?? 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++)
      if (c !== own && (counts[c] ?? 0) > 0) b = Math.min(b, (sums[c] ?? 0) / (counts[c] ?? 1));
    if (b === Number.POSITIVE_INFINITY) continue;
    total += Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
    counted++;
  }
  return counted === 0 ? 0 : total / counted;
}
