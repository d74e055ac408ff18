import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../duckdb/test/datasets.ts";
import {
  dataVersion,
  type FitPurchaseModelOptions,
  fitIfNeeded,
  listScores,
  scoreStore,
} from "../src/index.ts";

describe("one fit-reuse policy: a stored fit is reused until the data or its settings change", () => {
  let engine: DuckDBEngine;
  const dir = mkdtempSync(join(tmpdir(), "vafa-fit-reuse-"));
  beforeAll(async () => {
    engine = await openDuckDBEngine(":memory:");
    await engine.ingest({
      kind: "transactions",
      files: [dataset("cdnow/CDNOW_sample.txt")],
      preset: "cdnow",
    });
  });
  afterAll(() => engine.close());

  const base: FitPurchaseModelOptions = { model: "bgnbd", calibrationEnd: "1997-09-30", unit: "week" };
  // In order: each step's options, whether new data are loaded first, and whether the fit is reused.
  const steps: [string, FitPurchaseModelOptions, boolean, boolean][] = [
    ["the first fit", base, false, false],
    ["the same request", base, false, true],
    ["another calibration end", { ...base, calibrationEnd: "1997-06-30" }, false, false],
    ["the first request again", base, false, true],
    ["another unit", { ...base, unit: "day" }, false, false],
    ["a penalty", { ...base, penalizer: 0.01 }, false, false],
    ["another model", { ...base, model: "pareto-nbd" }, false, false],
    ["after a load of new rows", base, true, false],
    ["the same request after it", base, false, true],
  ];

  it("reuses exactly when neither changed", async () => {
    const seen: [string, boolean][] = [];
    let loads = 0;
    for (const [label, options, load, _] of steps) {
      if (load) {
        const file = join(dir, `more-${++loads}.csv`);
        writeFileSync(file, "id,customer_id,occurred_at,amount\nnew-1,99999,1997-05-01,10\n");
        await engine.ingest({ kind: "transactions", files: [file] });
      }
      seen.push([label, (await fitIfNeeded(engine, options)).reused]);
    }
    expect(seen).toEqual(steps.map(([label, , , reused]) => [label, reused]));
  });

  it("names the data by the newest load and the row counts", async () => {
    const before = await dataVersion(engine);
    const file = join(dir, "one-more.csv");
    writeFileSync(file, "id,customer_id,occurred_at,amount\nnew-2,99998,1997-05-02,12\n");
    await engine.ingest({ kind: "transactions", files: [file] });
    const after = await dataVersion(engine);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^\d+:\d+:\d+:0$/);
  });

  it("scores twice, fitting only the first time, and lists the stored scores a page at a time", async () => {
    const first = await scoreStore(engine, { calibrationEnd: "1997-09-30", horizonDays: 180 });
    const again = await scoreStore(engine, { calibrationEnd: "1997-09-30", horizonDays: 180 });
    const page = await listScores(engine, { order: "p_alive", limit: 3, offset: 1 });
    const none = await listScores(engine, { branch: null });
    const cases: [string, unknown, unknown][] = [
      ["first refitted", first.refitted, true],
      ["second refitted", again.refitted, false],
      // The total is a sum in the engine, whose order may differ between runs: equal to 1e-12.
      ["same total", Math.abs(again.total_clv - first.total_clv) <= 1e-12 * first.total_clv, true],
      ["rows listed", page.rows.length, 3],
      ["total listed", page.total, first.customers],
      ["calibration end as a day", page.rows[0]?.calibration_end, "1997-09-30"],
      ["horizon", page.rows[0]?.horizon_days, 180],
      ["ordered by P(alive)", Number(page.rows[0]?.p_alive) >= Number(page.rows[2]?.p_alive), true],
      ["an agent without a branch sees none", none.total, 0],
    ];
    for (const [label, actual, expected] of cases) expect([label, actual]).toEqual([label, expected]);
  });
});
