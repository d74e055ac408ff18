import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../duckdb/test/datasets.ts";
import {
  type CheckInputs,
  computeCheck,
  fitInputs,
  ModelWorkStopped,
  readCheckInputs,
  readFitInputs,
  runModelWorker,
} from "../src/index.ts";

describe("model work in a worker thread (the CDNOW sample)", () => {
  let engine: DuckDBEngine;
  let check: CheckInputs;
  beforeAll(async () => {
    engine = await openDuckDBEngine(":memory:");
    await engine.ingest({
      kind: "transactions",
      files: [dataset("cdnow/CDNOW_sample.txt")],
      preset: "cdnow",
    });
    check = await readCheckInputs(engine, { calibrationEnd: "1997-09-30", unit: "week" });
  });
  afterAll(() => engine.close());

  it.each([
    ["bgnbd", "r", 0.243],
    ["pareto-nbd", "r", 0.553],
  ] as const)(
    "a %s fit in the worker equals the same fit on this thread (%s ≈ %f)",
    async (model, name, value) => {
      const inputs = await readFitInputs(engine, { model, calibrationEnd: "1997-09-30", unit: "week" });
      const stages: string[] = [];
      const fit = await runModelWorker({ kind: "fit", inputs }, { onProgress: (p) => stages.push(p.stage) });
      expect(fit).toEqual(JSON.parse(JSON.stringify(fitInputs(inputs))));
      expect(fit.params[name]).toBeCloseTo(value, 2);
      expect(fit.identification?.notice).toBe(false);
      expect(stages).toEqual([`fitting ${model}`]);
    },
  );

  it("a check in the worker gives the check of this thread and reports each model", async () => {
    const stages: string[] = [];
    const result = await runModelWorker(
      { kind: "check", inputs: check },
      { onProgress: (p) => stages.push(`${p.done}/${p.total} ${p.stage}`) },
    );
    const local = computeCheck(check);
    expect(result.comparison).toEqual(local.comparison);
    expect(result.best).toEqual(local.best);
    expect(stages).toEqual(["0/3 fitting bgnbd", "1/3 fitting pareto-nbd", "2/3 fitting mbgnbd"]);
  });

  it.each([
    ["an aborted signal", "cancelled", 300, undefined],
    ["a spent budget", "budget", undefined, 300],
  ] as const)("%s terminates the worker within 1 s (%s)", async (_, reason, abortAfter, budgetMs) => {
    const controller = new AbortController();
    const started = performance.now();
    if (abortAfter !== undefined) setTimeout(() => controller.abort(), abortAfter);
    const error = await runModelWorker(
      { kind: "check", inputs: check },
      { signal: controller.signal, ...(budgetMs === undefined ? {} : { budgetMs }) },
    ).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ModelWorkStopped);
    expect((error as ModelWorkStopped).reason).toBe(reason);
    expect(elapsed).toBeLessThan(300 + 1000);
  });

  it("a failed fit comes back as bad input", async () => {
    const inputs = await readFitInputs(engine, { model: "bgnbd", calibrationEnd: "1997-09-30" });
    const empty = {
      ...inputs,
      x: new Float64Array([0]),
      tx: new Float64Array([0]),
      T: new Float64Array([0]),
      count: new Float64Array([1]),
    };
    const error = await runModelWorker({ kind: "fit", inputs: empty }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "bad_input" });
  });
});
