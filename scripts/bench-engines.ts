// Benchmark: the same reports on the embedded DuckDB store and on a two-shard ClickHouse cluster
// (started here like the contract suite's). Run with `npm run bench:engines [customers]`; the default
// 2,300,000 simulated customers give about 20M transactions. BENCH_DIR reuses a folder (data are
// simulated and loaded into DuckDB only when missing there). Prints the time of the monthly retention
// report, the cohort table and the model summary on each engine, side by side.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connectClickHouse, copyFromDuckDB } from "@vafa/clickhouse";
import {
  compressedSummaryQuery,
  type Dialect,
  duckdbDialect,
  runCohorts,
  runRetention,
  type SqlClient,
  sql,
} from "@vafa/core";
import { openStore } from "@vafa/duckdb";
import { startCluster } from "../packages/clickhouse/test/cluster.ts";

const customers = Number(process.argv[2] ?? 2_300_000);
if (!Number.isInteger(customers) || customers <= 0)
  throw new Error(`customers must be a positive integer, got ${process.argv[2]}`);
const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const dir = process.env.BENCH_DIR ?? join(tmpdir(), `vafa-bench-engines-${customers}`);
const sim = join(dir, "sim");
const db = join(dir, "bench.duckdb");
mkdirSync(dir, { recursive: true });

function run(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [vafa, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`vafa ${args.join(" ")} failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

if (!existsSync(join(sim, "transactions.csv"))) {
  process.stdout.write(`simulating ${customers.toLocaleString("en-US")} customers …\n`);
  process.stdout.write(
    `  ${run(["simulate", "--customers", String(customers), "--seed", "1", "--out", sim, "--json"]).toFixed(1)} s\n`,
  );
}
if (!existsSync(db)) {
  process.stdout.write("loading transactions into DuckDB …\n");
  process.stdout.write(
    `  ${run(["ingest", "transactions", join(sim, "transactions.csv"), "--db", db, "--json"]).toFixed(1)} s\n`,
  );
}

async function time(task: () => Promise<unknown>): Promise<string> {
  const started = performance.now();
  try {
    await task();
    return `${((performance.now() - started) / 1000).toFixed(2)} s`;
  } catch (error) {
    return `error: ${(error as Error).message.split("\n")[0]?.slice(0, 60)}`;
  }
}

async function measure(client: SqlClient, dialect: Dialect): Promise<string[]> {
  const [range] = await client.all(sql("SELECT max(occurred_at) AS last FROM transactions"));
  const last = new Date(String(range?.last));
  const calibrationEnd = new Date(last.getTime() - 180 * 86_400_000).toISOString().slice(0, 10);
  return [
    await time(() => runRetention(client, dialect, { period: { unit: "month" } })),
    await time(() => runCohorts(client, dialect, { period: { unit: "month" } })),
    await time(() => client.all(compressedSummaryQuery(dialect, { calibrationEnd, unit: "week" }))),
  ];
}

const store = await openStore(db);
const [{ n } = { n: 0 }] = (await store.client.all(sql("SELECT count(*) AS n FROM transactions"))) as {
  n: number;
}[];
const duck = await measure(store.client, duckdbDialect);

process.stdout.write("starting a two-shard ClickHouse cluster …\n");
const cluster = await startCluster(2);
try {
  const engine = await connectClickHouse({
    url: cluster.url,
    database: "vafa_bench",
    cluster: cluster.cluster,
    nodes: cluster.nodes.map((node) => `http://127.0.0.1:${node.httpPort}`),
  });
  const started = performance.now();
  await copyFromDuckDB(store.client, engine);
  process.stdout.write(
    `  copied into ClickHouse in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const click = await measure(engine.client, engine.dialect);
  await engine.close();
  const names = ["monthly retention", "cohort table (monthly)", "model summary (compressed)"];
  process.stdout.write(
    `\n${Number(n).toLocaleString("en-US")} transactions, ${customers.toLocaleString("en-US")} customers\n`,
  );
  process.stdout.write(
    `${"report".padEnd(28)}${"DuckDB".padEnd(14)}ClickHouse (2 shards, ${engine.version})\n`,
  );
  names.forEach((name, i) => {
    process.stdout.write(`${name.padEnd(28)}${(duck[i] ?? "").padEnd(14)}${click[i] ?? ""}\n`);
  });
} finally {
  store.close();
  await cluster.stop();
}
