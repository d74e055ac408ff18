import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom, sql } from "@vafa/core";
import { openStore } from "@vafa/duckdb";
import { describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-programme-"));
const onlineRetail = fileURLToPath(
  new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url),
);
const WINDOW_START = "2011-09-01";
const WINDOW_END = "2011-12-09";

function vafa(args: readonly string[]) {
  const r = runVafa(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/**
 * The planted uplift: each treated member makes one extra purchase with probability 0.2, on a
 * seeded random day of the window, amount uniform in [20, 80). Returns the CSV and the planted
 * effect on the treated arm (extra purchases per member, and members turned from "no purchase in
 * the window" into "bought" per member).
 */
function plantUplift(treated: readonly string[], boughtAlready: ReadonlySet<string>, seed: number) {
  const next = seededRandom(seed);
  const lines = ["transaction_id,customer_id,occurred_at,amount"];
  let extra = 0;
  let converted = 0;
  const start = Date.parse(`${WINDOW_START}T00:00:00Z`);
  const days = 99; // 2011-09-01 .. 2011-12-08
  for (const id of treated) {
    if (next() >= 0.2) continue;
    const day = new Date(start + Math.floor(next() * days) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`planted-${id},${id},${day} 12:00:00,${(20 + next() * 60).toFixed(2)}`);
    extra += 1;
    if (!boughtAlready.has(id)) converted += 1;
  }
  return {
    csv: `${lines.join("\n")}\n`,
    purchases: extra / treated.length,
    retention: converted / treated.length,
  };
}

describe("vafa programme end to end on Online Retail", () => {
  it("recovers an uplift planted in the treated arm of a campaign", async () => {
    const db = join(dir, "or.duckdb");
    vafa(["ingest", "transactions", onlineRetail, "--preset", "online-retail", "--db", db, "--json"]);
    // Everyone who bought before the window; half held out so the arms are comparable in size.
    vafa([
      "programme",
      "campaigns",
      "create",
      "--id",
      "club-q4",
      "--name",
      "Club Q4",
      "--strategy",
      "customer_club",
      "--start",
      WINDOW_START,
      "--end",
      WINDOW_END,
      "--control-share",
      "0.5",
      "--cost-per-contact",
      "1",
      "--db",
      db,
    ]);
    const first = JSON.parse(vafa(["programme", "campaigns", "assign", "club-q4", "--db", db, "--json"]));
    const again = JSON.parse(vafa(["programme", "campaigns", "assign", "club-q4", "--db", db, "--json"]));
    expect(again).toMatchObject({
      added: 0,
      kept: first.added,
      treatment: first.treatment,
      control: first.control,
    });
    const csv = vafa(["programme", "campaigns", "export", "club-q4", "--arm", "all", "--db", db]);
    const members = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const treated = members.filter((m) => m[2] === "treatment").map((m) => m[1] as string);
    expect(treated.length).toBe(first.treatment);

    const store = await openStore(db);
    const bought = new Set(
      (
        await store.client.all(
          sql(
            "SELECT DISTINCT customer_id FROM transactions WHERE amount > 0 AND occurred_at >= CAST($1 AS DATE) AND occurred_at < CAST($2 AS DATE) + 1",
            [WINDOW_START, WINDOW_END],
          ),
        )
      ).map((r) => String(r.customer_id)),
    );
    store.close();
    const planted = plantUplift(treated, bought, 20240901);
    const plantedCsv = join(dir, "planted.csv");
    writeFileSync(plantedCsv, planted.csv);
    vafa(["ingest", "transactions", plantedCsv, "--db", db, "--json"]);

    const e = JSON.parse(
      vafa(["programme", "evaluate", "--campaign", "club-q4", "--margin", "0.3", "--db", db, "--json"]),
    );
    // Kept beside the store for a reader who wants the numbers (planted vs recovered).
    writeFileSync(
      join(dir, "evaluation.json"),
      JSON.stringify({
        planted: { retention: planted.retention, purchases: planted.purchases },
        retention: e.retention,
        purchases: e.purchases,
      }),
    );
    // Retention (share who bought in the window): interval holds the planted effect and excludes 0.
    expect(e.retention.low).toBeLessThan(planted.retention);
    expect(e.retention.high).toBeGreaterThan(planted.retention);
    expect(e.retention.low).toBeGreaterThan(0);
    expect(e.retention.pValue).toBeLessThan(0.05);
    // Purchases per member: the interval holds the planted extra purchases per member.
    expect(e.purchases.low).toBeLessThan(planted.purchases);
    expect(e.purchases.high).toBeGreaterThan(planted.purchases);
    expect(e.cost).toBe(first.treatment);
    expect(readFileSync(join(dir, "evaluation.json"), "utf8")).toContain("planted");

    const view = JSON.parse(vafa(["programme", "evaluate", "--margin", "0.3", "--db", db, "--json"]));
    expect(view.totals).toMatchObject({ campaigns: 1, cost: first.treatment });
    const cls = JSON.parse(vafa(["programme", "classify", "--db", db, "--json", "--limit", "1"]));
    expect(cls.customers.length).toBeGreaterThan(4000);
    const econ = JSON.parse(
      vafa(["programme", "economics", "--by", "country", "--margin", "0.3", "--db", db, "--json"]),
    );
    expect(econ.valueOfOnePoint).toBeCloseTo(0.01 * econ.input.activeBase * econ.customerValue, 6);
    expect(econ.sentences.some((s: string) => /a customer of country United Kingdom is worth/.test(s))).toBe(
      true,
    );
    vafa([
      "programme",
      "targets",
      "create",
      "--id",
      "t1",
      "--metric",
      "raw",
      "--goal",
      "0.5",
      "--start",
      "2011-06-01",
      "--deadline",
      "2011-12-31",
      "--db",
      db,
    ]);
    const progress = JSON.parse(vafa(["programme", "targets", "progress", "t1", "--db", db, "--json"]));
    expect(progress.rows.length).toBeGreaterThanOrEqual(5);
    expect(typeof progress.baseline).toBe("number");
  });
});
