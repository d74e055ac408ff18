import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "@vafa/core";
import { openStore } from "@vafa/duckdb";
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

/** `value` without the given keys at any depth (what two stores cannot share: the clock, random ids). */
function without(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.includes(k))
      .map(([k, v]) => [k, without(v, keys)]),
  );
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
  "defection rate": ["defection", "rate", "--by", "branch"],
  "defection backtest": ["defection", "backtest", "--as-of", "2011-09-01", "--window", "90"],
  "segments rfm": ["segments", "rfm", "--compare", "2011-06-30"],
  "segments clusters": ["segments", "clusters", "--k", "4"],
  "causes drivers": ["causes", "drivers", "--as-of", "2011-09-01", "--window", "90"],
  "causes profiles": ["causes", "profiles"],
};

/**
 * Commands that write the operational store beside the facts (alerts, contacts, webhooks, saved
 * segments) and answer with what differs between two stores by nature (the clock, a random id):
 * run in order on each engine by the worklist and saved-segment tests below, compared without those.
 */
const flows = new Set([
  "webhooks add",
  "defection run",
  "webhooks run",
  "at-risk",
  "worklist take",
  "worklist record",
  "worklist close",
  "alerts export",
  "segments define",
  "segments list",
  "segments show",
  "segments delete",
]);

/** Commands not written for ClickHouse yet: each must refuse, not answer from the DuckDB file. */
const refused: Record<string, readonly string[]> = {
  demo: ["demo"],
  "share-of-wallet": ["share-of-wallet"],
  "segments targets": ["segments", "targets"],
  recommend: ["recommend", "--customer", "12347"],
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

  it("a customers file loads into an empty ClickHouse database, and a second load adds nothing", async () => {
    const file = join(dir, "customers.csv");
    writeFileSync(file, "id,segment,branch\nk1,retail,France\nk2,wholesale,Spain\n");
    const base = JSON.parse(readFileSync(join(dir, "clickhouse.json"), "utf8"));
    const other = { ...base, clickhouse: { ...base.clickhouse, database: "vafa_customers_only" } };
    writeFileSync(join(dir, "clickhouse-empty.json"), JSON.stringify(other));
    const config = ["--config", join(dir, "clickhouse-empty.json")];
    const first = await vafa(["ingest", "customers", file, "--json", ...config]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ rows_read: 2, rows_loaded: 2 });
    const again = await vafa(["ingest", "customers", file, "--json", ...config]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: 2, rows_loaded: 0 });
  }, 120_000);

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
      ...flows,
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

  it("the worklist: webhooks add, defection run, webhooks run, at-risk, worklist take|record|close and alerts export give DuckDB's answers", async () => {
    /** Runs one step on both engines (DuckDB first), both must succeed; returns their stdout. */
    const both = async (args: readonly string[]): Promise<[string, string]> => {
      const [onDuck, onCh] = [await vafa([...args, "--db", duck]), await vafa([...args, ...ch])];
      expect(onDuck.status, `${args.join(" ")} on DuckDB: ${onDuck.stderr}`).toBe(0);
      expect(onCh.status, `${args.join(" ")} on ClickHouse: ${onCh.stderr}`).toBe(0);
      return [onDuck.stdout, onCh.stdout];
    };
    /** Both engines' JSON, without the fields two stores cannot share (the clock, random ids). */
    const same = async (args: readonly string[], drop: readonly string[] = []) => {
      const [d, c] = await both([...args, "--json"]);
      const [onDuck, onCh] = [without(JSON.parse(d), drop), without(JSON.parse(c), drop)];
      expectSame(onCh, onDuck);
      return onDuck;
    };
    await same(["webhooks", "add", "http://127.0.0.1:9/hook", "--secret", "0123456789"], ["id"]);
    const run = (await same(["defection", "run", "--as-of", "2011-12-10"])) as { alertsCreated: number };
    expect(run.alertsCreated).toBeGreaterThan(2);
    // Port 9 refuses the connection: every delivery fails and is scheduled again, on both engines.
    const pass = (await same(["webhooks", "run", "--once"])) as { attempted: number; retrying: number };
    expect(pass).toMatchObject({ attempted: Math.min(100, run.alertsCreated), retrying: pass.attempted });
    // Alert ids derive from the status change they report, so they are the same on both engines.
    const alerts = (await same(["at-risk", "--limit", "10"], ["created_at"])) as { id: string }[];
    const [first, second, third] = alerts.map((a) => a.id);
    if (first === undefined || second === undefined || third === undefined)
      throw new Error("fewer than three alerts on the worklist");
    await same(["worklist", "take", first, "--user", "u1"]);
    await same(["worklist", "record", second, "--outcome", "saved", "--user", "u1"], ["contactId"]);
    await same(["worklist", "close", third, "--reason", "duplicate"]);
    await same(["at-risk", "--limit", "10"], ["created_at"]);
    const [d, c] = await both(["alerts", "export"]);
    // Cells as the JSON answers give them (numbers compared to 1e-9: sums added up in another order
    // print other last digits, and may order equal values at risk either way, so rows go by alert
    // id), without the times of the two runs.
    const rows = (text: string) => {
      const [header = [], ...body] = parseCsv(text);
      const keep = header.map((h) => !["created_at", "closed_at"].includes(h));
      const byId = [...body].sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
      return [header, ...byId].map((r) =>
        r.filter((_, i) => keep[i]).map((v) => (v !== "" && Number.isFinite(Number(v)) ? Number(v) : v)),
      );
    };
    expectSame(rows(c), rows(d));
    expect(rows(d).length).toBe(run.alertsCreated + 1);
  }, 300_000);

  it("saved segments: define, list, show and delete give DuckDB's answers", async () => {
    const rule = 'country = "France" and monetary > 1000';
    const run = async (args: readonly string[]) => {
      const [onDuck, onCh] = [
        await vafa([...args, "--json", "--db", duck]),
        await vafa([...args, "--json", ...ch]),
      ];
      expect(onDuck.status, onDuck.stderr).toBe(0);
      expect(onCh.status, onCh.stderr).toBe(0);
      const [d, c] = [
        without(JSON.parse(onDuck.stdout), ["created_at"]),
        without(JSON.parse(onCh.stdout), ["created_at"]),
      ];
      expectSame(c, d);
      return d;
    };
    expect(await run(["segments", "define", "fr", rule, "--description", "big French"])).toMatchObject({
      name: "fr",
      rule,
    });
    expect(await run(["segments", "list"])).toEqual([{ name: "fr", rule, description: "big French" }]);
    expect(
      ((await run(["segments", "show", "fr", "--limit", "5"])) as { customers: number }).customers,
    ).toBeGreaterThan(0);
    expect(await run(["segments", "delete", "fr"])).toEqual({ deleted: "fr" });
  }, 120_000);

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

  it("the DuckDB file beside ClickHouse holds only operational state: no fact was loaded into it or read from it", async () => {
    const state = await openStore(empty);
    try {
      const [row] = await state.client.all({
        sql: "SELECT (SELECT count(*) FROM transactions) + (SELECT count(*) FROM customers) AS n",
        params: [],
      });
      expect(row?.n).toBe(0);
      const [alerts] = await state.client.all({ sql: "SELECT count(*) AS n FROM alerts", params: [] });
      expect(Number(alerts?.n)).toBeGreaterThan(0);
    } finally {
      state.close();
    }
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
