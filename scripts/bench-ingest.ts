/**
 * Ingest benchmark: writes a 10-million-row transactions CSV with `vafa simulate`, then times
 * `vafa ingest` against DuckDB's own `read_csv` into a table on the same file, in the same run.
 * Prints both times and their ratio (target ≤ 1.5). Usage: `npm run bench:ingest [-- --rows N]`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const rowsArg = process.argv.indexOf("--rows");
const targetRows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000_000;
const dir = mkdtempSync(join(tmpdir(), "vafa-bench-ingest-"));

function run(args: string[]): string {
  return execFileSync(process.execPath, [vafa, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// A small run measures transactions per customer under the simulator's defaults, to size the big one.
const probe = JSON.parse(
  run(["simulate", "--customers", "20000", "--seed", "7", "--out", join(dir, "probe"), "--json"]),
);
const customers = Math.round((targetRows * 20_000) / probe.transactions);
console.log(
  `writing about ${targetRows.toLocaleString("en-US")} transactions (${customers.toLocaleString("en-US")} customers) to ${dir}`,
);
let t = process.hrtime.bigint();
const sim = JSON.parse(
  run(["simulate", "--customers", String(customers), "--seed", "7", "--out", dir, "--json"]),
);
const file = join(dir, "transactions.csv");
console.log(
  `simulate: ${sim.transactions.toLocaleString("en-US")} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB in ${seconds(t).toFixed(1)} s`,
);

t = process.hrtime.bigint();
const summary = JSON.parse(run(["ingest", "transactions", file, "--db", join(dir, "vafa.duckdb"), "--json"]));
const ingest = seconds(t);
console.log(`vafa ingest: ${summary.rows_loaded.toLocaleString("en-US")} rows in ${ingest.toFixed(2)} s`);

t = process.hrtime.bigint();
const instance = await DuckDBInstance.create(join(dir, "baseline.duckdb"));
const connection = await instance.connect();
await connection.run("CREATE TABLE t AS SELECT * FROM read_csv($1)", [file]);
const reader = await connection.runAndReadAll("SELECT count(*) AS n FROM t");
connection.closeSync();
instance.closeSync();
const baseline = seconds(t);
console.log(
  `duckdb read_csv into a table: ${String(reader.getRowObjectsJS()[0]?.n)} rows in ${baseline.toFixed(2)} s`,
);
console.log(`ratio vafa/duckdb: ${(ingest / baseline).toFixed(2)} (target ≤ 1.5)`);
rmSync(dir, { recursive: true, force: true });
