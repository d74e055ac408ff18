import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "./fixtures.ts";
import {
  agentBranch as branch,
  type Role,
  type SimulatedServer,
  startSimulatedServer,
} from "./simulatedServer.ts";

let fixture: SimulatedServer;
let customers = 0;
let inBranch = 0;
const c = {} as Record<Role, Client>;

async function waitFor(client: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await client.get(`/api/jobs/${id}`);
    if (job.json.state === "done" || job.json.state === "failed") return job.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("job did not finish");
}

beforeAll(async () => {
  fixture = await startSimulatedServer("vafa-features-");
  Object.assign(c, fixture.clients);
  customers = fixture.customers;
  inBranch = fixture.inBranch;
}, 60_000);

afterAll(async () => {
  await fixture?.close();
});

describe("defection and the worklist over the defection library", () => {
  it("a manager runs the rules as a job; alerts, statuses and the overview follow", async () => {
    const before = (await c.viewer.get("/api/overview")).json;
    expect(before).toMatchObject({ defection_rate_source: "retention", statuses: null });
    const run = await c.manager.post("/api/defection/run", { as_of: "2024-12-31", max_alert_age_days: null });
    expect(run.status).toBe(200);
    const job = await waitFor(c.manager, String(run.json.jobId));
    expect(job.state, JSON.stringify(job)).toBe("done");
    const summary = job.result as { customers: number; alertsCreated: number };
    expect(summary.customers).toBe(customers);
    expect(summary.alertsCreated).toBeGreaterThan(0);
    const alerts = (await c.admin.get("/api/alerts?limit=1000")).json.rows as Record<string, unknown>[];
    expect(alerts.length).toBe(summary.alertsCreated);
    expect(alerts[0]).toMatchObject({ state: "open", owner: null, closed_at: null });
    expect(alerts[0]).toHaveProperty("value_basis");
    expect(alerts[0]).toHaveProperty("account_owner");
    const priorities = alerts.map((a) => Number(a.priority ?? Number.NEGATIVE_INFINITY));
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const overview = (await c.viewer.get("/api/overview")).json;
    expect(overview.defection_rate_source).toBe("defection");
    const statuses = overview.statuses as Record<string, number>;
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(customers);
    const open = alerts
      .filter((a) => a.state !== "closed")
      .reduce((s, a) => s + Number(a.value_at_stake ?? 0), 0);
    expect(overview.value_at_risk).toBeCloseTo(open, 6);
  });

  it("an agent sees only its branch's alerts, and works one through to closed", async () => {
    const rows = (await c.agent.get("/api/alerts?limit=1000")).json.rows as { id: string; branch: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.branch))).toEqual(new Set([branch]));
    const all = (await c.admin.get("/api/alerts?limit=1000")).json.rows as { id: string; branch: string }[];
    const south = all.find((a) => a.branch !== branch);
    if (south) expect((await c.agent.post(`/api/alerts/${south.id}/take`)).status).toBe(403);
    const id = rows[0]?.id ?? "";
    const take = await c.agent.post(`/api/alerts/${id}/take`);
    expect(take.json.alert).toMatchObject({ state: "in_progress" });
    const me = (await c.agent.get("/api/me")).json.user as { id: string };
    expect((take.json.alert as { owner: string }).owner).toBe(me.id);
    const mine = (await c.agent.get(`/api/alerts?owner=${me.id}`)).json.rows as { id: string }[];
    expect(mine.map((r) => r.id)).toEqual([id]);
    const unreachable = await c.agent.post(`/api/alerts/${id}/contacts`, {
      outcome: "unreachable",
      follow_up_at: "2024-01-05",
    });
    expect(unreachable.json.alert).toMatchObject({ state: "in_progress" });
    const saved = await c.agent.post(`/api/alerts/${id}/contacts`, {
      outcome: "saved",
      note: "offered a visit",
    });
    expect(saved.json.alert).toMatchObject({ state: "closed", closed_reason: "saved" });
    expect((await c.agent.post(`/api/alerts/${id}/take`)).status).toBe(409);
  });

  it("a manager closes an alert without a contact; a closed one is 409", async () => {
    const [open] = (await c.manager.get("/api/alerts?state=open&limit=1")).json.rows as { id: string }[];
    const closed = await c.manager.post(`/api/alerts/${open?.id}/close`, { reason: "duplicate" });
    expect(closed.json.alert).toMatchObject({ state: "closed", closed_reason: "duplicate" });
    expect((await c.manager.post(`/api/alerts/${open?.id}/close`, { reason: "duplicate" })).status).toBe(409);
    expect((await c.manager.post(`/api/alerts/${open?.id}/close`, { reason: "" })).status).toBe(400);
  });

  it("the defection rate per branch and a backtest answer the library's reports", async () => {
    const rate = await c.viewer.get("/api/defection/rate?period=quarter&by=branch&periods=2");
    expect(rate.status).toBe(200);
    expect(rate.json.by).toBe("branch");
    const groups = new Set((rate.json.rows as { group: string | null }[]).map((r) => r.group));
    expect(groups.has(null) && groups.has(branch)).toBe(true);
    const backtest = await c.viewer.get("/api/defection/backtest?as_of=2024-06-30&window=90");
    expect(backtest.status).toBe(200);
    expect(backtest.json).toMatchObject({ asOf: "2024-06-30", windowDays: 90 });
    expect(backtest.json.rules).toHaveProperty("precision");
  });

  it("an admin adds a webhook and lists it with its queued deliveries, never its secret", async () => {
    const added = await c.admin.post("/api/webhooks", {
      url: "http://127.0.0.1:9/hook",
      secret: "s3cret-s3cret",
    });
    expect(added.status).toBe(200);
    const bad = await c.admin.post("/api/webhooks", { url: "ftp://x.test/", secret: "s3cret-s3cret" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/http or https/);
    const list = await c.admin.get("/api/webhooks");
    expect(list.json.rows).toEqual([
      expect.objectContaining({ id: added.json.id, url: "http://127.0.0.1:9/hook", pending: 0 }),
    ]);
    expect(JSON.stringify(list.json)).not.toContain("s3cret");
    const pass = await c.admin.post("/api/webhooks/deliver");
    expect((await waitFor(c.admin, String(pass.json.jobId))).result).toMatchObject({ attempted: 0 });
  });
});

