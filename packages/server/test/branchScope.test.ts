import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.ts";
import { Client, fixtureDb } from "./fixtures.ts";

// Branch scope on every figure an agent can reach: a real server on 127.0.0.1, real HTTP, the
// fixture's two branches (United Kingdom: c1, c2; France: c3, c4, c5). The routes come from the
// OpenAPI document, so a new GET route of a feature without a case here fails the suite.

const password = "correct-horse";
const own = "United Kingdom";
const other = "France";
const otherIds = ["c3", "c4", "c5"];

type Json = Record<string, unknown>;

/**
 * How an agent meets a GET route of a feature:
 * - `report`: figures over many customers, computed on the agent's branch; the agent's answer equals
 *   the admin's `branch=` answer, and `check` asserts its values;
 * - `list`: rows of the agent's branch's customers only; `check` asserts its values;
 * - `refused`: figures over every branch: 403 for an agent.
 */
type Case =
  | { readonly kind: "report"; readonly path: string; readonly check: (body: Json) => void }
  | { readonly kind: "list"; readonly path: string; readonly check: (body: Json) => void }
  | { readonly kind: "refused"; readonly path: string };

const rowsOf = (body: Json): Json[] => (body.rows ?? []) as Json[];
const ids = (rows: readonly Json[], key = "id") => rows.map((r) => String(r[key])).sort();

