// Benchmark: `vafa retention --period month` end to end against one hand-written DuckDB query of
// monthly raw retention over the same table. Run with `npm run bench:retention`. Targets: ratio ≤ 1.5
// and under 3 s on a 2-core machine. BENCH_DIR reuses a folder (the data are generated and loaded
// only when missing there).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "@vafa/core";
import { openStore } from "@vafa/duckdb";

const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const dir = process.env.BENCH_DIR ?? join(tmpdir(), "vafa-bench-retention");
const sim = join(dir, "sim");
const db = join(dir, "bench.duckdb");
mkdirSync(dir, { recursive: true });

function run(args: readonly string[]): { seconds: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [vafa, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`vafa ${args.join(" ")} failed: ${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

if (!existsSync(join(sim, "transactions.csv"))) {
  process.stdout.write("simulating 1,000,000 customers …\n");
  const s = run(["simulate", "--customers", "1000000", "--seed", "1", "--out", sim]);
  process.stdout.write(`  ${s.seconds.toFixed(1)} s\n`);
}
if (!existsSync(db)) {
  process.stdout.write("loading transactions …\n");
  const s = run(["ingest", "transactions", join(sim, "transactions.csv"), "--db", db, "--json"]);
  process.stdout.write(`  ${s.seconds.toFixed(1)} s: ${s.stdout.replace(/\s+/g, " ")}\n`);
}

// (a) the command as a user runs it: process start, store open, range, period tables, query, JSON.
const a = run(["retention", "--period", "month", "--json", "--db", db]);
const report = JSON.parse(a.stdout) as { rows: { period: string; active_start: number; retained: number }[] };

// (b) the plain query, timed on its own inside an already open store (no process start).
const plain = `
WITH active AS (
  SELECT DISTINCT customer_id AS c, date_trunc('month', occurred_at) AS m
  FROM transactions WHERE customer_id IS NOT NULL AND amount > 0
)
SELECT strftime(prev.m + INTERVAL 1 MONTH, '%Y-%m') AS period, count(*) AS active_start, count(cur.c) AS retained
FROM active AS prev
LEFT JOIN active AS cur ON cur.c = prev.c AND cur.m = prev.m + INTERVAL 1 MONTH
GROUP BY 1 ORDER BY 1`;
const store = await openStore(db);
const started = performance.now();
const rows = await store.client.all(sql(plain));
const b = (performance.now() - started) / 1000;
const [{ n } = { n: 0 }] = (await store.client.all(sql("SELECT count(*) AS n FROM transactions"))) as {
  n: number;
}[];
store.close();

// The two must agree, or the timing means nothing.
const byPeriod = new Map(rows.map((r) => [String(r.period), r]));
const mismatches = report.rows.filter((r) => {
  const p = byPeriod.get(r.period);
  return p !== undefined && (Number(p.active_start) !== r.active_start || Number(p.retained) !== r.retained);
});

process.stdout.write(
  [
    `transactions: ${Number(n).toLocaleString("en-US")}, months: ${report.rows.length}`,
    `(a) vafa retention --period month --json (end to end): ${a.seconds.toFixed(2)} s`,
    `(b) hand-written DuckDB query (query only):            ${b.toFixed(2)} s`,
    `ratio a/b: ${(a.seconds / b).toFixed(2)} (target ≤ 1.5); a under 3 s: ${a.seconds < 3 ? "yes" : "no"}`,
    `counts agree with the plain query: ${mismatches.length === 0 ? "yes" : `no, ${mismatches.length} months differ`}`,
  ].join("\n") + "\n",
);
