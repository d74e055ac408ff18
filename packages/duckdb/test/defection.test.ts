import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type DefectionRules, sql, verifyWebhookSignature } from "@vafa/core";
import {
  addWebhook,
  defectionBacktest,
  defectionRate,
  deliverWebhooks,
  ingestFiles,
  listAlerts,
  openStore,
  recordContact,
  runDefection,
  type Store,
  takeAlert,
} from "@vafa/duckdb";
import { afterEach, describe, expect, it } from "vitest";

const rules: DefectionRules = {
  combine: "any",
  rules: [{ kind: "silence", atRisk: 2, defected: 4, floorDays: 1, minPurchases: 3, fallback: "segment" }],
};

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A store holding purchases given as customer → days after 2024-01-01. */
async function storeWith(history: Record<string, readonly number[]>, segments: Record<string, string> = {}) {
  const store = await openStore(":memory:");
  stores.push(store);
  let n = 0;
  for (const [customer, days] of Object.entries(history)) {
    await store.client.run(
      sql("INSERT INTO customers (id, segment, owner, branch) VALUES ($1, $2, $3, $4)", [
        customer,
        segments[customer] ?? null,
        customer === "a" ? "sara" : null,
        "north",
      ]),
    );
    for (const d of days) {
      await store.client.run(
        sql(
          "INSERT INTO transactions (id, customer_id, occurred_at, amount, cost) VALUES ($1, $2, DATE '2024-01-01' + CAST($3 AS INTEGER), 100, 60)",
          [`t${n++}`, customer, d],
        ),
      );
    }
  }
  return store;
}

const day = (offset: number) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);

async function statuses(store: Store): Promise<Record<string, string>> {
  const rows = await store.client.all(
    sql("SELECT customer_id, status FROM customer_status ORDER BY customer_id"),
  );
  return Object.fromEntries(rows.map((r) => [String(r.customer_id), String(r.status)]));
}

