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

beforeAll(async () => {
  fixture = await startSimulatedServer("vafa-programme-");
  Object.assign(c, fixture.clients);
  customers = fixture.customers;
  inBranch = fixture.inBranch;
}, 60_000);

afterAll(async () => {
  await fixture?.close();
});

describe("complaints and surveys over the causes library", () => {
  it("an agent records and resolves a complaint of its branch; the list shows its resolution time", async () => {
    const mine = (await c.agent.get("/api/customers?limit=1")).json.rows as { id: string }[];
    const id = mine[0]?.id ?? "";
    const other = (await c.admin.get("/api/customers?limit=1000")).json.rows as {
      id: string;
      branch: string;
    }[];
    const outside = other.find((r) => r.branch !== branch)?.id ?? "";
    const created = await c.agent.post("/api/complaints", {
      customer_id: id,
      category: "Late_Delivery",
      occurred_at: "2024-11-01",
      text: "3 days late",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json).toMatchObject({ id: expect.any(String), status: "open" });
    expect((await c.agent.post("/api/complaints", { customer_id: outside, category: "price" })).status).toBe(
      403,
    );
    expect((await c.viewer.post("/api/complaints", { customer_id: id, category: "price" })).status).toBe(403);
    const theirs = await c.analyst.post("/api/complaints", {
      customer_id: outside,
      category: "billing_error",
    });
    expect(theirs.status).toBe(200);
    expect(
      (await c.agent.call("PATCH", `/api/complaints/${theirs.json.id}`, { status: "resolved" })).status,
    ).toBe(403);
    const resolved = await c.agent.call("PATCH", `/api/complaints/${created.json.id}`, {
      status: "resolved",
      resolution: "refunded the delivery fee",
    });
    expect(resolved.status, JSON.stringify(resolved.json)).toBe(200);
    expect(resolved.json.complaint).toMatchObject({
      id: created.json.id,
      category: "late_delivery",
      status: "resolved",
      resolution: "refunded the delivery fee",
      resolutionHours: expect.any(Number),
    });
    const open = await c.viewer.get("/api/complaints?status=open&limit=10");
    expect((open.json.rows as { id: string }[]).map((r) => r.id)).toEqual([theirs.json.id]);
    const agentList = (await c.agent.get("/api/complaints")).json.rows as { customerId: string }[];
    expect(agentList.map((r) => r.customerId)).toEqual([id]);
    const one = await c.admin.get(`/api/complaints?customer_id=${outside}`);
    expect((one.json.rows as unknown[]).length).toBe(1);
    expect((await c.viewer.get("/api/complaints?status=lost")).status).toBe(400);
    expect((await c.manager.call("PATCH", "/api/complaints/nope", { status: "closed" })).status).toBe(404);
    expect(
      (await c.manager.call("PATCH", `/api/complaints/${theirs.json.id}`, { status: "done" })).status,
    ).toBe(400);
    expect((await c.manager.post("/api/complaints", { customer_id: id })).status).toBe(400);
  });

  it("questionnaires come in each language; answers are checked against them", async () => {
    const q = await c.viewer.get("/api/surveys/questions?type=exit&locale=fa");
    expect(q.status).toBe(200);
    expect(q.json).toMatchObject({ type: "exit", locale: "fa", title: expect.any(String) });
    const questions = q.json.questions as { id: string; options?: { code: string; label: string }[] }[];
    expect(questions.find((x) => x.id === "exit_reason")?.options?.map((o) => o.code)).toContain("price");
    expect((await c.viewer.get("/api/surveys/questions?type=nps")).json.locale).toBe("en");
    expect((await c.viewer.get("/api/surveys/questions?type=ces")).status).toBe(400);
    expect((await c.viewer.get("/api/surveys/questions?locale=de")).status).toBe(400);
    const mine = (await c.agent.get("/api/customers?limit=1")).json.rows as { id: string }[];
    const recorded = await c.agent.post("/api/surveys/responses", {
      customer_id: mine[0]?.id,
      survey: "exit",
      answers: [{ question: "exit_reason", value: "price" }],
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect(recorded.json).toMatchObject({ responseId: expect.any(String), answers: 1 });
    const wrong = await c.agent.post("/api/surveys/responses", {
      customer_id: mine[0]?.id,
      survey: "exit",
      answers: [{ question: "exit_reason", value: "the weather" }],
    });
    expect(wrong.status).toBe(400);
    expect(
      (await c.manager.post("/api/surveys/responses", { customer_id: "x", survey: "exit", answers: [] }))
        .status,
    ).toBe(400);
  });
});

describe("root causes", () => {
  it("reasons, drivers and profiles answer the library's reports", async () => {
    const reasons = await c.viewer.get("/api/causes/reasons?by=branch&period=quarter&from=2022-01-01");
    expect(reasons.status, JSON.stringify(reasons.json)).toBe(200);
    expect(reasons.json).toMatchObject({ rows: expect.any(Array), trend: expect.any(Array) });
    expect((await c.viewer.get("/api/causes/reasons?by=owner")).status).toBe(400);
    expect((await c.viewer.get("/api/causes/reasons?from=2024-13-01")).status).toBe(400);
    const drivers = await c.viewer.get("/api/causes/drivers?as_of=2024-06-30&window=90&lookback=365");
    expect(drivers.status, JSON.stringify(drivers.json)).toBe(200);
    expect(drivers.json).toMatchObject({ asOf: "2024-06-30", windowDays: 90, drivers: expect.any(Array) });
    expect(drivers.json.customers).toBeGreaterThan(0);
    expect((await c.viewer.get("/api/causes/drivers?window=0")).status).toBe(400);
    const profiles = await c.viewer.get("/api/causes/profiles?as_of=2024-06-30&window=90");
    expect(profiles.status, JSON.stringify(profiles.json)).toBe(200);
    expect(profiles.json).toMatchObject({ asOf: "2024-06-30", windowDays: 90, rows: expect.any(Array) });
    expect(profiles.json.profitBasis).toMatch(/^(profit|sales)_12m$/);
    expect((await c.viewer.get("/api/causes/profiles?as_of=yesterday")).status).toBe(400);
  });
});

describe("the retention programme", () => {
  it("classifies customers, highest value first, filtered by class (agents: their branch's)", async () => {
    const all = await c.viewer.get("/api/programme/classify?limit=5");
    expect(all.status, JSON.stringify(all.json)).toBe(200);
    expect(all.json.total).toBe(customers);
    const rows = all.json.customers as { customerId: string; class: string; value: number }[];
    expect(rows.length).toBe(5);
    expect(rows.map((r) => r.value)).toEqual([...rows.map((r) => r.value)].sort((a, b) => b - a));
    const counts = all.json.counts as Record<string, number>;
    const retain = await c.viewer.get("/api/programme/classify?class=retain&limit=100000");
    expect(retain.json.total).toBe(counts.retain);
    expect(new Set((retain.json.customers as { class: string }[]).map((r) => r.class))).toEqual(
      new Set(counts.retain ? ["retain"] : []),
    );
    expect((await c.agent.get("/api/programme/classify?limit=100000")).json.total).toBe(inBranch);
    expect((await c.viewer.get("/api/programme/classify?class=vip")).status).toBe(400);
  });

  it("a manager sets a target and follows its progress; others may not", async () => {
    const body = {
      metric: "raw",
      goal: 0.5,
      start: "2024-01-01",
      deadline: "2024-12-31",
      period: "quarter",
      id: "keep-half",
    };
    expect((await c.analyst.post("/api/programme/targets", body)).status).toBe(403);
    const created = await c.manager.post("/api/programme/targets", body);
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.target).toMatchObject({ id: "keep-half", metric: "raw", goal: 0.5 });
    expect((await c.viewer.get("/api/programme/targets")).json.rows).toEqual([
      expect.objectContaining({ id: "keep-half" }),
    ]);
    const progress = await c.viewer.get("/api/programme/targets/keep-half/progress?forecast=hold");
    expect(progress.status, JSON.stringify(progress.json)).toBe(200);
    expect(progress.json).toMatchObject({ target: { id: "keep-half" }, forecastMethod: "hold" });
    expect((progress.json.rows as unknown[]).length).toBeGreaterThan(0);
    expect((await c.viewer.get("/api/programme/targets/nope/progress")).status).toBe(404);
    expect((await c.viewer.get("/api/programme/targets/keep-half/progress?forecast=guess")).status).toBe(400);
    expect((await c.manager.post("/api/programme/targets", { ...body, metric: "happiness" })).status).toBe(
      400,
    );
    expect((await c.manager.post("/api/programme/targets", { ...body, deadline: "soon" })).status).toBe(400);
  });

  it("a manager runs a campaign with a control group: assign, export, evaluate, the programme view", async () => {
    const body = {
      name: "Autumn discount",
      strategy: "discount",
      start: "2024-07-01",
      end: "2024-09-30",
      control_share: 0.2,
      cost_per_contact: 1,
      id: "autumn",
    };
    expect((await c.viewer.post("/api/programme/campaigns", body)).status).toBe(403);
    const created = await c.manager.post("/api/programme/campaigns", body);
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.campaign).toMatchObject({
      id: "autumn",
      strategy: "discount",
      audience: "all",
      members: 0,
    });
    expect((await c.manager.post("/api/programme/campaigns", { ...body, strategy: "bribe" })).status).toBe(
      400,
    );
    expect((await c.manager.post("/api/programme/campaigns", { ...body, control_share: 2 })).status).toBe(
      400,
    );
    expect((await c.agent.post("/api/programme/campaigns/autumn/assign")).status).toBe(403);
    const assigned = await c.manager.post("/api/programme/campaigns/autumn/assign");
    expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
    expect(assigned.json).toMatchObject({ campaignId: "autumn", kept: 0 });
    const { treatment, control, audience } = assigned.json as {
      treatment: number;
      control: number;
      audience: number;
    };
    expect(treatment + control).toBe(audience);
    expect(control).toBeGreaterThan(0);
    expect((await c.manager.post("/api/programme/campaigns/nope/assign")).status).toBe(404);
    expect((await c.viewer.get("/api/programme/campaigns")).json.rows).toEqual([
      expect.objectContaining({ id: "autumn", members: audience }),
    ]);
    const csv = await c.manager.get("/api/programme/campaigns/autumn/members.csv?arm=control");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = String(csv.json.text).trim().split("\n");
    expect(lines.length).toBe(control + 1);
    expect((await c.viewer.get("/api/programme/campaigns/autumn/members.csv")).status).toBe(403);
    expect((await c.manager.get("/api/programme/campaigns/autumn/members.csv?arm=both")).status).toBe(400);
    const evaluation = await c.viewer.get("/api/programme/campaigns/autumn/evaluate?margin=0.3");
    expect(evaluation.status, JSON.stringify(evaluation.json)).toBe(200);
    expect(evaluation.json).toMatchObject({ treatedMembers: treatment, controlMembers: control });
    expect(evaluation.json.retention).toHaveProperty("uplift");
    expect((await c.viewer.get("/api/programme/campaigns/autumn/evaluate?from=July")).status).toBe(400);
    const view = await c.viewer.get("/api/programme/evaluate?margin=0.3");
    expect(view.status, JSON.stringify(view.json)).toBe(200);
    expect((view.json.campaigns as unknown[]).length).toBe(1);
    expect(view.json.totals).toHaveProperty("roi");
  });

  it("the economics answer the value of a point of retention, per branch", async () => {
    const r = await c.viewer.get("/api/programme/economics?by=branch&margin=0.3");
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ valueOfOnePoint: expect.any(Number), formula: expect.any(String) });
    expect((r.json.groups as { name: string }[]).map((g) => g.name)).toContain(branch);
    expect((r.json.sentences as string[]).length).toBeGreaterThan(0);
    expect((await c.viewer.get("/api/programme/economics?ratio=-1")).status).toBe(400);
  });
});
