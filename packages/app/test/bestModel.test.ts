import { describe, expect, it } from "vitest";
import { bestModel, quantileSummary } from "../src/index.ts";

describe("bestModel: the model that predicts the holdout best", () => {
  it.each([
    {
      name: "the lowest holdout error wins over a better BIC",
      rows: [
        { model: "bgnbd", bic: 100, holdout_mae: 0.9 },
        { model: "pareto-nbd", bic: 101, holdout_mae: 0.8 },
      ],
      best: "pareto-nbd",
      order: ["pareto-nbd", "bgnbd"],
      reason: "lowest holdout error per customer (MAE 0.800; bgnbd 0.900); 2nd by BIC",
    },
    {
      name: "a holdout tie within 0.1% goes to the lower BIC",
      rows: [
        { model: "bgnbd", bic: 100, holdout_mae: 0.8004 },
        { model: "mbgnbd", bic: 98, holdout_mae: 0.8 },
        { model: "pareto-nbd", bic: 90, holdout_mae: 0.8003 },
      ],
      best: "pareto-nbd",
      order: ["pareto-nbd", "mbgnbd", "bgnbd"],
      reason: "holdout error per customer tied (MAE 0.800; mbgnbd 0.800, bgnbd 0.800), lower BIC (1st)",
    },
    {
      name: "equal on both (the no-dropout limit) goes to the standard order: BG/NBD",
      rows: [
        { model: "mbgnbd", bic: 43834.6572, holdout_mae: 0.988 },
        { model: "pareto-nbd", bic: 43834.6572, holdout_mae: 0.988 },
        { model: "bgnbd", bic: 43834.6572, holdout_mae: 0.988 },
      ],
      best: "bgnbd",
      order: ["bgnbd", "pareto-nbd", "mbgnbd"],
      reason:
        "the models predict the holdout equally well (MAE 0.988; pareto-nbd 0.988, mbgnbd 0.988) and fit alike (BIC 43834.7): bgnbd, the standard, is used",
    },
  ] as const)("$name", ({ rows, best, order, reason }) => {
    const chosen = bestModel(rows);
    expect(chosen.model).toBe(best);
    expect(chosen.ranking.map((r) => r.model)).toEqual(order);
    expect(chosen.ranking.map((r) => r.holdout_rank)).toEqual(order.map((_, i) => i + 1));
    expect(chosen.reason).toBe(reason);
  });
});

describe("quantileSummary", () => {
  it.each([
    [[1, 2, 3, 4, 5], { min: 1, p10: 1.4, p25: 2, median: 3, p75: 4, p90: 4.6, max: 5, mean: 3 }],
    [[0.5], { min: 0.5, p10: 0.5, p25: 0.5, median: 0.5, p75: 0.5, p90: 0.5, max: 0.5, mean: 0.5 }],
    [[10, 0], { min: 0, p10: 1, p25: 2.5, median: 5, p75: 7.5, p90: 9, max: 10, mean: 5 }],
  ])("%j", (values, expected) => {
    const q = quantileSummary(Float64Array.from(values));
    for (const [k, v] of Object.entries(expected)) expect(q[k as keyof typeof q], k).toBeCloseTo(v, 12);
  });
});