describe("runDefection on hand-built histories", () => {
  // a buys every 10 days (last on day 100); b once on day 90 (segment "s" gap 10 via c); c every 10 days.
  const history = {
    a: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    b: [90],
    c: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
  };
  const segments = { b: "s", c: "s" };

  it.each([
    [120, { a: "active", b: "at_risk", c: "active" }], // a: silent 20 = 2 × 10, not fired; b: 30 > 2 × 10
    [121, { a: "at_risk", b: "at_risk", c: "at_risk" }],
    [141, { a: "defected", b: "defected", c: "defected" }],
  ])("as of day %d", async (asOf, expected) => {
    const store = await storeWith(history, segments);
    await runDefection(store.client, { rules, asOf: day(asOf), maxAlertAgeDays: null });
    expect(await statuses(store)).toEqual(expected);
  });

  it("alerts once per situation, reactivates a returning defector, keeps history", async () => {
    const store = await storeWith(history, segments);
    const first = await runDefection(store.client, { rules, asOf: day(125), maxAlertAgeDays: null });
    expect([first.alertsCreated, first.statuses.at_risk]).toEqual([3, 3]);
    const again = await runDefection(store.client, { rules, asOf: day(125), maxAlertAgeDays: null });
    expect([again.changed, again.alertsCreated]).toEqual([0, 0]);
    const later = await runDefection(store.client, { rules, asOf: day(126), maxAlertAgeDays: null });
    expect(later.alertsCreated).toBe(0);

    const defected = await runDefection(store.client, { rules, asOf: day(150), maxAlertAgeDays: null });
    expect([defected.alertsCreated, defected.alertsClosed]).toEqual([3, 3]); // at-risk alerts superseded
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount) VALUES ('back', 'a', DATE '2024-01-01' + 151, 50)",
      ),
    );
    const back = await runDefection(store.client, { rules, asOf: day(152), maxAlertAgeDays: null });
    expect(back.statuses.reactivated).toBe(1);
    expect((await statuses(store)).a).toBe("reactivated");
    const changes = await store.client.all(
      sql(
        "SELECT status, previous_status, CAST(changed_on AS VARCHAR) AS changed_on, rule FROM status_history WHERE customer_id = 'a' ORDER BY recorded_at, changed_on",
      ),
    );
    expect(changes).toEqual([
      { status: "at_risk", previous_status: null, changed_on: day(121), rule: "silence" },
      { status: "defected", previous_status: "at_risk", changed_on: day(141), rule: "silence" },
      { status: "reactivated", previous_status: "defected", changed_on: day(151), rule: null },
    ]);
    const open = await listAlerts(store.client);
    expect(open.map((a) => a.customer_id).sort()).toEqual(["b", "c"]); // a's alert closed on return
  });

  it("writes reason, value and owner, and works the alert through the worklist", async () => {
    const store = await storeWith(history, segments);
    await runDefection(store.client, { rules, asOf: day(125), locale: "fa", maxAlertAgeDays: null });
    const [a] = await listAlerts(store.client, { owner: "sara" });
    expect(a).toMatchObject({
      customer_id: "a",
      status: "at_risk",
      rule: "silence",
      owner: "sara",
      value_basis: "profit_12m",
      value_at_stake: 440,
      priority: 220,
      reason: "۳ ماه هر ۱۰ روز یک‌بار خرید می‌کرد؛ ۲۵ روز است خریدی نکرده",
    });
    const aId = a?.id ?? "";
    const b = (await listAlerts(store.client, { owner: "north" })).find((x) => x.customer_id === "b");
    expect(b?.reason).toContain("فقط یک‌بار");
    await takeAlert(store.client, aId, "sara");
    expect((await listAlerts(store.client, { owner: "sara" }))[0]).toMatchObject({
      state: "in_progress",
      assignee: "sara",
    });
    await expect(
      recordContact(store.client, { alertId: aId, outcome: "lost", exitReason: "mood" }),
    ).rejects.toThrow(/not one of/);
    const unreachable = await recordContact(store.client, {
      alertId: aId,
      outcome: "unreachable",
      followUp: "2024-05-10",
    });
    expect(unreachable.state).toBe("in_progress");
    const lost = await recordContact(store.client, {
      alertId: aId,
      outcome: "lost",
      exitReason: "price",
      note: "20% cheaper",
    });
    expect(lost.state).toBe("closed");
    const contacts = await store.client.all(
      sql(
        "SELECT outcome, exit_reason, employee, CAST(follow_up_at AS VARCHAR) AS follow_up FROM contacts ORDER BY occurred_at, outcome DESC",
      ),
    );
    expect(contacts).toEqual([
      { outcome: "unreachable", exit_reason: null, employee: "sara", follow_up: "2024-05-10 00:00:00" },
      { outcome: "lost", exit_reason: "price", employee: "sara", follow_up: null },
    ]);
    await expect(takeAlert(store.client, aId, "sara")).rejects.toThrow(/closed/);
  });

  it("skips the model rule without scores, with a note", async () => {
    const store = await storeWith(history, segments);
    const run = await runDefection(store.client, {
      rules: { combine: "any", rules: [...rules.rules, { kind: "model", atRisk: 0.5, defected: 0.2 }] },
      asOf: day(125),
    });
    expect(run.notes).toEqual(["model rule unavailable: no customer scores — run `vafa clv score` first"]);
  });

  it("uses customer scores for the model rule and the value at stake", async () => {
    const store = await storeWith(history, segments);
    await store.client.run(
      sql(
        "INSERT INTO customer_scores (customer_id, model, scored_at, p_alive, clv) VALUES ('c', 'bgnbd', now(), 0.1, 2000)",
      ),
    );
    await runDefection(store.client, {
      rules: { combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] },
      asOf: day(105),
    });
    const [c] = await listAlerts(store.client);
    expect(c).toMatchObject({
      customer_id: "c",
      status: "defected",
      value_basis: "clv",
      value_at_stake: 2000,
      priority: 1800,
      p_alive: 0.1,
    });
  });

  it("gives the defection rate per period with a ranking", async () => {
    const store = await storeWith(history, segments);
    const r = await defectionRate(store.client, {
      rules,
      period: { unit: "month" },
      to: "2024-06-30",
      by: "owner",
    });
    const may = r.rows.filter((x) => x.period === "2024-05");
    expect(may.map((x) => [x.group, x.customersAtStart, x.defected])).toEqual([
      [null, 3, 3],
      ["(none)", 2, 2],
      ["sara", 1, 1],
    ]);
    expect(r.ranking.every((x) => !x.distinguishable)).toBe(true);
  });
});

