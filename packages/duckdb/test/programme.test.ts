import { defaultClassificationRules, sql } from "@vafa/core";
import { describe, expect, it } from "vitest";
import {
  assignMembers,
  classifyStore,
  createCampaign,
  createTarget,
  evaluateCampaign,
  exportMembersCsv,
  openStore,
  targetProgressFor,
} from "../src/index.ts";

async function store() {
  const s = await openStore(":memory:");
  const tx: string[] = [];
  let n = 0;
  const add = (c: string, day: string, amount: number, discount: number | null, pay: string | null) =>
    tx.push(
      `('t${n++}', '${c}', TIMESTAMP '${day}', ${amount}, ${discount === null ? "NULL" : discount}, ${pay === null ? "NULL" : `'${pay}'`}, NULL)`,
    );
  // big: 6 months of 1000; deal: every purchase discounted; late: pays late; small: one purchase long ago.
  for (let m = 1; m <= 6; m++) {
    add("big", `2024-0${m}-05`, 1000, null, "paid");
    add("deal", `2024-0${m}-06`, 50, 5, "paid");
    add("late", `2024-0${m}-07`, 60, null, m % 2 === 0 ? "late" : "paid");
  }
  add("small", "2023-06-01", 10, null, null);
  await s.client.run(
    sql(
      `INSERT INTO transactions (id, customer_id, occurred_at, amount, discount, payment_status, order_id) VALUES ${tx.join(", ")}`,
    ),
  );
  await s.client.run(
    sql(
      "INSERT INTO customers (id, tags) VALUES ('small', 'benchmark'), ('big', NULL), ('deal', NULL), ('late', NULL)",
    ),
  );
  for (let i = 0; i < 4; i++)
    await s.client.run(
      sql(
        "INSERT INTO complaints (id, customer_id, occurred_at) VALUES ($1, 'late', TIMESTAMP '2024-03-01')",
        [`k${i}`],
      ),
    );
  return s;
}

describe("programme on a store", () => {
  it("classifies with flags read from the store", async () => {
    const s = await store();
    const r = await classifyStore(s.client, {
      rules: { ...defaultClassificationRules, highValue: { value: 1000 } },
    });
    const by = new Map(r.customers.map((c) => [c.customerId, c]));
    expect(by.get("big")?.class).toBe("retain_and_grow");
    expect(by.get("deal")?.flags.map((f) => f.flag)).toEqual(["deal_seeker"]);
    expect(by.get("late")?.flags.map((f) => f.flag)).toEqual(["costly_to_serve", "bad_payer"]);
    expect(by.get("small")?.class).toBe("retain");
    expect(by.get("small")?.explanation).toMatch(/strategic: benchmark/);
    s.close();
  });

  it("measures a target's baseline and progress", async () => {
    const s = await store();
    const t = await createTarget(s.client, {
      id: "t",
      metric: "raw",
      goal: 1,
      startsAt: "2024-03-01",
      deadline: "2024-07-01",
    });
    expect(t.baseline).toBe(1); // big, deal, late all bought in January and February
    const p = await targetProgressFor(s.client, "t");
    expect(p.rows.map((r) => r.period)).toEqual(["2024-03", "2024-04", "2024-05"]);
    expect(p.rows.every((r) => r.actual === 1)).toBe(true);
    expect(p.willMeet).toBe(true);
    s.close();
  });

  it("assigns arms stably, exports members, evaluates", async () => {
    const s = await store();
    await createCampaign(s.client, {
      id: "c",
      name: "C",
      strategy: "coupon",
      audience: "all",
      controlShare: 0.5,
      costPerContact: 2,
      startsAt: "2024-04-01",
      endsAt: "2024-06-30",
    });
    const a = await assignMembers(s.client, "c");
    const csv1 = await exportMembersCsv(s.client, "c", null);
    const b = await assignMembers(s.client, "c");
    expect(b).toMatchObject({ added: 0, kept: a.added, treatment: a.treatment, control: a.control });
    expect(
      (await exportMembersCsv(s.client, "c", null)).split("\n").map((l) => l.split(",").slice(0, 3).join()),
    ).toEqual(csv1.split("\n").map((l) => l.split(",").slice(0, 3).join()));
    const e = await evaluateCampaign(s.client, "c", { margin: 0.3 });
    expect(e.treatedMembers + e.controlMembers).toBe(4);
    expect(e.cost).toBe(2 * e.treatedMembers);
    expect(e.tooSmallToTell).toBe(true);
    await expect(
      createCampaign(s.client, {
        name: "x",
        strategy: "raffle",
        audience: "all",
        startsAt: "2024-01-01",
        endsAt: "2024-02-01",
      }),
    ).rejects.toThrow(/unknown strategy/);
    s.close();
  });
});
