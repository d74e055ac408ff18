// Fit times on the public data sets and scoring time for 1,000,000 synthetic customers.
// Run with: npx tsx packages/models/bench/fit.ts
import { readFileSync } from "node:fs";
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  compressPatterns,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "../src/index.ts";

function readCsv(relativePath: string): Record<string, Float64Array> {
  const url = new URL(`../../../data/${relativePath}`, import.meta.url);
  const lines = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  return Object.fromEntries(header.map((name, j) => [name, Float64Array.from(rows, (r) => Number(r[j]))]));
}

function time<T>(label: string, run: () => T, repeats = 3): T {
  run(); // warm-up, so JIT compilation is not billed to the first model
  let best = Number.POSITIVE_INFINITY;
  let result = run();
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = run();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(58)} ${best.toFixed(1).padStart(8)} ms`);
  return result;
}

const cdnow = readCsv("cdnow/cdnow_customers_summary.csv");
const c = compressPatterns([
  cdnow.frequency as Float64Array,
  cdnow.recency as Float64Array,
  cdnow.T as Float64Array,
]);
const rfm = {
  x: c.columns[0] as Float64Array,
  tx: c.columns[1] as Float64Array,
  T: c.columns[2] as Float64Array,
  count: c.count,
};
console.log(`CDNOW: ${cdnow.T?.length} customers, ${c.count.length} distinct (x, t_x, T) patterns`);
const bg = time("fit BG/NBD (CDNOW)", () => fitBgNbd(rfm));
time("fit MBG/NBD (CDNOW)", () => fitMbgNbd(rfm));
const pareto = time("fit Pareto/NBD (CDNOW)", () => fitParetoNbd(rfm), 1);
const spend = readCsv("cdnow/cdnow_customers_summary_with_transactions.csv");
time("fit Gamma-Gamma (CDNOW, x > 0)", () =>
  fitGammaGamma({ x: spend.x as Float64Array, m: spend.zbar as Float64Array }),
);
const d = readCsv("donations/donations.csv");
time("fit BG/BB (donations, 22 patterns)", () =>
  fitBgBb({
    x: d.frequency as Float64Array,
    tx: d.recency as Float64Array,
    n: d.periods as Float64Array,
    count: d.weights as Float64Array,
  }),
);
const s = readCsv("sbg-fader-hardie-2007/sbg_fader_hardie_2007_survival.csv");
time("fit sBG (high end, 7 years)", () => fitSbg((s.highend_alive as Float64Array).subarray(0, 8)));

// 1M synthetic customers on the CDNOW (weekly) scale: x up to ~30, T up to 39 weeks.
const n = 1_000_000;
const x = new Float64Array(n);
const tx = new Float64Array(n);
const T = new Float64Array(n);
let seed = 12345;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
for (let i = 0; i < n; i++) {
  T[i] = 27 + 12 * rand();
  x[i] = rand() < 0.6 ? 0 : Math.floor(-Math.log(rand()) * 4) + 1;
  tx[i] = x[i] === 0 ? 0 : (T[i] as number) * rand();
}
time("score 1M: BG/NBD P(alive)", () => bgNbdProbabilityAlive(bg.params, x, tx, T));
time("score 1M: BG/NBD E[purchases in next 39 weeks]", () =>
  bgNbdConditionalExpectedPurchases(bg.params, 39, x, tx, T),
);
time("score 1M: Pareto/NBD P(alive)", () => paretoNbdProbabilityAlive(pareto.params, x, tx, T), 1);
time(
  "score 1M: Pareto/NBD E[purchases in next 39 weeks]",
  () => paretoNbdConditionalExpectedPurchases(pareto.params, 39, x, tx, T),
  1,
);
