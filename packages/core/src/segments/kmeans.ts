import { SegmentError } from "./SegmentError.ts";
import { seededRandom } from "./seededRandom.ts";

/** Options of `kmeans`. */
export interface KMeansOptions {
  readonly k: number;
  /** PRNG seed for k-means++ seeding; default 1. */
  readonly seed?: number;
  /** Lloyd iterations at most; default 100. */
  readonly maxIterations?: number;
}

/** A k-means fit. */
export interface KMeansResult {
  readonly k: number;
  /** k × d centroids, row-major. */
  readonly centroids: Float64Array;
  /** Cluster of each point. */
  readonly assignment: Int32Array;
  /** Points per cluster. */
  readonly sizes: Int32Array;
  /** Sum of squared distances to the assigned centroid (the elbow curve's y). */
  readonly inertia: number;
  readonly iterations: number;
}

function distance2(data: Float64Array, i: number, centroids: Float64Array, c: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = (data[i * d + j] ?? 0) - (centroids[c * d + j] ?? 0);
    s += diff * diff;
  }
  return s;
}

/**
 * k-means (Lloyd) on `n` points of dimension `d` stored row-major in `data`, seeded by k-means++
 * (Arthur & Vassilvitskii 2007) with a seeded PRNG, so the same input and seed give the same clusters.
 * An emptied cluster is re-seeded with the point farthest from its centroid.
 *
 * @throws SegmentError when k is not a whole number from 1 to n.
 * @example
 * const fit = kmeans(new Float64Array([0, 0, 0, 1, 10, 10, 10, 11]), 4, 2, { k: 2, seed: 7 });
 * fit.sizes; // Int32Array [2, 2]
 */
export function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new SegmentError(`k must be a whole number from 1 to ${n}, got ${k}`);
  const random = seededRandom(options.seed ?? 1);
  const centroids = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const setCentroid = (c: number, i: number) => {
    for (let j = 0; j < d; j++) centroids[c * d + j] = data[i * d + j] ?? 0;
  };
  // k-means++: each next centre is a point drawn with probability proportional to D(x)².
  setCentroid(0, Math.floor(random() * n));
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i] ?? 0, distance2(data, i, centroids, c - 1, d));
      total += nearest[i] ?? 0;
    }
    let target = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] ?? 0;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    setCentroid(c, chosen);
  }
  const assignment = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(k);
  const maxIterations = options.maxIterations ?? 100;
  let iterations = 0;
  let inertia = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dist = distance2(data, i, centroids, c, d);
        if (dist < bestD) {
          bestD = dist;
          best = c;
        }
      }
      inertia += bestD;
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    if (!changed && iterations > 0) break;
    centroids.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] ?? 0;
      sizes[c] = (sizes[c] ?? 0) + 1;
      for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] ?? 0) + (data[i * d + j] ?? 0);
    }
    for (let c = 0; c < k; c++) {
      const size = sizes[c] ?? 0;
      if (size > 0) {
        for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] ?? 0) / size;
        continue;
      }
      // Re-seed an empty cluster with the point farthest from its current centroid.
      let far = 0;
      let farD = -1;
      for (let i = 0; i < n; i++) {
        const dist = distance2(data, i, centroids, assignment[i] ?? 0, d);
        if (dist > farD) {
          farD = dist;
          far = i;
        }
      }
      setCentroid(c, far);
    }
  }
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[assignment[i] ?? 0] = (sizes[assignment[i] ?? 0] ?? 0) + 1;
  return { k, centroids, assignment, sizes, inertia, iterations };
}
