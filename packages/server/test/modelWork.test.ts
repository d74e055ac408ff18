import { ModelWorkStopped } from "@vafa/app";
import { describe, expect, it } from "vitest";
import { ModelWork } from "../src/jobs/ModelWork.ts";

/** Work that resolves with `value` when `finish()` is called, counting how often it started and was cancelled. */
function gate<T>(value: T) {
  const stats = { started: 0, cancelled: 0 };
  let finish = () => {};
  const start = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      stats.started += 1;
      finish = () => resolve(value);
      signal.addEventListener("abort", () => {
        stats.cancelled += 1;
        reject(new ModelWorkStopped("cancelled", "cancelled"));
      });
    });
  return { start, stats, finish: () => finish() };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("ModelWork: the server's model slots, shared runs and stored results", () => {
  it.each([1, 2, 3])("at most %i run at once; the rest wait their turn", async (slots) => {
    const work = new ModelWork(slots);
    const gates = Array.from({ length: 4 }, (_, i) => gate(i));
    const results = gates.map((g, i) => work.run(`k${i}`, g.start));
    await tick();
    expect(work.active).toBe(slots);
    expect(gates.map((g) => g.stats.started)).toEqual(gates.map((_, i) => (i < slots ? 1 : 0)));
    for (const g of gates) {
      g.finish();
      await tick();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(work.active).toBe(0);
  });

  it("the same key runs once for every caller and is then answered from the stored result", async () => {
    const work = new ModelWork(1);
    const g = gate("check");
    const a = work.run("same", g.start);
    const b = work.run("same", g.start);
    await tick();
    g.finish();
    expect([await a, await b]).toEqual(["check", "check"]);
    expect(work.stored("same")).toBe("check");
    expect(await work.run("same", g.start)).toBe("check");
    expect(g.stats.started).toBe(1);
  });

  it.each([
    ["one of two callers leaves: the run goes on", 1, 0],
    ["both callers leave: the run is cancelled", 2, 1],
  ] as const)("%s", async (_, leaving, cancelled) => {
    const work = new ModelWork(1);
    const g = gate("done");
    const controllers = [new AbortController(), new AbortController()];
    const runs = controllers.map((c) => work.run("k", g.start, c.signal).catch((e: unknown) => e));
    await tick();
    for (const c of controllers.slice(0, leaving)) c.abort();
    await tick();
    expect(g.stats.cancelled).toBe(cancelled);
    if (cancelled === 0) g.finish();
    const outcomes = await Promise.all(runs);
    expect(outcomes[0]).toBeInstanceOf(ModelWorkStopped);
    expect(outcomes[1] instanceof ModelWorkStopped).toBe(leaving === 2);
    expect(work.active).toBe(0);
    expect(work.stored("k")).toBe(cancelled === 0 ? "done" : undefined);
  });

  it("a caller that leaves while queued frees its place without starting", async () => {
    const work = new ModelWork(1);
    const first = gate(1);
    const second = gate(2);
    const running = work.run("a", first.start);
    const controller = new AbortController();
    const queued = work.run("b", second.start, controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await queued).toBeInstanceOf(ModelWorkStopped);
    first.finish();
    expect(await running).toBe(1);
    expect(second.stats.started).toBe(0);
  });
});