describe("models and scores", () => {
  it("an analyst fits a model as a job; the latest fits list it", async () => {
    const fit = await c.analyst.post("/api/models/fit", { model: "bgnbd", unit: "week" });
    expect(fit.status).toBe(200);
    const job = await waitFor(c.analyst, String(fit.json.jobId));
    expect(job.state, JSON.stringify(job)).toBe("done");
    expect(job.result).toMatchObject({ model: "bgnbd", n: customers });
    const fits = (await c.viewer.get("/api/models/fits")).json.rows as { model: string; id: string }[];
    expect(fits).toEqual([
      expect.objectContaining({ model: "bgnbd", id: (job.result as { id: string }).id }),
    ]);
  });

  it("scoring fills customer_scores: /api/scores pages them by CLV, the customer page shows them", async () => {
    const score = await c.analyst.post("/api/models/score", {
      model: "bgnbd",
      horizon_days: 180,
      margin: 0.3,
    });
    const job = await waitFor(c.analyst, String(score.json.jobId));
    expect(job.state, JSON.stringify(job)).toBe("done");
    expect(job.result).toMatchObject({ model: "bgnbd", customers, horizon_days: 180, margin: 0.3 });
    const page = await c.viewer.get("/api/scores?limit=5&offset=0");
    expect(page.json.total).toBe(customers);
    const rows = page.json.rows as { customer_id: string; clv: number }[];
    expect(rows.length).toBe(5);
    expect(rows.map((r) => r.clv)).toEqual([...rows.map((r) => r.clv)].sort((a, b) => b - a));
    const byAlive = (await c.viewer.get("/api/scores?order=p_alive&limit=3")).json.rows as {
      p_alive: number;
    }[];
    expect(byAlive[0]?.p_alive).toBeGreaterThanOrEqual(byAlive[2]?.p_alive ?? 0);
    const agent = await c.agent.get("/api/scores?limit=1000");
    expect(agent.json.total).toBe(inBranch);
    const customer = await c.admin.get(`/api/customers/${rows[0]?.customer_id}`);
    expect(customer.json.scores).toMatchObject({ customer_id: rows[0]?.customer_id, model: "bgnbd" });
    expect((await c.viewer.get("/api/overview")).json.clv_total).toBeGreaterThan(0);
  });

  it("the model check compares the purchase models on a holdout: an analyst starts it, every role reads it", async () => {
    const path = "/api/models/check?calibration_end=2024-06-30&holdout_end=2024-12-31";
    expect((await c.viewer.get(path)).status).toBe(403);
    expect((await c.analyst.get(path)).status).toBe(200);
    const check = await c.viewer.get(path);
    expect(check.status, JSON.stringify(check.json)).toBe(200);
    expect(check.headers.get("x-vafa-result")).toBe("stored");
    expect(check.json).toMatchObject({ calibration_end: "2024-06-30", holdout_end: "2024-12-31" });
    expect((check.json.comparison as unknown[]).length).toBeGreaterThan(0);
    const bad = await c.viewer.get("/api/models/check?calibration_end=2024-06-30&holdout_end=2024-01-31");
    expect(bad.status).toBe(400);
  });
});