describe("webhook delivery", () => {
  async function receiver(failFirst: number) {
    const received: { body: string; headers: IncomingMessage["headers"] }[] = [];
    let calls = 0;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        calls++;
        if (calls <= failFirst) {
          res.writeHead(500).end();
          return;
        }
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return {
      server,
      received,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      calls: () => calls,
    };
  }

  it("retries with back-off after two 500s and delivers once, signed; survives a restart", async () => {
    const r = await receiver(2);
    try {
      const store = await storeWith({ a: [0, 10, 20, 30] });
      await addWebhook(store.client, { url: r.url, secret: "s3cret-key" });
      const run = await runDefection(store.client, { rules, asOf: day(60), maxAlertAgeDays: null });
      expect(run.deliveriesQueued).toBe(1);
      const policy = { baseDelayMs: 50, maxDelayMs: 1000, maxAttempts: 10 };
      const passes = [];
      // The first worker makes one failed attempt, then "stops" (a restart is a new call on the same table).
      passes.push(await deliverWebhooks(store.client, { policy }));
      for (let i = 0; i < 40 && r.received.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        passes.push(await deliverWebhooks(store.client, { policy }));
      }
      expect(r.calls()).toBe(3);
      expect(r.received).toHaveLength(1);
      const [got] = r.received;
      const ts = String(got?.headers["x-vafa-timestamp"]);
      expect(
        verifyWebhookSignature("s3cret-key", ts, got?.body ?? "", String(got?.headers["x-vafa-signature"])),
      ).toBe(true);
      expect(JSON.parse(got?.body ?? "{}")).toMatchObject({
        event: "alert.created",
        alert: { customer_id: "a", status: "at_risk" },
      });
      const [d] = await store.client.all(sql("SELECT state, attempts, last_status FROM webhook_deliveries"));
      expect(d).toEqual({ state: "delivered", attempts: 3, last_status: 204 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await deliverWebhooks(store.client, { policy })).attempted).toBe(0);
    } finally {
      r.server.close();
    }
  });
});

describe("Online Retail backtest", () => {
  it("beats a naive 'silent for 90 days' rule on F1 as of 2011-09-01 with a 90-day window", async () => {
    const store = await openStore(":memory:");
    stores.push(store);
    const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
    const r = await defectionBacktest(store.client, { asOf: "2011-09-01", windowDays: 90 });
    console.log(
      `Online Retail backtest: rules precision ${r.rules.precision?.toFixed(3)} recall ${r.rules.recall?.toFixed(3)} F1 ${r.rules.f1?.toFixed(3)}; naive precision ${r.naive.precision?.toFixed(3)} recall ${r.naive.recall?.toFixed(3)} F1 ${r.naive.f1?.toFixed(3)}`,
    );
    expect(r.customers).toBe(3324);
    expect(r.rules.precision).toBeGreaterThan(0);
    expect(r.rules.recall).toBeGreaterThan(0);
    expect(r.naive.precision).toBeGreaterThan(0);
    expect(r.naive.recall).toBeGreaterThan(0);
    expect(r.rules.f1 ?? 0).toBeGreaterThan(r.naive.f1 ?? 0);
    expect(r.beatsNaive).toBe(true);
  });
});
