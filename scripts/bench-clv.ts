// Benchmark of the CLV pipeline on 1,000,000 simulated customers: building the compressed summary,
// fitting BG/NBD + Gamma-Gamma, and scoring and storing every customer, each timed on its own in an
// open store (target: under 5 s for the three together), the Pareto/NBD fit on the same million, then
// the BG/NBD and Pareto/NBD fit times on the CDNOW summary. Run with `npm run bench:clv`. BENCH_DIR
// reuses a folder (the data are generated and loaded only when missing there).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fitFromSummaryFile, openScoreFrame, purchaseModel, scoreCustomers } from "@vafa/app";
import { openDuckDBEngine } from "@vafa/duckdb";
import { fitGammaGamma } from "@vafa/models";

const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const cdnow = fileURLToPath(new URL("../data/cdnow/cdnow_customers_summary.csv", import.meta.url));
const dir = process.env.BENCH_DIR ?? join(tmpdir(), "vafa-bench-clv");
const sim = join(dir, "sim");
const db = join(dir, "bench.duckdb");
mkdirSync(dir, { recursive: true });

function run(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [vafa, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`vafa ${args.join(" ")} failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s\n`);
  return { value, seconds };
}

if (!existsSync(join(sim, "transactions.csv"))) {
  process.stdout.write("simulating 1,000,000 customers …\n");
  run(["simulate", "--customers", "1000000", "--seed", "1", "--out", sim]);
}
if (!existsSync(db)) {
  process.stdout.write("loading transactions …\n");
  run(["ingest", "transactions", join(sim, "transactions.csv"), "--db", db, "--json"]);
}

const engine = await openDuckDBEngine(db);
const unit = "week" as const;
const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${cpus().length} cores`;
process.stdout.write(`${load()}\n`);
// The summary is built once, per customer, in the engine; both fits take their compressed input from
// it and the scoring reuses it (see openScoreFrame), as `vafa clv score` does.
const summary = await timed("customer summary + compressed inputs", () => openScoreFrame(engine, { unit }));
const { patterns, spend } = summary.value;
process.stdout.write(
  `  unit: ${unit}, fractional (days/7, the default form); ${patterns.x.length.toLocaleString("en-US")} (x, t_x, T) patterns, ${spend.x.length.toLocaleString("en-US")} (x, monetary) patterns\n`,
);
const bgFit = await timed("fit BG/NBD", () => purchaseModel("bgnbd").fit(patterns));
const ggFit = await timed("fit Gamma-Gamma", () => fitGammaGamma(spend));
const scored = await timed("score and store every customer", () =>
  scoreCustomers(engine, {
    params: bgFit.value.params,
    spendParams: ggFit.value.params,
    unit,
    frame: summary.value,
  }),
);
// Pareto/NBD has no closed-form gradient: the search runs on a sample, the full data see the polish.
const pareto = await timed("fit Pareto/NBD (not in the total)", () =>
  purchaseModel("pareto-nbd").fit(patterns),
);
await summary.value.release();
const total = summary.seconds + bgFit.seconds + ggFit.seconds + scored.seconds;
process.stdout.write(
  `${"total (summary + fits + score)".padEnd(44)} ${total.toFixed(2).padStart(7)} s  (target < 5 s; ${load()})\n`,
);
process.stdout.write(
  `  ${scored.value.customers.toLocaleString("en-US")} customers scored; BG/NBD ${JSON.stringify(bgFit.value.params)}; Gamma-Gamma ${JSON.stringify(ggFit.value.params)}; Pareto/NBD ${JSON.stringify(pareto.value.params)}\n`,
);
await engine.close();

await timed("CDNOW BG/NBD fit (2,357 customers)", () => fitFromSummaryFile(cdnow, { model: "bgnbd" }));
await timed("CDNOW Pareto/NBD fit", () => fitFromSummaryFile(cdnow, { model: "pareto-nbd" }));
