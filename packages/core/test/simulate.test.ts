import {
  CsvBytes,
  customerCsvRow,
  encodeCustomerRow,
  encodeTransactionRow,
  resolveSimulationParams,
  type SimulatedHistory,
  simulate,
  simulationWorld,
  transactionCsvRow,
} from "@vafa/core/simulate";
import { describe, expect, it } from "vitest";

const DAY = 86_400_000;

function collect(given: Parameters<typeof simulate>[0]): SimulatedHistory[] {
  return [...simulate(given)];
}

/** Gauss's hypergeometric 2F1(a, b; c; z) by its series, for |z| < 1. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-14 * Math.abs(sum)) break;
  }
  return sum;
}

/** BG/NBD expected repeat purchases in (0, t] (Fader, Hardie & Lee 2005, eq. 9). */
function expectedRepeats(r: number, alpha: number, a: number, b: number, t: number): number {
  return (
    ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)))
  );
}

describe("simulate: reproducibility", () => {
  it("gives identical output for the same seed and different output for another", () => {
    const a = collect({ customers: 300, seed: 11 });
    const b = collect({ customers: 300, seed: 11 });
    const c = collect({ customers: 300, seed: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("keeps a customer's latent truth when the number of customers changes", () => {
    const small = collect({ customers: 10, seed: 5 });
    const large = collect({ customers: 1000, seed: 5 });
    expect(small.map((h) => h.truth.lambda)).toEqual(large.slice(0, 10).map((h) => h.truth.lambda));
  });

  it("rejects invalid parameters with every problem named", () => {
    expect(() => collect({ r: -1, start: "2023-02-30" })).toThrow(
      /r must be a number > 0.*start must be a date/,
    );
    expect(() =>
      resolveSimulationParams({ start: "2024-01-01", end: "2024-06-30", acquisitionDays: 365 }),
    ).toThrow(/acquisition window/);
  });
});

describe("simulate: rows", () => {
  const histories = collect({ customers: 3000, seed: 3, returnRate: 0.1 });
  const rows = histories.flatMap((h) => h.transactions);
  const start = Date.UTC(2022, 0, 1);
  const end = Date.UTC(2025, 0, 1);

  it("numbers customers and transactions 1…N without gaps", () => {
    expect(histories.map((h) => h.customer.id)).toEqual(histories.map((_, i) => i + 1));
    expect(rows.map((t) => t.id)).toEqual(rows.map((_, i) => i + 1));
  });

  it("starts each customer with a purchase at created_at and keeps rows in time order", () => {
    for (const { customer, transactions } of histories) {
      expect(transactions[0]?.occurredAt).toBe(customer.createdAt);
      expect(transactions[0]?.amount).toBeGreaterThan(0);
      for (let k = 1; k < transactions.length; k++) {
        expect(transactions[k]?.occurredAt).toBeGreaterThanOrEqual(transactions[k - 1]?.occurredAt ?? 0);
      }
    }
  });

  it("acquires customers in order within the first year and observes until the end", () => {
    const created = histories.map((h) => h.customer.createdAt);
    expect(created).toEqual([...created].sort((x, y) => x - y));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...created)).toBeLessThan(start + 366 * DAY);
    const times = rows.map((t) => t.occurredAt);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThanOrEqual(end);
    expect(times.every((ms) => ms % 1000 === 0)).toBe(true);
  });

  it("writes returns as negative rows of a product bought earlier in the same order", () => {
    const returns = rows.filter((t) => t.amount < 0);
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) {
      expect(r.quantity).toBeLessThan(0);
      expect(r.cost).toBeLessThanOrEqual(0);
      // An order can hold the same product twice: any such line bought 1 to 31 days before will do.
      const returned = rows.some(
        (t) =>
          t.orderId === r.orderId &&
          t.product === r.product &&
          t.amount >= -r.amount &&
          t.quantity >= -r.quantity &&
          r.occurredAt - t.occurredAt >= DAY / 2 &&
          r.occurredAt - t.occurredAt <= 31 * DAY,
      );
      expect(returned).toBe(true);
    }
    const sales = rows.filter((t) => t.amount > 0).length;
    expect(returns.length / sales).toBeGreaterThan(0.085);
    expect(returns.length / sales).toBeLessThan(0.11);
  });

  it("gives sales positive money, cost below price on average and a share of discounts", () => {
    const sales = rows.filter((t) => t.amount > 0);
    const revenue = sales.reduce((s, t) => s + t.amount + t.discount, 0);
    const cost = sales.reduce((s, t) => s + t.cost, 0);
    expect(1 - cost / revenue).toBeGreaterThan(0.28);
    expect(1 - cost / revenue).toBeLessThan(0.42);
    const discounted = sales.filter((t) => t.discount > 0).length / sales.length;
    expect(discounted).toBeGreaterThan(0.12);
    expect(discounted).toBeLessThan(0.18);
    for (const t of sales) {
      expect(t.quantity).toBeGreaterThanOrEqual(1);
      expect(Math.round(t.amount * 100) / 100).toBe(t.amount);
    }
  });

  it("gives owners from the home branch and declares budgets for about 30%", () => {
    for (const { customer } of histories) {
      const branch = simulationWorld.branches.find((b) => b.name === customer.branch);
      expect(branch?.employees).toContain(customer.owner);
      expect(branch?.country).toBe(customer.country);
    }
    const withBudget = histories.filter((h) => h.customer.categoryBudget !== null).length / histories.length;
    expect(withBudget).toBeGreaterThan(0.27);
    expect(withBudget).toBeLessThan(0.33);
  });

  it("encodes rows to bytes exactly as the string formatters do", () => {
    const out = new CsvBytes();
    let text = "";
    for (const h of histories.slice(0, 200)) {
      encodeCustomerRow(out, h.customer);
      text += customerCsvRow(h.customer);
      for (const t of h.transactions) {
        encodeTransactionRow(out, t);
        text += transactionCsvRow(t);
      }
    }
    expect(new TextDecoder().decode(out.take())).toBe(text);
  });
});

describe("simulate: the BG/NBD and Gamma-Gamma story", () => {
  const params = { r: 0.25, alpha: 10, a: 0.8, b: 2.5, q: 3.8, gamma: 15 };
  // Everyone acquired on the first day, one line per order and no returns: rows are purchases.
  const histories = collect({
    ...params,
    customers: 40_000,
    seed: 99,
    acquisitionDays: 0,
    linesPerOrder: 1,
    returnRate: 0,
  });
  const n = histories.length;
  const mean = (f: (h: SimulatedHistory) => number) => histories.reduce((s, h) => s + f(h), 0) / n;

  it.each([
    ["λ ~ Gamma(r, α): mean r / α", (h: SimulatedHistory) => h.truth.lambda, 0.25 / 10],
    ["p ~ Beta(a, b): mean a / (a + b)", (h: SimulatedHistory) => h.truth.p, 0.8 / 3.3],
    ["ν ~ Gamma(q, γ): mean q / γ", (h: SimulatedHistory) => h.truth.nu, 3.8 / 15],
  ])("%s", (_name, f, expected) => {
    expect(Math.abs(mean(f) - expected) / expected).toBeLessThan(0.03);
  });

  it("matches the BG/NBD expected number of repeat purchases E[X(t)]", () => {
    const t = 1096; // 2022-01-01 … 2024-12-31 inclusive
    const expected = expectedRepeats(0.25, 10, 0.8, 2.5, t);
    const repeats = mean((h) => h.transactions.length - 1);
    expect(repeats).toBe(mean((h) => h.truth.repeatPurchases));
    expect(Math.abs(repeats - expected) / expected).toBeLessThan(0.04);
  });

  it("drops customers out only right after a repeat purchase", () => {
    for (const h of histories.slice(0, 5000)) {
      if (h.truth.dropoutAt === null) continue;
      expect(h.transactions.length).toBeGreaterThan(1);
      expect(h.transactions.at(-1)?.occurredAt).toBe(h.truth.dropoutAt);
    }
  });

  it("draws order values with mean p / ν per customer (Gamma-Gamma)", () => {
    // E[z | ν] = p / ν, so Σ z·ν / (p · count) ≈ 1 over all orders.
    let ratio = 0;
    let orders = 0;
    for (const h of histories) {
      for (const t of h.transactions) {
        ratio += (t.amount * h.truth.nu) / 6;
        orders++;
      }
    }
    expect(ratio / orders).toBeCloseTo(1, 1);
  });
});
