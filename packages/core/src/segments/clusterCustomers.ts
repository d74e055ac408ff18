import { numberOrNull, numberOrZero } from "../analyses/rowValues.ts";
import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { Row } from "../SqlClient.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { kmeans } from "./kmeans.ts";
import { rfmBaseSql } from "./rfmQuery.ts";
import { SegmentError } from "./SegmentError.ts";
import { seededRandom } from "./seededRandom.ts";
import { silhouette } from "./silhouette.ts";

/** The behavioural features clustered, in order. */
export const clusterFeatures = [
  "recency_days",
  "frequency",
  "log_monetary",
  "tenure_days",
  "returns_share",
] as const;

/**
 * Per customer as of a day: `customer_id, recency_days, frequency, monetary, tenure_days` (days since
 * the first purchase) and `returns_share` (returns ÷ gross purchases).
 *
 * @example
 * clusterFeaturesQuery(duckdbDialect, toEpochDay("2011-12-09"));
 */
export function clusterFeaturesQuery(dialect: Dialect, asOfDay: number): SqlQuery {
  const p = new SqlParams(dialect);
  const asOf = p.add(asOfDay);
  return {
    sql: `SELECT customer_id, recency_days, frequency, monetary, ${asOf} - first_day AS tenure_days,
        CASE WHEN gross_sales > 0 THEN returns / gross_sales ELSE 0 END AS returns_share
      FROM (${rfmBaseSql(dialect, asOf)}) AS b ORDER BY customer_id`,
    params: p.values,
  };
}

/** Options of `clusterCustomers`. */
export interface ClusterOptions {
  /** Number of clusters; default: suggested by the best mean silhouette for k = 2…8 on a sample. */
  readonly k?: number | null;
  /** PRNG seed; default 1. */
  readonly seed?: number;
  /** Customers sampled for the silhouette; default 1000. */
  readonly sampleSize?: number;
}

/** One cluster: its size, mean features in their own units, and a plain-words description. */
export interface CustomerCluster {
  readonly cluster: number;
  readonly customers: number;
  readonly share: number;
  readonly recency_days: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly tenure_days: number;
  readonly returns_share: number;
  /** e.g. "recent, frequent, high spend, long-standing". */
  readonly description: string;
}

/** A clustering of customers. */
export interface CustomerClusters {
  readonly k: number;
  /** Whether k was suggested rather than given. */
  readonly suggested: boolean;
  /** Per candidate k: inertia (the elbow) and mean silhouette on the sample. */
  readonly candidates: readonly {
    readonly k: number;
    readonly inertia: number;
    readonly silhouette: number;
  }[];
  readonly clusters: readonly CustomerCluster[];
  /** Cluster of each customer (index into clusters). */
  readonly members: Readonly<Record<string, number>>;
}

// Words for a centroid's standard score on each feature: [low, high]; |z| < 0.5 says nothing.
const words: Readonly<Record<(typeof clusterFeatures)[number], readonly [string, string]>> = {
  recency_days: ["recent", "lapsed"],
  frequency: ["infrequent", "frequent"],
  log_monetary: ["low spend", "high spend"],
  tenure_days: ["new", "long-standing"],
  returns_share: ["few returns", "many returns"],
};

/**
 * Describes a centroid of standardised features in plain words, strongest first.
 *
 * @example
 * describeCentroid([-1.2, 1.5, 1.1, 0.2, 0]); // "frequent, recent, high spend"
 */
export function describeCentroid(z: readonly number[]): string {
  const parts = clusterFeatures
    .map((f, i) => ({ f, z: z[i] ?? 0 }))
    .filter((p) => Math.abs(p.z) >= 0.5)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .map((p) => words[p.f][p.z < 0 ? 0 : 1]);
  return parts.length === 0 ? "average on every feature" : parts.join(", ");
}

/**
 * k-means on standardised behavioural features (recency, frequency, log monetary, tenure, returns
 * share) from `clusterFeaturesQuery` rows; with no k, the k in 2…8 with the best mean silhouette on
 * a seeded sample. Clusters are numbered by descending mean monetary value.
 *
 * @example
 * const result = clusterCustomers(await client.all(clusterFeaturesQuery(duckdbDialect, day)), { seed: 7 });
 * result.clusters[0]?.description; // "frequent, high spend, long-standing"
 */
