// Purchase-model fit times on the two real data sets, side by side: UCI Online Retail (4,339
// customers, 3,046 patterns, almost no visible dropout) and CDNOW (2,357 customers, well identified).
// Run with: npm run bench:models   (or: npx tsx packages/models/bench/realData.ts)
import { readFileSync } from "node:fs";
import {
  compressPatterns,
  type FitResult,
  fitBgNbd,
  fitMbgNbd,
  fitNbd,
  fitParetoNbd,
  type RfmData,
} from "../src/index.ts";
import { cdnowSummary } from "../test/datasets.ts";

/** The Online Retail summary fixture of the tests (its "#" lines say how it was made). */
function onlineRetail(): RfmData {
  const text = readFileSync(new URL("../test/fixtures/onlineRetailWeekly.csv", import.meta.url), "utf8");
  const rows = text
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const column = (j: number): Float64Array => Float64Array.from(rows, (r) => r[j] as number);
  return { x: column(0), tx: column(1), T: column(2), count: column(3) };
}

function cdnow(): RfmData {
  const s = cdnowSummary();
  const c = compressPatterns([s.x, s.tx, s.T]);
  return {
    x: c.columns[0] as Float64Array,
    tx: c.columns[1] as Float64Array,
    T: c.columns[2] as Float64Array,
    count: c.count,
  };
}

/** Best wall time of `repeats` runs after one warm-up (so JIT compilation is not billed), and the result. */
function timed<T>(run: () => T, repeats: number): { ms: number; result: T } {
  let result = run();
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

type AnyFit = FitResult<string, string>;
const models: [string, (data: RfmData) => AnyFit][] = [
  ["NBD (no dropout)", fitNbd],
  ["BG/NBD", fitBgNbd],
  ["MBG/NBD", fitMbgNbd],
  ["Pareto/NBD", fitParetoNbd],
];
const datasets: [string, RfmData][] = [
  ["Online Retail", onlineRetail()],
  ["CDNOW", cdnow()],
];
const repeats = Number(process.env.REPEATS ?? 3);

const cell = (text: string, width: number): string => text.padEnd(width);
console.log(
  `${cell("model", 18)}${datasets.map(([name]) => cell(`${name}: fit ms`, 24)).join("")}` +
    `${datasets.map(([name]) => cell(`${name}: LL / stop / identification`, 58)).join("")}`,
);
for (const [model, fit] of models) {
  const runs = datasets.map(([, data]) => timed(() => fit(data), repeats));
  const times = runs.map(({ ms }) => cell(ms.toFixed(0), 24)).join("");
  const details = runs
    .map(({ result }) =>
      cell(`${result.logLikelihood.toFixed(3)} / ${result.stop.reason} / ${result.identification.code}`, 58),
    )
    .join("");
  console.log(`${cell(model, 18)}${times}${details}`);
}