/** Every GET route of a feature, by its documented path. */
const cases: Record<string, Case> = {
  "/api/overview": {
    kind: "report",
    path: "/api/overview",
    check: (b) => {
      expect(b.customers).toBe(2);
      expect(b.targets).toEqual([]);
      // The UK's latest complete month is March: both customers bought (c1 retained, c2 resurrected).
      expect((b.latest as Json).period).toBe("2011-03");
      expect(b.active).toBe(2);
    },
  },
  "/api/retention": {
    kind: "report",
    path: "/api/retention?by=country",
    check: (b) => {
      const rows = rowsOf(b);
      // The store's periods (January from the 5th and April to the 1st: both incomplete), the branch's customers.
      expect(rows.map((r) => `${r.period} ${r.group} ${r.complete}`)).toEqual([
        "2011-01 United Kingdom false",
        "2011-02 United Kingdom true",
        "2011-03 United Kingdom true",
        "2011-04 United Kingdom false",
      ]);
      expect(rows.map((r) => [r.new, r.retained, r.resurrected, r.lost])).toEqual([
        [2, 0, 0, 0],
        [0, 1, 0, 1],
        [0, 1, 1, 0],
        [0, 0, 0, 2],
      ]);
    },
  },
  "/api/cohorts": {
    kind: "report",
    path: "/api/cohorts",
    check: (b) => {
      const cohorts = b.cohorts as Json[];
      expect(cohorts.map((c) => [c.cohort, c.size])).toEqual([["2011-01", 2]]);
    },
  },
  "/api/lifecycle": {
    kind: "report",
    path: "/api/lifecycle",
    check: (b) => {
      expect(rowsOf(b).map((r) => [r.period, r.new, r.retained, r.resurrected, r.dormant])).toEqual([
        ["2011-01", 2, 0, 0, 0],
        ["2011-02", 0, 1, 0, 1],
        ["2011-03", 0, 1, 1, 0],
        ["2011-04", 0, 0, 0, 2],
      ]);
    },
  },
  "/api/profitability": {
    kind: "report",
    path: "/api/profitability?by=country",
    check: (b) => {
      expect(rowsOf(b).map((r) => [r.group, r.customers, r.sales])).toEqual([[own, 2, 500]]);
      expect([(b.total as Json).customers, (b.total as Json).sales]).toEqual([2, 500]);
      expect(b.anonymous).toBeNull();
    },
  },
  "/api/alerts": {
    kind: "list",
    path: "/api/alerts",
    // The UK's alert at most (the fixture's alerts carry no branch of their own): never France's.
    check: (b) => expect(ids(rowsOf(b)).filter((id) => id !== "a-uk")).toEqual([]),
  },
  "/api/complaints": { kind: "list", path: "/api/complaints", check: (b) => expect(rowsOf(b)).toEqual([]) },
  "/api/customers": {
    kind: "list",
    path: "/api/customers",
    check: (b) => {
      expect(ids(rowsOf(b))).toEqual(["c1", "c2"]);
      expect(b.total).toBe(2);
    },
  },
  "/api/customers/{id}": {
    kind: "list",
    path: "/api/customers/c1",
    check: (b) => expect((b.customer as Json | undefined)?.id ?? b.id).toBe("c1"),
  },
  "/api/segments/{name}/members": {
    kind: "list",
    path: "/api/segments/everyone/members",
    check: (b) => expect([b.customers, [...(b.ids as string[])].sort()]).toEqual([2, ["c1", "c2"]]),
  },
  "/api/recommend/{customerId}": {
    kind: "list",
    path: "/api/recommend/c1",
    check: (b) => expect(b.customer_id ?? b.customerId ?? "c1").toBe("c1"),
  },
  "/api/scores": { kind: "list", path: "/api/scores", check: (b) => expect(rowsOf(b)).toEqual([]) },
  "/api/causes/reasons": { kind: "refused", path: "/api/causes/reasons" },
  "/api/causes/drivers": { kind: "refused", path: "/api/causes/drivers" },
  "/api/causes/profiles": { kind: "refused", path: "/api/causes/profiles" },
  "/api/defection/rate": { kind: "refused", path: "/api/defection/rate" },
  "/api/defection/backtest": { kind: "refused", path: "/api/defection/backtest" },
  "/api/models/fits": { kind: "refused", path: "/api/models/fits" },
  "/api/models/check": { kind: "refused", path: "/api/models/check" },
  "/api/programme/classify": {
    kind: "report",
    path: "/api/programme/classify",
    check: (b) => {
      expect(ids((b.customers ?? []) as Json[], "customerId")).toEqual(["c1", "c2"]);
      expect(b.total).toBe(2);
      expect(Object.values(b.counts as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(2);
    },
  },
  "/api/programme/targets": { kind: "refused", path: "/api/programme/targets" },
  "/api/programme/targets/{id}/progress": { kind: "refused", path: "/api/programme/targets/1/progress" },
  "/api/programme/campaigns": { kind: "refused", path: "/api/programme/campaigns" },
  "/api/programme/campaigns/{id}/members.csv": {
    kind: "refused",
    path: "/api/programme/campaigns/1/members.csv",
  },
  "/api/programme/campaigns/{id}/evaluate": { kind: "refused", path: "/api/programme/campaigns/1/evaluate" },
  "/api/programme/evaluate": { kind: "refused", path: "/api/programme/evaluate" },
  "/api/programme/economics": {
    kind: "report",
    path: "/api/programme/economics?by=country",
    check: (b) => {
      // Active in the year to the store's last day: both UK customers.
      expect((b.input as Json).activeBase).toBe(2);
      expect(((b.groups ?? []) as Json[]).map((g) => [g.name, g.customers])).toEqual([[own, 2]]);
    },
  },
  "/api/share-of-wallet": { kind: "refused", path: "/api/share-of-wallet" },
  "/api/repurchase-cycle": { kind: "refused", path: "/api/repurchase-cycle" },
  "/api/segments": { kind: "refused", path: "/api/segments" },
  "/api/segments/rfm": { kind: "refused", path: "/api/segments/rfm" },
  "/api/segments/targets": {
    kind: "report",
    path: "/api/segments/targets?by=country",
    check: (b) => {
      expect(rowsOf(b).map((r) => [r.group, r.customers, r.sales])).toEqual([[own, 2, 500]]);
      expect([(b.total as Json).customers, (b.total as Json).sales]).toEqual([2, 500]);
    },
  },
  "/api/segments/clusters": { kind: "refused", path: "/api/segments/clusters" },
  "/api/baskets/rules": { kind: "refused", path: "/api/baskets/rules" },
  "/api/webhooks": { kind: "refused", path: "/api/webhooks" },
};

/**
 * GET routes of no feature: the server's own state, no figures over customers (an agent may read the
 * settings, itself, its jobs and the questionnaires; the rest are the admin's).
 */
const noFigures = [
  "/api/audit",
  "/api/jobs/{id}",
  "/api/me",
  "/api/settings",
  "/api/settings/outbound",
  "/api/settings/privacy",
  "/api/setup",
  "/api/surveys/questions",
  "/api/users",
];

/** `path` with `branch=` added. */
const withBranch = (path: string, branch: string) =>
  `${path}${path.includes("?") ? "&" : "?"}branch=${encodeURIComponent(branch)}`;

describe("branch scope on every figure an agent can reach", () => {
  let server: RunningServer;
  let dir: string;
  let admin: Client;
  let agent: Client;
  /** GET routes of a feature in the OpenAPI document, with their documented scope. */
  let documented: Map<string, string | undefined>;
  /** GET routes of no feature in the OpenAPI document. */
  let stateRoutes: string[];
  /** The minimum group size of a fresh install. */
  let defaultMinimum = 0;

  /** Clears the report cache (settings saved unchanged), so no answer is another caller's cached one. */
  async function clearCache() {
    const settings = await admin.get("/api/settings");
    expect((await admin.call("PUT", "/api/settings", settings.json)).status).toBe(200);
  }

  async function setMinimum(size: number) {
    const put = await admin.call("PUT", "/api/settings/privacy", { min_group_size: size });
    expect(put.status).toBe(200);
  }

  beforeAll(async () => {
    const fixture = await fixtureDb();
    dir = fixture.dir;
    server = await startServer({ db: fixture.db, config: { webDir: dir, uploadDir: dir } });
    admin = new Client(server.url);
    expect((await admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" })).status).toBe(
      200,
    );
    const made = await admin.post("/api/users", {
      email: "agent@x.test",
      password,
      name: "Agent",
      role: "agent",
      branch: own,
    });
    expect(made.status).toBe(200);
    agent = new Client(server.url);
    expect((await agent.login("agent@x.test", password)).status).toBe(200);
    expect((await admin.post("/api/segments", { name: "everyone", rule: "frequency >= 1" })).status).toBe(
      200,
    );
    const doc = (await admin.get("/openapi.json")).json as {
      paths: Record<string, Record<string, { "x-vafa-feature"?: string; "x-vafa-scope"?: string }>>;
    };
    documented = new Map();
    stateRoutes = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      if (get?.["x-vafa-feature"] !== undefined) documented.set(path, get["x-vafa-scope"]);
      else if (get !== undefined) stateRoutes.push(path);
    }
    defaultMinimum = Number((await admin.get("/api/settings/privacy")).json.min_group_size);
    await setMinimum(1);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("every GET route of a feature in the OpenAPI document has a case, and its documented scope is the case's", () => {
    expect(documented.size).toBeGreaterThan(30);
    const missing = [...documented.keys()].filter((path) => cases[path] === undefined);
    expect(missing).toEqual([]);
    const stale = Object.keys(cases).filter((path) => !documented.has(path));
    expect(stale).toEqual([]);
    for (const [path, scope] of documented)
      expect([path, scope]).toEqual([path, cases[path]?.kind === "refused" ? "all-branches" : "branch"]);
  });

  it("every GET route of no feature is one of the server's own, with no figures over customers", () => {
    expect(stateRoutes.sort()).toEqual(noFigures);
  });

  const reports = Object.values(cases).filter((c) => c.kind === "report");
  it.each(reports.map((c) => [c.path, c] as const))(
    "report %s: the agent's answer equals the admin's for the branch, names no other branch, and has the branch's values",
    async (_path, c) => {
      if (c.kind !== "report") return;
      await clearCache();
      const asAdmin = await admin.get(withBranch(c.path, own));
      await clearCache();
      const asAgent = await agent.get(c.path);
      // An agent asking for another branch still gets its own.
      const asking = await agent.get(withBranch(c.path, other));
      expect([asAgent.status, asAdmin.status, asking.status]).toEqual([200, 200, 200]);
      expect(asAgent.json).toEqual(asAdmin.json);
      expect(asking.json).toEqual(asAgent.json);
      const text = JSON.stringify(asAgent.json);
      expect(text).not.toContain(other);
      c.check(asAgent.json);
      // The admin's store-wide answer differs: the scope is what made the difference.
      expect(JSON.stringify((await admin.get(c.path)).json)).not.toEqual(text);
    },
  );

  const lists = Object.values(cases).filter((c) => c.kind === "list");
  it.each(lists.map((c) => [c.path, c] as const))(
    "list %s: only the agent's branch's customers, no other branch named",
    async (_path, c) => {
      if (c.kind !== "list") return;
      const answer = await agent.get(c.path);
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.json);
      expect(text).not.toContain(other);
      for (const id of otherIds) expect(text).not.toContain(`"${id}"`);
      c.check(answer.json);
    },
  );

  const refused = Object.values(cases).filter((c) => c.kind === "refused");
  it.each(refused.map((c) => [c.path, c] as const))(
    "all-branch figures %s: refused to the agent",
    async (_path, c) => {
      const answer = await agent.get(c.path);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.json)).not.toContain(other);
    },
  );

  it("a customer of another branch is refused, by page and by recommendation", async () => {
    expect((await agent.get("/api/customers/c3")).status).toBe(403);
    expect((await agent.get("/api/recommend/c3")).status).toBe(403);
  });

  // The UK has 2 customers, France 3. Customers per month (retention rows, January to April): the
  // UK 2, 2, 2, 2; France 1, 2, 2, 2.
  it.each([
    [3, own, true, [true, true, true, true]],
    [3, other, false, [true, true, true, true]],
    [2, other, false, [true, false, false, false]],
    [4, other, true, [true, true, true, true]],
    [1, own, false, [false, false, false, false]],
  ] as const)(
    "minimum group size %i: %s's profitability suppressed: %s, its months: %j",
    async (minimum, branch, suppressed, months) => {
      await setMinimum(minimum);
      const profit = (await admin.get(withBranch("/api/profitability?by=country", branch))).json;
      const [row] = rowsOf(profit);
      expect([row?.group, row?.suppressed, row?.customers === null, row?.sales === null]).toEqual([
        branch,
        suppressed,
        suppressed,
        suppressed,
      ]);
      expect((profit.total as Json).suppressed).toBe(suppressed);
      const retention = rowsOf((await admin.get(withBranch("/api/retention?by=country", branch))).json);
      expect(retention.map((r) => r.suppressed)).toEqual(months);
      expect(retention.map((r) => r.new === null && r.active_start === null && r.raw === null)).toEqual(
        months,
      );
      expect(retention.map((r) => typeof r.period)).toEqual(months.map(() => "string"));
      await setMinimum(1);
    },
  );

  it("a small group is suppressed for the agent, not shown as a number, and the store-wide figures stay whole", async () => {
    await setMinimum(5);
    const asAgent = (await agent.get("/api/profitability?by=country")).json;
    expect(rowsOf(asAgent)).toEqual([
      expect.objectContaining({ group: own, customers: null, sales: null, suppressed: true }),
    ]);
    const overview = (await agent.get("/api/overview")).json;
    expect([(overview.latest as Json).suppressed, (overview.latest as Json).raw, overview.active]).toEqual([
      true,
      null,
      null,
    ]);
    const targets = (await agent.get("/api/segments/targets?by=country")).json;
    expect(rowsOf(targets)).toEqual([
      expect.objectContaining({ group: own, customers: null, sales: null, suppressed: true }),
    ]);
    const economics = (await agent.get("/api/programme/economics?by=country")).json;
    expect(economics.groups).toEqual([
      { name: own, customers: null, lifetimeValue: null, sentence: null, suppressed: true },
    ]);
    expect((economics.sentences as string[]).filter((s) => s.includes(own))).toEqual([]);
    const storeWide = (await admin.get("/api/profitability?by=country")).json;
    expect(
      rowsOf(storeWide)
        .map((r) => [r.group, r.customers, r.suppressed])
        .sort(),
    ).toEqual([
      [other, 3, undefined],
      [own, 2, undefined],
    ]);
    await setMinimum(1);
  });

  it("the minimum group size is the admin's to set: 5 by default, refused to the agent", async () => {
    expect((await agent.get("/api/settings/privacy")).status).toBe(403);
    expect((await agent.call("PUT", "/api/settings/privacy", { min_group_size: 1 })).status).toBe(403);
    expect((await admin.call("PUT", "/api/settings/privacy", { min_group_size: 0 })).status).toBe(400);
    expect((await admin.get("/api/settings/privacy")).json).toEqual({ min_group_size: 1 });
    expect(defaultMinimum).toBe(5);
  });
});
