// Benchmark: the HTTP API under load. Builds (or reuses, via BENCH_DB) a store of 1,000,000 simulated
// customers, starts the server on loopback, signs in, and drives GET /api/overview and GET
// /api/alerts with 50 concurrent clients for 30 s (BENCH_SECONDS), then prints p50/p95/p99 and error
// counts. Target: p95 < 200 ms and no errors. Run with `npm run bench:api`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@vafa/duckdb";
import { hashPassword, sqlStateStore, startServer } from "@vafa/server";

const vafa = fileURLToPath(new URL("../packages/cli/bin/vafa.js", import.meta.url));
const dir = process.env.BENCH_DIR ?? join(tmpdir(), "vafa-bench-api");
const db = process.env.BENCH_DB ?? join(dir, "bench.duckdb");
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const concurrency = 50;

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [vafa, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`vafa ${args.join(" ")} failed: ${r.stderr}`);
}

if (!existsSync(db)) {
  mkdirSync(dir, { recursive: true });
  const sim = join(dir, "sim");
  process.stdout.write("simulating 1,000,000 customers and loading them …\n");
  if (!existsSync(join(sim, "transactions.csv")))
    run(["simulate", "--customers", "1000000", "--seed", "1", "--out", sim]);
  run(["ingest", "transactions", join(sim, "transactions.csv"), "--db", db]);
  if (existsSync(join(sim, "customers.csv")))
    run(["ingest", "customers", join(sim, "customers.csv"), "--db", db]);
}

// A bench user, created directly in the store before the server holds the file.
const email = "bench@vafa.local";
const password = "bench-password";
{
  const store = await openStore(db);
  const state = sqlStateStore(store.client);
  if ((await state.findUserByEmail(email)) === null)
    await state.createUser({
      email,
      name: "bench",
      role: "admin",
      branch: null,
      passwordHash: await hashPassword(password),
    });
  store.close();
}

const server = await startServer({ db, port: 0, host: "127.0.0.1" });
const login = await fetch(`${server.url}/api/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
if (login.status !== 200) throw new Error(`login failed: ${login.status}`);

const warm = performance.now();
await fetch(`${server.url}/api/overview`, { headers: { cookie } });
process.stdout.write(`first (uncached) overview: ${(performance.now() - warm).toFixed(0)} ms\n`);

const paths = ["/api/overview", "/api/alerts?limit=50"];
const latencies: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
const errors: Record<string, number> = Object.fromEntries(paths.map((p) => [p, 0]));
const until = performance.now() + seconds * 1000;

async function worker(n: number) {
  for (let i = n; performance.now() < until; i++) {
    const path = paths[i % paths.length] ?? "/api/overview";
    const started = performance.now();
    try {
      const res = await fetch(server.url + path, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) errors[path] = (errors[path] ?? 0) + 1;
    } catch {
      errors[path] = (errors[path] ?? 0) + 1;
    }
    latencies[path]?.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, n) => worker(n)));
await server.close();

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
for (const path of paths) {
  const sorted = [...(latencies[path] ?? [])].sort((a, b) => a - b);
  process.stdout.write(
    `${path}: ${sorted.length} requests, p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, errors ${errors[path]}\n`,
  );
}