describe("segments and baskets", () => {
  it("an analyst saves a segment, lists its members (agents: their branch's) and deletes it", async () => {
    const saved = await c.analyst.post("/api/segments", {
      name: "tehran-regulars",
      rule: 'branch = "Tehran Central" and frequency >= 2',
      description: "two orders or more",
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.segment).toMatchObject({ name: "tehran-regulars" });
    const n = Number(saved.json.customers);
    expect(n).toBeGreaterThan(0);
    expect((await c.viewer.get("/api/segments")).json.rows).toEqual([
      expect.objectContaining({ name: "tehran-regulars", description: "two orders or more" }),
    ]);
    const members = await c.viewer.get("/api/segments/tehran-regulars/members?limit=2");
    expect(members.json).toMatchObject({ customers: n });
    expect((members.json.ids as string[]).length).toBe(Math.min(2, n));
    const wide = await c.analyst.post("/api/segments", { name: "everyone", rule: "frequency >= 1" });
    expect(wide.json.customers).toBe(customers);
    expect((await c.agent.get("/api/segments/everyone/members?limit=1000")).json.customers).toBe(inBranch);
    expect((await c.analyst.call("DELETE", "/api/segments/everyone")).status).toBe(200);
    expect((await c.analyst.call("DELETE", "/api/segments/everyone")).status).toBe(404);
    expect((await c.viewer.get("/api/segments/everyone/members")).status).toBe(404);
  });

  it("a rule that does not parse is 400 with the parser's message and position", async () => {
    const r = await c.analyst.post("/api/segments", { name: "bad", rule: "frequency >= " });
    expect(r.status).toBe(400);
    expect(typeof r.json.error).toBe("string");
    expect(r.json.details).toEqual({ position: expect.any(Number) });
    const unknown = await c.analyst.post("/api/segments", { name: "bad", rule: "shoe_size > 3" });
    expect(unknown.status).toBe(400);
  });

  it("RFM, targets and clusters answer the library's reports", async () => {
    const rfm = await c.viewer.get("/api/segments/rfm?as_of=2024-12-31&compare=2024-06-30");
    expect(rfm.status).toBe(200);
    expect(rfm.json).toMatchObject({ asOf: "2024-12-31" });
    expect(rfm.json.transitions).toBeTruthy();
    const targets = await c.viewer.get("/api/segments/targets?by=branch");
    expect((targets.json.rows as { group: string }[]).map((r) => r.group)).toContain(branch);
    expect((await c.viewer.get("/api/segments/targets?by=product")).status).toBe(400);
    const clusters = await c.viewer.get("/api/segments/clusters?k=3");
    expect(clusters.json).toMatchObject({ k: 3, suggested: false });
    expect(clusters.json).not.toHaveProperty("members");
  });

  it("basket rules and recommendations follow the library (agents: their branch's customers only)", async () => {
    const rules = await c.viewer.get("/api/baskets/rules?min_support=0.002&min_confidence=0.05&limit=5");
    expect(rules.status).toBe(200);
    expect(rules.json).toMatchObject({ level: "product" });
    expect((rules.json.rules as unknown[]).length).toBeLessThanOrEqual(5);
    expect(rules.json.totalRules).toBeGreaterThanOrEqual((rules.json.rules as unknown[]).length);
    const mine = (await c.agent.get("/api/customers?limit=1")).json.rows as { id: string }[];
    const other = (await c.admin.get("/api/customers?limit=1000")).json.rows as {
      id: string;
      branch: string;
    }[];
    const rec = await c.agent.get(`/api/recommend/${mine[0]?.id}?min_support=0.002&min_confidence=0.05`);
    expect(rec.status).toBe(200);
    expect(rec.json).toMatchObject({ customer: mine[0]?.id });
    expect(Array.isArray(rec.json.recommendations)).toBe(true);
    const outside = other.find((r) => r.branch !== branch);
    expect((await c.agent.get(`/api/recommend/${outside?.id}`)).status).toBe(403);
    expect((await c.viewer.get("/api/recommend/nobody")).status).toBe(404);
    expect((await c.viewer.get("/api/baskets/rules?level=brand")).status).toBe(400);
  });
});
