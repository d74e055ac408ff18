import { defectionDrivers, defectionProfiles } from "@vafa/app";
import { sql } from "@vafa/core";
import {
  createComplaint,
  defectionReasons,
  listComplaints,
  openDuckDBEngine,
  openStore,
  recordSurveyResponse,
  type Store,
  updateComplaint,
} from "@vafa/duckdb";
import { afterEach, describe, expect, it } from "vitest";

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function store(): Promise<Store> {
  const s = await openStore(":memory:");
  stores.push(s);
  return s;
}

describe("complaints and surveys through the library", () => {
  it("creates, resolves and lists a complaint with its resolution time", async () => {
    const s = await store();
    const id = await createComplaint(s.client, {
      customerId: "c1",
      category: "Late_Delivery",
      occurredAt: "2024-03-01T08:00:00Z",
      now: new Date("2024-03-01T08:00:00Z"),
    });
    await updateComplaint(s.client, id, { status: "in_progress", now: new Date("2024-03-01T10:00:00Z") });
    await updateComplaint(s.client, id, {
      status: "resolved",
      resolution: "refunded the fee",
      now: new Date("2024-03-02T14:00:00Z"),
    });
    const [row] = await listComplaints(s.client, { customerId: "c1" });
    expect(row).toMatchObject({
      category: "late_delivery",
      status: "resolved",
      resolution: "refunded the fee",
    });
    expect(row?.resolutionHours).toBeCloseTo(30, 6);
    expect(await listComplaints(s.client, { status: "open" })).toHaveLength(0);
    await expect(updateComplaint(s.client, "nope", { status: "closed" })).rejects.toThrow(/no complaint/);
  });

  it("records an exit survey checked against the questionnaire", async () => {
    const s = await store();
    const r = await recordSurveyResponse(s.client, {
      customerId: "c1",
      survey: "exit",
      answers: [
        { question: "exit_reason", value: "competitor_offer" },
        { question: "exit_competitor_offer_detail", value: "Bank X, 2% cashback" },
      ],
    });
    expect(r.answers).toBe(2);
    const rows = await s.client.all(
      sql("SELECT question, reason, text FROM survey_responses ORDER BY question"),
    );
    expect(rows).toEqual([
      { question: "exit_competitor_offer_detail", reason: null, text: "Bank X, 2% cashback" },
      { question: "exit_reason", reason: "competitor_offer", text: null },
    ]);
    await expect(
      recordSurveyResponse(s.client, {
        customerId: "c1",
        survey: "exit",
        answers: [{ question: "exit_reason", value: "bored" }],
      }),
    ).rejects.toThrow(/not an answer/);
  });
});

describe("reason analysis in the store", () => {
  it("counts contacts and exit surveys, one reason per customer, valued by last-year profit", async () => {
    const s = await store();
    const run = (text: string, params: (string | number | null)[] = []) => s.client.run(sql(text, params));
    for (const [id, branch] of [
      ["a", "north"],
      ["b", "north"],
      ["c", "south"],
    ] as const)
      await run("INSERT INTO customers (id, branch) VALUES ($1, $2)", [id, branch]);
    await run(`INSERT INTO transactions (id, customer_id, occurred_at, amount, cost) VALUES
      ('t1', 'a', '2024-01-10', 100, 60), ('t2', 'b', '2024-01-10', 300, 100), ('t3', 'c', '2024-01-10', 50, 40),
      ('t4', 'a', '2022-01-10', 999, 0)`);
    await run(`INSERT INTO contacts (id, customer_id, occurred_at, outcome, exit_reason) VALUES
      ('k1', 'a', '2024-03-01', 'lost', 'price'), ('k2', 'b', '2024-03-05', 'saved', 'price'),
      ('k3', 'c', '2024-04-01', 'lost', 'service_quality')`);
    await recordSurveyResponse(s.client, {
      customerId: "b",
      survey: "exit",
      answers: [{ question: "exit_reason", value: "price" }],
      now: new Date("2024-03-20T00:00:00Z"),
    });
    const r = await defectionReasons(s.client, { by: "branch" });
    expect(r.customers).toBe(3);
    expect(r.rows.map((x) => [x.group, x.reason, x.customers, x.value])).toEqual([
      ["north", "price", 2, 40 + 200],
      ["south", "service_quality", 1, 10],
    ]);
    expect(r.trend.map((x) => [x.period, x.reason, x.customers])).toEqual([
      ["2024-03", "price", 2],
      ["2024-04", "service_quality", 1],
    ]);
  });
});

describe("drivers and profiles in the store", () => {
  it("finds a planted complaint category and ignores one without effect", async () => {
    const engine = await openDuckDBEngine(":memory:");
    const s = { client: engine.client };
    // 400 customers buying on 2024-01-15; complaint x (every 4th) → 3 in 4 leave; y (every 5th) no effect.
    const tx: string[] = [];
    const after: string[] = [];
    const complaints: string[] = [];
    for (let i = 0; i < 400; i++) {
      const x = i % 4 === 0;
      const y = i % 5 === 0;
      tx.push(`('t${i}', 'c${i}', '2024-01-15', 100, 70)`);
      const leaves = x ? i % 16 !== 0 : i % 4 === 1;
      if (!leaves) after.push(`('u${i}', 'c${i}', '2024-03-01', 100, 70)`);
      if (x) complaints.push(`('x${i}', 'c${i}', '2024-01-20', 'late_delivery', 'resolved', '2024-01-21')`);
      if (y) complaints.push(`('y${i}', 'c${i}', '2024-01-20', 'statement_error', 'resolved', '2024-01-21')`);
    }
    await s.client.run(
      sql(`INSERT INTO transactions (id, customer_id, occurred_at, amount, cost) VALUES ${[...tx, ...after].join(", ")},
        ('end', 'z', '2024-05-01', 1, 1)`),
    );
    await s.client.run(
      sql(
        `INSERT INTO complaints (id, customer_id, occurred_at, category, status, resolved_at) VALUES ${complaints.join(", ")}`,
      ),
    );
    const r = await defectionDrivers(engine, { asOf: "2024-01-31", windowDays: 90 });
    expect(r.customers).toBe(400);
    expect(r.drivers[0]?.id).toBe("complaint:late_delivery");
    const y = r.drivers.find((d) => d.id === "complaint:statement_error");
    expect(y?.relativeRiskLow).toBeLessThan(1);
    expect(y?.relativeRiskHigh).toBeGreaterThan(1);
    expect(r.drivers[0]?.valueAtStake).toBeCloseTo((r.drivers[0]?.excessRate ?? 0) * 100 * 30, 6);
    const p = await defectionProfiles(engine, { asOf: "2024-01-31", windowDays: 90 });
    expect(p.customers).toBe(400);
    expect(p.profitBasis).toBe("profit_12m");
    await engine.close();
  });
});
