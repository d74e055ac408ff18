import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type TestCluster } from "../../clickhouse/test/cluster.ts";
import { commands } from "../src/commands/index.ts";
import { vafaBin } from "./runVafa.ts";

const onlineRetail = fileURLToPath(
  new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), "vafa-engines-"));
const duck = join(dir, "demo.duckdb");
/** The operational store beside ClickHouse: empty, so an answer read from it would be empty. */
const empty = join(dir, "empty.duckdb");

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `vafa args…` without blocking the event loop (the cluster's servers are children of this process). */
function vafa(args: readonly string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vafaBin, ...args], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Numbers equal to 1e-9 relative, everything else exactly. */
function expectSame(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectSame((actual as unknown[])[i], e, `${path}[${i}]`);
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

/** Every leaf command of the CLI, e.g. "programme targets create". */
function leafCommands(): string[] {
  const out: string[] = [];
  const walk = (c: Command, prefix: string[]) => {
    const name = [...prefix, c.name()];
    if (c.commands.length === 0) out.push(name.join(" "));
    for (const s of c.commands) walk(s, name);
  };
  for (const c of commands()) walk(c, []);
  return out;
}

const ids = join(dir, "ids.txt");
writeFileSync(ids, "12347\n12348\n");

/** Commands that run on ClickHouse and must give DuckDB's answer (JSON, compared value by value). */
const same: Record<string, readonly string[]> = {
  retention: ["retention", "--period", "month"],
  "retention by country": ["retention", "--period", "quarter", "--by", "country"],
  cohorts: ["cohorts", "--period", "month", "--metric", "sales"],
  lifecycle: ["lifecycle", "--period", "month"],
  "repurchase-cycle": ["repurchase-cycle"],
  profitability: ["profitability", "--by", "country", "--margin", "0.3"],
  "baskets rules": ["baskets", "rules", "--min-support", "0.02", "--min-confidence", "0.5"],
  "clv fit": ["clv", "fit", "--model", "bgnbd"],
  "clv score": ["clv", "score", "--margin", "0.3"],
  "clv check": ["clv", "check", "--calibration-end", "2011-09-01"],
};

/** Commands not written for ClickHouse yet: each must refuse, not answer from the DuckDB file. */
const refused: Record<string, readonly string[]> = {
  demo: ["demo"],
  "share-of-wallet": ["share-of-wallet"],
  "segments rfm": ["segments", "rfm"],
  "segments list": ["segments", "list"],
  "segments define": ["segments", "define", "fr", 'country = "France"'],
  "segments show": ["segments", "show", "fr"],
  "segments delete": ["segments", "delete", "fr"],
  "segments targets": ["segments", "targets"],
  "segments clusters": ["segments", "clusters"],
  recommend: ["recommend", "--customer", "12347"],
  "defection run": ["defection", "run", "--as-of", "2011-12-10"],
  "defection rate": ["defection", "rate"],
  "defection backtest": ["defection", "backtest", "--as-of", "2011-09-01", "--window", "90"],
  "at-risk": ["at-risk"],
  "worklist take": ["worklist", "take", "a1", "--user", "u1"],
  "worklist record": ["worklist", "record", "a1", "--outcome", "saved"],
  "worklist close": ["worklist", "close", "a1", "--reason", "duplicate"],
  "alerts export": ["alerts", "export"],
  "webhooks add": ["webhooks", "add", "http://127.0.0.1:9/hook", "--secret", "0123456789"],
  "webhooks run": ["webhooks", "run"],
  "programme classify": ["programme", "classify"],
  "programme targets list": ["programme", "targets", "list"],
  "programme targets create": [
    "programme",
    "targets",
    "create",
    "--metric",
    "raw",
    "--goal",
    "0.5",
    "--deadline",
    "2012-06-30",
    "--scope",
    "all",
  ],
  "programme targets progress": ["programme", "targets", "progress", "t1"],
  "programme campaigns list": ["programme", "campaigns", "list"],
  "programme campaigns create": [
    "programme",
    "campaigns",
    "create",
    "--name",
    "c",
    "--strategy",
    "discount",
    "--start",
    "2011-09-01",
    "--end",
    "2011-12-01",
  ],
  "programme campaigns assign": ["programme", "campaigns", "assign", "c1"],
  "programme campaigns export": ["programme", "campaigns", "export", "c1"],
  "programme campaigns redeem": [
    "programme",
    "campaigns",
    "redeem",
    "c1",
    "--file",
    ids,
    "--on",
    "2011-10-01",
  ],
  "programme evaluate": ["programme", "evaluate"],
  "programme economics": ["programme", "economics"],
  "complaints add": ["complaints", "add", "--customer", "12347", "--category", "billing_error"],
  "complaints list": ["complaints", "list"],
  "complaints resolve": ["complaints", "resolve", "k1"],
  "surveys record": ["surveys", "record", "--customer", "12347", "--answer", "exit_reason=price"],
  "causes reasons": ["causes", "reasons"],
  "causes drivers": ["causes", "drivers"],
  "causes profiles": ["causes", "profiles"],
};

/**
 * Commands that do not read a store (they print a questionnaire or write files), are the engine's
 * own, or keep running: `serve` (packages/server/test/engines.clickhouse.test.ts runs every route).
 */
const storeless = new Set([
  "simulate",
  "surveys questions",
  "ingest",
  "engine copy",
  "engine status",
  "serve",
]);

describe("every command on ClickHouse gives DuckDB's answer or refuses; none answers from the DuckDB file", () => {
  let cluster: TestCluster;
  let ch: string[];

  beforeAll(async () => {
    cluster = await startCluster(2);
    writeFileSync(
      join(dir, "clickhouse.json"),
      JSON.stringify({
        db: empty,
        engine: "clickhouse",
        clickhouse: {
          url: cluster.url,
          database: "vafa_engines",
          cluster: cluster.cluster,
          nodes: cluster.nodes.map((n) => `http://127.0.0.1:${n.httpPort}`),
        },
      }),
    );
    ch = ["--config", join(dir, "clickhouse.json")];
    const load = await vafa([
      "ingest",
      "transactions",
      onlineRetail,
      "--preset",
      "online-retail",
      "--db",
      duck,
      "--json",
    ]);
    expect(load.status, load.stderr).toBe(0);
  }, 600_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("loads Online Retail straight into ClickHouse as DuckDB does, and a second load adds nothing", async () => {
    const first = await vafa([
      "ingest",
      "transactions",
      onlineRetail,
      "--preset",
      "online-retail",
      "--json",
      ...ch,
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      rows_read: 541909,
      rows_loaded: 541909,
      customers: 4372,
    });
    const again = await vafa([
      "ingest",
      "transactions",
      onlineRetail,
      "--preset",
      "online-retail",
      "--json",
      ...ch,
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: 541909, rows_loaded: 0 });
    const status = await vafa(["engine", "status", "--json", ...ch]);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      engine: "clickhouse",
      rows: { transactions: 541909, customers: 4372, activity: 0 },
    });
    // Reads on ClickHouse never opened the operational store.
    expect(existsSync(empty)).toBe(false);
  }, 300_000);

  it("a strict load with a bad row writes nothing to ClickHouse and names file, line, column and value", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "id,customer_id,occurred_at,amount\nx1,c1,2011-01-02,5\nx2,c1,2011-02-30,7\n");
    const r = await vafa(["ingest", "transactions", bad, ...ch]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv.*line 3.*occurred_at.*2011-02-30/s);
    const status = JSON.parse((await vafa(["engine", "status", "--json", ...ch])).stdout);
    expect(status.rows.transactions).toBe(541909);
  }, 120_000);

  it("the table of cases covers every command", () => {
    const covered = new Set([
      ...Object.values(same).map((a) => a.join(" ")),
      ...Object.keys(refused),
      ...storeless,
    ]);
    const missing = leafCommands().filter((c) => ![...covered].some((k) => k === c || k.startsWith(`${c} `)));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(same))(
    "%s: equal to DuckDB",
    async (_name, args) => {
      const [onDuck, onCh] = await Promise.all([
        vafa([...args, "--json", "--db", duck]),
        vafa([...args, "--json", ...ch]),
      ]);
      expect(onDuck.status, onDuck.stderr).toBe(0);
      expect(onCh.status, onCh.stderr).toBe(0);
      expectSame(JSON.parse(onCh.stdout), JSON.parse(onDuck.stdout));
    },
    120_000,
  );

  it.each(Object.entries(refused))(
    "%s: refused on ClickHouse",
    async (_name, args) => {
      const r = await vafa([...args, "--json", ...ch]);
      expect(r.stderr).toMatch(/is not available on [Cc]lick[Hh]ouse yet/);
      expect(r.status).toBe(6);
      expect(r.stdout).toBe("");
    },
    60_000,
  );

  it("nothing above created or wrote the DuckDB file beside ClickHouse", () => {
    expect(existsSync(empty) ? statSync(empty).size : 0).toBe(0);
  });
});

describe("a read on a store that does not exist or holds nothing says so", () => {
  it.each([
    [
      "no file",
      ["retention", "--period", "month", "--db", join(dir, "missing.duckdb")],
      /no Vafa store at .*missing\.duckdb/,
    ],
    [
      "no file, CLV",
      ["clv", "fit", "--model", "bgnbd", "--db", join(dir, "missing.duckdb")],
      /no Vafa store at/,
    ],
  ])("%s", async (_name, args, message) => {
    const r = await vafa(args);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "missing.duckdb"))).toBe(false);
  });

  it("an empty store points to vafa ingest", async () => {
    const fresh = join(dir, "fresh.duckdb");
    const header = join(dir, "header-only.csv");
    writeFileSync(header, "id,customer_id,occurred_at,amount\n");
    const load = await vafa(["ingest", "transactions", header, "--db", fresh, "--json"]);
    expect(load.status, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ rows_loaded: 0 });
    const read = await vafa(["retention", "--period", "month", "--db", fresh]);
    expect(read.status).toBe(3);
    expect(read.stderr).toMatch(/holds no data yet: load it with "vafa ingest transactions FILE"/);
  });
});