export function clusterCustomers(rows: readonly Row[], options: ClusterOptions = {}): CustomerClusters {
  const n = rows.length;
  const d = clusterFeatures.length;
  if (n < 2) throw new SegmentError(`clustering needs at least 2 customers with purchases, found ${n}`);
  const raw = new Float64Array(n * d);
  rows.forEach((r, i) => {
    const monetary = numberOrZero(r, "monetary");
    raw[i * d] = numberOrZero(r, "recency_days");
    raw[i * d + 1] = numberOrZero(r, "frequency");
    // Sign-preserving log: spend is skewed, and a net-negative customer should not break the log.
    raw[i * d + 2] = Math.sign(monetary) * Math.log1p(Math.abs(monetary));
    raw[i * d + 3] = numberOrZero(r, "tenure_days");
    raw[i * d + 4] = numberOrNull(r, "returns_share") ?? 0;
  });
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += raw[i * d + j] ?? 0;
    mean[j] = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += ((raw[i * d + j] ?? 0) - s / n) ** 2;
    sd[j] = Math.sqrt(v / n) || 1; // a constant feature stays 0 instead of dividing by zero
  }
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) z[i * d + j] = ((raw[i * d + j] ?? 0) - (mean[j] ?? 0)) / (sd[j] ?? 1);
  const seed = options.seed ?? 1;
  const random = seededRandom(seed ^ 0x5eed);
  const sampleSize = Math.min(n, options.sampleSize ?? 1000);
  // A partial Fisher–Yates shuffle picks the silhouette sample.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const sample = order.slice(0, sampleSize);
  const candidates: { k: number; inertia: number; silhouette: number }[] = [];
  let fit: ReturnType<typeof kmeans>;
  const given = options.k ?? null;
  if (given !== null) {
    fit = kmeans(z, n, d, { k: given, seed });
    candidates.push({ k: given, inertia: fit.inertia, silhouette: silhouette(z, d, fit.assignment, sample) });
  } else {
    let best: ReturnType<typeof kmeans> | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let k = 2; k <= Math.min(8, n); k++) {
      const f = kmeans(z, n, d, { k, seed });
      const s = silhouette(z, d, f.assignment, sample);
      candidates.push({ k, inertia: f.inertia, silhouette: s });
      if (s > bestScore) {
        bestScore = s;
        best = f;
      }
    }
    fit = best as ReturnType<typeof kmeans>;
  }
  const k = fit.k;
  const sums = new Float64Array(k * (d + 1));
  rows.forEach((r, i) => {
    const c = fit.assignment[i] ?? 0;
    sums[c * (d + 1)] = (sums[c * (d + 1)] ?? 0) + numberOrZero(r, "recency_days");
    sums[c * (d + 1) + 1] = (sums[c * (d + 1) + 1] ?? 0) + numberOrZero(r, "frequency");
    sums[c * (d + 1) + 2] = (sums[c * (d + 1) + 2] ?? 0) + numberOrZero(r, "monetary");
    sums[c * (d + 1) + 3] = (sums[c * (d + 1) + 3] ?? 0) + numberOrZero(r, "tenure_days");
    sums[c * (d + 1) + 4] = (sums[c * (d + 1) + 4] ?? 0) + (numberOrNull(r, "returns_share") ?? 0);
  });
  const clusters = Array.from({ length: k }, (_, c) => {
    const size = fit.sizes[c] ?? 0;
    const m = (j: number) => (size === 0 ? 0 : (sums[c * (d + 1) + j] ?? 0) / size);
    const centroid = Array.from({ length: d }, (_, j) => fit.centroids[c * d + j] ?? 0);
    return {
      from: c,
      cluster: c,
      customers: size,
      share: size / n,
      recency_days: m(0),
      frequency: m(1),
      monetary: m(2),
      tenure_days: m(3),
      returns_share: m(4),
      description: describeCentroid(centroid),
    };
  }).sort((a, b) => b.monetary - a.monetary);
  const renumber = new Map(clusters.map((c, i) => [c.from, i]));
  const members: Record<string, number> = {};
  rows.forEach((r, i) => {
    members[String(r.customer_id)] = renumber.get(fit.assignment[i] ?? 0) ?? 0;
  });
  return {
    k,
    suggested: given === null,
    candidates,
    clusters: clusters.map(({ from: _from, ...c }, i) => ({ ...c, cluster: i })),
    members,
  };
}
