import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type TestCluster } from "../../clickhouse/test/cluster.ts";
import { vafaBin } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-config-ch-"));
const db = join(dir, "facts.duckdb");

/** Runs `vafa args…` in `dir` (so ./vafa.config.json there is read) with `env` added. */
function vafa(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [vafaBin, ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe("vafa selects the engine from vafa.config.json: a two-shard ClickHouse gives DuckDB's answers", () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster(2);
    const csv = join(dir, "t.csv");
    const lines = ["transaction_id,customer_id,occurred_at,amount,cost,country"];
    // 40 customers over 8 months, some lapsing and coming back, returns included.
    for (let c = 0; c < 40; c++)
      for (let m = 0; m < 8; m++)
        if ((c + m) % 3 !== 0)
          lines.push(
            `${c}-${m},c${c},2011-${String(m + 1).padStart(2, "0")}-${String((c % 27) + 1).padStart(2, "0")} 10:00:00,${((c * 7 + m * 3) % 50) - 5}.25,${c % 4 === 0 ? "" : (c % 5) + 1},${["FR", "DE", "UK"][c % 3]}`,
          );
    writeFileSync(csv, lines.join("\n"));
    vafa(["ingest", "transactions", csv, "--db", db, "--json"]);
    writeFileSync(
      join(dir, "vafa.config.json"),
      JSON.stringify({
        db: "./facts.duckdb",
        engine: "clickhouse",
        clickhouse: {
          url: cluster.url,
          database: "vafa_cli",
          cluster: cluster.cluster,
          nodes: cluster.nodes.map((n) => `http://127.0.0.1:${n.httpPort}`),
        },
      }),
    );
    const copied = JSON.parse(vafa(["engine", "copy", "--json"]));
    expect(copied.copied.transactions).toBe(lines.length - 1);
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  const commands: [string, string[]][] = [
    ["retention --period month", ["retention", "--period", "month"]],
    ["cohorts --period month --metric sales", ["cohorts", "--period", "month", "--metric", "sales"]],
    ["lifecycle --period quarter", ["lifecycle", "--period", "quarter"]],
    ["repurchase-cycle", ["repurchase-cycle"]],
    ["profitability --by transaction.country", ["profitability", "--by", "transaction.country"]],
  ];
  it.each(commands)(
    "vafa %s --json: the same JSON as on DuckDB",
    (_name, args) => {
      const onClickHouse = JSON.parse(vafa([...args, "--json"]));
      const onDuckDB = JSON.parse(vafa([...args, "--json"], { VAFA_ENGINE: "duckdb" }));
      expect(onClickHouse).toEqual(onDuckDB);
      expect(JSON.stringify(onDuckDB)).not.toBe("{}");
    },
    60_000,
  );

  it("--engine duckdb on the command line overrides the file", () => {
    const flag = JSON.parse(vafa(["--engine", "duckdb", "retention", "--period", "month", "--json"]));
    expect(flag.rows.length).toBe(8);
  }, 60_000);
});
