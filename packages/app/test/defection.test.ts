import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DefectionRules,
  type Engine,
  type SqlQuery,
  sql,
  toEpochDay,
  verifyWebhookSignature,
} from "@vafa/core";
import {
  CsvBytes,
  encodeTransactionRow,
  resolveSimulationParams,
  simulate,
  transactionCsvColumns,
} from "@vafa/core/simulate";
import { type DuckDBEngine, ingestFiles, openDuckDBEngine } from "@vafa/duckdb";
import { afterEach, describe, expect, it } from "vitest";
import {
  addWebhook,
  defectionBacktest,
  defectionRate,
  deliverWebhooks,
  fitModelAsOf,
  getAlert,
  listAlerts,
  recordContact,
  runDefection,
  takeAlert,
} from "../src/index.ts";

const rules: DefectionRules = {
  combine: "any",
  rules: [{ kind: "silence", atRisk: 2, defected: 4, floorDays: 1, minPurchases: 3, fallback: "segment" }],
};

const stores: DuckDBEngine[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A store holding purchases given as customer → days after 2024-01-01. */
async function storeWith(history: Record<string, readonly number[]>, segments: Record<string, string> = {}) {
  const store = await openDuckDBEngine(":memory:");
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

async function statuses(store: DuckDBEngine): Promise<Record<string, string>> {
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
    await runDefection(store, { rules, asOf: day(asOf), maxAlertAgeDays: null });
    expect(await statuses(store)).toEqual(expected);
  });

  it("alerts once per situation, reactivates a returning defector, keeps history", async () => {
    const store = await storeWith(history, segments);
    const first = await runDefection(store, { rules, asOf: day(125), maxAlertAgeDays: null });
    expect([first.alertsCreated, first.statuses.at_risk]).toEqual([3, 3]);
    const again = await runDefection(store, { rules, asOf: day(125), maxAlertAgeDays: null });
    expect([again.changed, again.alertsCreated]).toEqual([0, 0]);
    const later = await runDefection(store, { rules, asOf: day(126), maxAlertAgeDays: null });
    expect(later.alertsCreated).toBe(0);

    const defected = await runDefection(store, { rules, asOf: day(150), maxAlertAgeDays: null });
    expect([defected.alertsCreated, defected.alertsClosed]).toEqual([3, 3]); // at-risk alerts superseded
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount) VALUES ('back', 'a', DATE '2024-01-01' + 151, 50)",
      ),
    );
    const back = await runDefection(store, { rules, asOf: day(152), maxAlertAgeDays: null });
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
    const open = await listAlerts(store);
    expect(open.map((a) => a.customer_id).sort()).toEqual(["b", "c"]); // a's alert closed on return
  });

  it("over two stores, a run cut short after its alerts repeats without a duplicate and ends as one uninterrupted run", async () => {
    const now = new Date("2024-05-05T10:00:00Z");
    /** The facts (and statuses) in one file, the alerts in another, as beside ClickHouse. */
    async function split(
      failStatusesOnce: boolean,
    ): Promise<{ engine: Engine; facts: DuckDBEngine; state: DuckDBEngine }> {
      const facts = await storeWith(history, segments);
      const state = await openDuckDBEngine(":memory:");
      stores.push(state);
      let fail = failStatusesOnce;
      const client = {
        all: (q: SqlQuery) => facts.client.all(q),
        run: (q: SqlQuery) => {
          if (fail && q.sql.startsWith("INSERT INTO customer_status")) {
            fail = false;
            return Promise.reject(new Error("the analytic store went away"));
          }
          return facts.client.run(q);
        },
      };
      const engine: Engine = {
        ...facts,
        facts: client,
        state: state.client,
        session: (work) => work(engine),
      };
      return { engine, facts, state };
    }
    const options = { rules, asOf: day(125), maxAlertAgeDays: null, now };
    const cut = await split(true);
    await expect(runDefection(cut.engine, options)).rejects.toThrow(/went away/);
    expect((await listAlerts(cut.engine)).length).toBe(3); // the operational writes were committed
    expect(await statuses(cut.facts)).toEqual({}); // the statuses were not
    const repeat = await runDefection(cut.engine, options);
    expect([repeat.changed, repeat.alertsCreated]).toEqual([3, 0]);

    const whole = await split(false);
    const once = await runDefection(whole.engine, options);
    expect([once.changed, once.alertsCreated]).toEqual([3, 3]);
    expect(await listAlerts(cut.engine)).toEqual(await listAlerts(whole.engine));
    expect(await statuses(cut.facts)).toEqual(await statuses(whole.facts));
    expect(await statuses(whole.facts)).toEqual({ a: "at_risk", b: "at_risk", c: "at_risk" });
  });

  it.each([
    ["an agent of the branch", { scope: { branch: "north", owners: ["u9"] } }, ["a", "b", "c"]],
    ["an agent elsewhere who owns a's account", { scope: { branch: "south", owners: ["sara"] } }, ["a"]],
    ["an agent without a branch or alerts", { scope: { branch: null, owners: ["u9"] } }, []],
    ["the alerts u1 took", { assignee: "u1" }, ["b"]],
    [
      "the branch, closed ones too",
      { branch: "north", states: ["open", "in_progress", "closed"] },
      ["a", "b", "c"],
    ],
  ] as const)("lists the worklist for %s", async (_who, filter, customers) => {
    const store = await storeWith(history, segments);
    await runDefection(store, { rules, asOf: day(125), maxAlertAgeDays: null });
    const b = (await listAlerts(store)).find((x) => x.customer_id === "b");
    if (b === undefined) throw new Error("no alert for b");
    await takeAlert(store, b.id, "u1");
    const listed = await listAlerts(store, filter);
    expect(listed.map((x) => x.customer_id).sort()).toEqual(customers);
    expect(await getAlert(store, b.id)).toEqual({ ...b, state: "in_progress", assignee: "u1" });
    expect(await getAlert(store, "no-such-alert")).toBeNull();
  });

  it("writes reason, value and owner, and works the alert through the worklist", async () => {
    const store = await storeWith(history, segments);
    await runDefection(store, { rules, asOf: day(125), locale: "fa", maxAlertAgeDays: null });
    const [a] = await listAlerts(store, { owner: "sara" });
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
    const b = (await listAlerts(store, { owner: "north" })).find((x) => x.customer_id === "b");
    expect(b?.reason).toContain("فقط یک‌بار");
    await takeAlert(store, aId, "sara");
    expect((await listAlerts(store, { owner: "sara" }))[0]).toMatchObject({
      state: "in_progress",
      assignee: "sara",
    });
    await expect(recordContact(store, { alertId: aId, outcome: "lost", exitReason: "mood" })).rejects.toThrow(
      /not one of/,
    );
    const unreachable = await recordContact(store, {
      alertId: aId,
      outcome: "unreachable",
      followUp: "2024-05-10",
    });
    expect(unreachable.state).toBe("in_progress");
    const lost = await recordContact(store, {
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
    await expect(takeAlert(store, aId, "sara")).rejects.toThrow(/closed/);
  });

  it("skips the model rule without scores, with a note", async () => {
    const store = await storeWith(history, segments);
    const run = await runDefection(store, {
      rules: { combine: "any", rules: [...rules.rules, { kind: "model", atRisk: 0.5, defected: 0.2 }] },
      asOf: day(125),
    });
    expect(run.notes).toEqual(["model rule unavailable: no customer scores — run `vafa clv score` first"]);
  });

  it("runs the default rules where the model cannot be fitted: silence decides alone, with a note", async () => {
    const store = await storeWith(history, segments);
    const run = await runDefection(store, { asOf: day(141), maxAlertAgeDays: null });
    // Silent 41 days is under the 45-day floor; b's 51 days pass 3 × its segment's 10-day gap and the floor.
    expect(await statuses(store)).toEqual({ a: "active", b: "defected", c: "active" });
    expect(run.notes).toHaveLength(1);
    expect(run.notes[0]).toMatch(
      /^model rule not applied: the purchase model could not be fitted .*fewer than the 100/,
    );
  });

  it("uses customer scores for the model rule and the value at stake", async () => {
    const store = await storeWith(history, segments);
    await store.client.run(
      sql(
        "INSERT INTO customer_scores (customer_id, model, scored_at, p_alive, clv) VALUES ('c', 'bgnbd', now(), 0.1, 2000)",
      ),
    );
    await runDefection(store, {
      rules: { combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] },
      asOf: day(105),
    });
    const [c] = await listAlerts(store);
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
    const r = await defectionRate(store, {
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
      await addWebhook(store, { url: r.url, secret: "s3cret-key" });
      const run = await runDefection(store, { rules, asOf: day(60), maxAlertAgeDays: null });
      expect(run.deliveriesQueued).toBe(1);
      const policy = { baseDelayMs: 50, maxDelayMs: 1000, maxAttempts: 10 };
      const passes = [];
      // The first worker makes one failed attempt, then "stops" (a restart is a new call on the same table).
      passes.push(await deliverWebhooks(store, { policy }));
      for (let i = 0; i < 40 && r.received.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        passes.push(await deliverWebhooks(store, { policy }));
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
      expect((await deliverWebhooks(store, { policy })).attempted).toBe(0);
    } finally {
      r.server.close();
    }
  });
});

describe("Online Retail backtest", () => {
  it("beats a naive 'silent for 90 days' rule on precision and recall, with the model fitted up to as-of only", async () => {
    const store = await openDuckDBEngine(":memory:");
    stores.push(store);
    const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
    // The date and window, then a second as-of date so the default is no knife-edge optimum.
    for (const [asOf, customers] of [
      ["2011-09-01", 3324],
      ["2011-06-01", 2725],
    ] as const) {
      const r = await defectionBacktest(store, { asOf, windowDays: 90 });
      const pct = (v: number | null) => `${((v ?? 0) * 100).toFixed(1)}%`;
      console.log(
        `Online Retail backtest as of ${asOf}, 90-day window: rules precision ${pct(r.rules.precision)} recall ${pct(r.rules.recall)} F1 ${r.rules.f1?.toFixed(3)} lead ${r.rules.medianLeadDays} days; naive precision ${pct(r.naive.precision)} recall ${pct(r.naive.recall)} F1 ${r.naive.f1?.toFixed(3)} lead ${r.naive.medianLeadDays} days; model ${r.model?.model} fitted up to ${r.model?.calibrationEnd}`,
      );
      expect(r.customers).toBe(customers);
      expect(r.model).toMatchObject({ model: "bgnbd", calibrationEnd: asOf, unit: "day", horizonDays: 90 });
      expect(r.notes).toEqual([]);
      expect(r.rules.precision ?? 0).toBeGreaterThan(r.naive.precision ?? 1);
      expect(r.rules.recall ?? 0).toBeGreaterThan(r.naive.recall ?? 1);
      expect(r.rules.f1 ?? 0).toBeGreaterThan(r.naive.f1 ?? 1);
      expect(r.beatsNaive).toBe(true);
    }
  });
});

describe("the backtest's purchase model sees no purchase after as-of", () => {
  /** 1,000 customers simulated by BG/NBD through 2024 (the simulator's defaults), as transactions.csv. */
  function simulatedCsv(dir: string): string {
    const out = new CsvBytes(1 << 20);
    out.text(transactionCsvColumns.join(","));
    out.newline();
    const params = resolveSimulationParams({
      customers: 1000,
      seed: 5,
      start: "2024-01-01",
      end: "2024-12-31",
      acquisitionDays: 180,
      linesPerOrder: 1,
      returnRate: 0,
    });
    for (const h of simulate(params)) for (const t of h.transactions) encodeTransactionRow(out, t);
    const path = join(dir, "transactions.csv");
    writeFileSync(path, out.take());
    return path;
  }

  it("a purchase after as-of changes neither the fit nor anyone's as-of P(alive) and P(purchase)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vafa-defection-leak-"));
    const store = await openDuckDBEngine(":memory:");
    stores.push(store);
    try {
      await ingestFiles(store.client, { kind: "transactions", files: [simulatedCsv(dir)] });
      const asOfDay = toEpochDay("2024-09-01");
      const laterDay = toEpochDay("2024-10-31");
      const before = await fitModelAsOf(store, { asOfDay, horizonDays: 90 });
      const laterBefore = await fitModelAsOf(store, { asOfDay: laterDay, horizonDays: 90 });
      const backtestBefore = await defectionBacktest(store, { asOf: "2024-09-01", windowDays: 90 });
      // The customer the model thinks least alive as of 2024-09-01 comes back ten days later.
      const [id, pAlive] = [...before.pAlive].reduce((low, e) => (e[1] < low[1] ? e : low));
      expect(pAlive).toBeLessThan(0.01);
      const back = join(dir, "back.csv");
      writeFileSync(back, `transaction_id,customer_id,occurred_at,amount\nback-1,${id},2024-09-11,50\n`);
      await ingestFiles(store.client, { kind: "transactions", files: [back] });

      const after = await fitModelAsOf(store, { asOfDay, horizonDays: 90 });
      expect(after.fit).toEqual(before.fit);
      expect(after.fit.calibrationEnd).toBe("2024-09-01");
      expect(after.pAlive).toEqual(before.pAlive);
      expect(after.pPurchase).toEqual(before.pPurchase);
      const backtestAfter = await defectionBacktest(store, { asOf: "2024-09-01", windowDays: 90 });
      expect(backtestAfter.model).toEqual(backtestBefore.model);
      expect(backtestAfter.rules.flagged).toBe(backtestBefore.rules.flagged);
      // The outcome did change (the customer bought in the window): the purchase is in the store …
      expect(backtestAfter.actualDefectors).toBe(backtestBefore.actualDefectors - 1);
      // … and a fit through a later day does see it, so the equalities above are no accident.
      const laterAfter = await fitModelAsOf(store, { asOfDay: laterDay, horizonDays: 90 });
      expect(laterAfter.pAlive.get(id) ?? 0).toBeGreaterThan((laterBefore.pAlive.get(id) ?? 1) + 0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
