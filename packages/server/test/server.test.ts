import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes, type Role, type RunningServer, startServer } from "../src/index.ts";
import { Client, fixtureDb } from "./fixtures.ts";

let server: RunningServer;
let dir: string;
const clients = {} as Record<Role | "anonymous", Client>;
const password = "correct-horse";

beforeAll(async () => {
  const fixture = await fixtureDb();
  dir = fixture.dir;
  server = await startServer({ db: fixture.db, config: { webDir: `${dir}/no-web` } });
  const admin = new Client(server.url);
  expect((await admin.get("/api/setup")).json).toEqual({ needsSetup: true });
  expect((await admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" })).status).toBe(200);
  clients.admin = admin;
  clients.anonymous = new Client(server.url);
  const branches: Record<string, string | null> = {
    analyst: null,
    manager: null,
    agent: "France",
    viewer: null,
  };
  for (const role of ["analyst", "manager", "agent", "viewer"] as const) {
    const created = await admin.post("/api/users", {
      email: `${role}@x.test`,
      password,
      name: role,
      role,
      branch: branches[role],
    });
    expect(created.status).toBe(200);
    const c = new Client(server.url);
    expect((await c.login(`${role}@x.test`, password)).status).toBe(200);
    clients[role] = c;
  }
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("first-admin setup", () => {
  it("is refused once an admin exists, and needsSetup turns false", async () => {
    const c = new Client(server.url);
    expect((await c.get("/api/setup")).json).toEqual({ needsSetup: false });
    const again = await c.post("/api/setup", { email: "eve@x.test", password, name: "Eve" });
    expect(again.status).toBe(409);
  });

  it("signed the admin in: /api/me answers the user and the CSRF token", async () => {
    const me = await clients.admin.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ email: "admin@x.test", name: "Ada", role: "admin", branch: null });
    expect(me.json.csrfToken).toBe(clients.admin.csrf);
  });
});

describe("routes answer their documented shapes", () => {
  const cases: [string, (json: Record<string, unknown>) => void][] = [
    [
      "/api/overview?period=month",
      (j) => {
        // Complete months are 2011-02 and 2011-03 (January starts the data, April is partial).
        expect(j).toMatchObject({
          period: "month",
          customers: 5,
          value_at_risk: 350,
          clv_total: null,
          targets: [],
        });
        expect((j.latest as { period: string }).period).toBe("2011-03");
        expect((j.previous as { period: string }).period).toBe("2011-02");
        // 2011-03: base Feb {c1,c3,c4}, retained {c1,c4}; active {c1,c2,c4}.
        expect(j.active).toBe(3);
        expect(j.defection_rate).toBeCloseTo(1 / 3, 10);
      },
    ],
    [
      "/api/retention?period=month",
      (j) => {
        const rows = j.rows as { period: string; active_start: number; retained: number }[];
        expect(rows.map((r) => r.period)).toEqual(["2011-01", "2011-02", "2011-03", "2011-04"]);
        expect(rows[1]).toMatchObject({ active_start: 3, retained: 2 });
      },
    ],
    ["/api/retention?period=month&by=branch", (j) => expect((j.rows as unknown[]).length).toBeGreaterThan(4)],
    [
      "/api/cohorts?period=month",
      (j) => {
        expect((j.cohorts as { cohort: string; size: number }[])[0]).toMatchObject({
          cohort: "2011-01",
          size: 3,
        });
        expect(Array.isArray(j.mean)).toBe(true);
      },
    ],
    [
      "/api/lifecycle?period=quarter",
      (j) => expect((j.rows as { period: string }[])[0]?.period).toBe("2011-Q1"),
    ],
    ["/api/profitability?by=segment&margin=0.3", (j) => expect(j).toHaveProperty("rows")],
    ["/api/share-of-wallet", (j) => expect(j.available).toBe(false)],
    ["/api/repurchase-cycle", (j) => expect(j.customers).toBe(4)],
    [
      "/api/customers?q=c&limit=2&offset=1",
      (j) => {
        expect(j.total).toBe(5);
        expect(j.rows).toEqual([
          {
            id: "c2",
            segment: "wholesale",
            branch: "United Kingdom",
            country: "United Kingdom",
            first_purchase: "2011-01-10",
            last_purchase: "2011-03-10",
            orders: 2,
            net_sales: 280,
          },
          expect.objectContaining({ id: "c3", orders: 2, net_sales: 100 }),
        ]);
      },
    ],
    [
      "/api/customers/c1",
      (j) => {
        expect(j.customer).toMatchObject({ id: "c1", segment: "retail" });
        expect((j.transactions as unknown[]).length).toBe(3);
        expect(j.monthly).toEqual([
          { period: "2011-01", sales: 100 },
          { period: "2011-02", sales: 50 },
          { period: "2011-03", sales: 70 },
        ]);
        expect(j).toMatchObject({ alerts: [], contacts: [], complaints: [], surveys: [], campaigns: [] });
      },
    ],
    [
      "/api/alerts?state=open",
      (j) =>
        expect(
          (j.rows as Record<string, unknown>[]).map((r) => [r.id, r.customer_id, r.value_at_stake]),
        ).toEqual([
          ["a-uk", "c2", 250],
          ["a-fr", "c3", 100],
        ]),
    ],
    [
      "/api/settings",
      (j) => expect(j).toMatchObject({ period: "month", calendar: "gregorian", time_zone: "UTC" }),
    ],
    ["/api/users", (j) => expect((j.rows as unknown[]).length).toBe(5)],
    [
      "/api/defection/rate?period=month&periods=2",
      (j) => expect(j).toMatchObject({ by: null, rows: expect.any(Array), ranking: [] }),
    ],
    [
      "/api/defection/backtest?as_of=2011-02-28&window=30",
      (j) => expect(j).toMatchObject({ asOf: "2011-02-28", windowDays: 30, customers: expect.any(Number) }),
    ],
    ["/api/webhooks", (j) => expect(j).toEqual({ rows: [] })],
    ["/api/models/fits", (j) => expect(j).toEqual({ rows: [] })],
    ["/api/scores", (j) => expect(j).toEqual({ rows: [], total: 0 })],
    ["/api/segments", (j) => expect(j).toEqual({ rows: [] })],
    ["/api/segments/rfm", (j) => expect(j).toMatchObject({ asOf: "2011-04-01", customers: 5 })],
    ["/api/segments/targets?by=segment", (j) => expect(j).toHaveProperty("rows")],
    ["/api/baskets/rules", (j) => expect(j).toMatchObject({ rules: [], totalRules: 0 })],
    ["/api/recommend/c1", (j) => expect(j).toMatchObject({ customer: "c1", recommendations: [] })],
    ["/api/audit?limit=3", (j) => expect((j.rows as { action: string }[])[0]).toHaveProperty("actor_email")],
  ];
  it.each(cases)("GET %s", async (path, check) => {
    const r = await clients.admin.get(path);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    check(r.json);
  });

  it("a missing customer is 404", async () => {
    expect((await clients.admin.get("/api/customers/nobody")).status).toBe(404);
  });
});

describe("validation errors answer 400 with details", () => {
  const cases: [string, string, unknown][] = [
    ["GET", "/api/retention?period=fortnight", undefined],
    ["GET", "/api/customers?limit=0", undefined],
    ["GET", "/api/cohorts?metric=weight", undefined],
    ["GET", "/api/profitability?by=shoe_size", undefined],
    ["POST", "/api/users", { email: "not-an-email", password: "short", name: "", role: "boss" }],
    ["POST", "/api/alerts/a-uk/contacts", { outcome: "maybe" }],
    ["PUT", "/api/settings", { period: "month" }],
    ["GET", "/api/defection/rate?by=team", undefined],
    ["GET", "/api/defection/rate?period=fortnight", undefined],
    ["GET", "/api/defection/backtest?window=30", undefined],
    ["POST", "/api/defection/run", { as_of: "31/12/2011" }],
    ["POST", "/api/webhooks", { url: "ftp://x.test/", secret: "s3cret-s3cret" }],
    ["POST", "/api/webhooks", { url: "http://x.test/", secret: "short" }],
    ["POST", "/api/models/fit", { model: "sbg" }],
    ["POST", "/api/models/score", { horizon_days: 0 }],
    ["GET", "/api/scores?order=name", undefined],
    ["POST", "/api/segments", { name: "bad name!", rule: "frequency > 1" }],
    ["POST", "/api/segments", { name: "x", rule: "frequency >" }],
    ["GET", "/api/segments/clusters?k=1", undefined],
    ["GET", "/api/segments/targets?by=product", undefined],
    ["GET", "/api/baskets/rules?min_support=2", undefined],
    ["POST", "/api/alerts/a-uk/close", { reason: "" }],
  ];
  it.each(cases)("%s %s", async (method, path, body) => {
    const r = await clients.admin.call(method, path, body);
    expect(r.status).toBe(400);
    expect(typeof r.json.error).toBe("string");
  });

  it("a segment rule that does not parse names its position", async () => {
    const r = await clients.analyst.post("/api/segments", { name: "x", rule: "frequency >" });
    expect(r.status).toBe(400);
    expect(r.json.details).toEqual({ position: expect.any(Number) });
  });

  it("zod issues name the bad fields", async () => {
    const r = await clients.admin.post("/api/users", {
      email: "x",
      password: "short",
      name: "n",
      role: "boss",
    });
    const paths = (r.json.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "role"]));
  });
});

describe("roles", () => {
  // [role, method, path, body, expected status]
  const table: [Role | "anonymous", string, string, unknown, number][] = [
    ["anonymous", "GET", "/api/overview", undefined, 401],
    ["anonymous", "GET", "/api/me", undefined, 401],
    ["viewer", "GET", "/api/overview", undefined, 200],
    ["viewer", "GET", "/api/customers", undefined, 200],
    ["viewer", "POST", "/api/alerts/a-uk/take", {}, 403],
    ["viewer", "POST", "/api/uploads?kind=transactions", "id\n", 403],
    ["viewer", "PUT", "/api/settings", {}, 403],
    ["viewer", "POST", "/api/tokens", { name: "t" }, 403],
    ["viewer", "GET", "/api/users", undefined, 403],
    ["analyst", "GET", "/api/retention", undefined, 200],
    ["analyst", "POST", "/api/alerts/a-uk/take", {}, 403],
    ["analyst", "GET", "/api/audit", undefined, 403],
    ["manager", "GET", "/api/alerts", undefined, 200],
    ["manager", "POST", "/api/uploads?kind=transactions", "id\n", 403],
    ["manager", "PUT", "/api/settings", {}, 403],
    ["agent", "GET", "/api/customers/c3", undefined, 200],
    ["agent", "GET", "/api/customers/c1", undefined, 403],
    ["agent", "POST", "/api/alerts/a-uk/take", {}, 403],
    ["agent", "POST", "/api/uploads?kind=transactions", "id\n", 403],
    ["agent", "GET", "/api/users", undefined, 403],
    ["admin", "GET", "/api/audit", undefined, 200],
    ["anonymous", "GET", "/api/scores", undefined, 401],
    ["viewer", "GET", "/api/defection/rate", undefined, 200],
    ["viewer", "POST", "/api/defection/run", {}, 403],
    ["analyst", "POST", "/api/defection/run", {}, 403],
    ["agent", "POST", "/api/defection/run", {}, 403],
    ["viewer", "GET", "/api/webhooks", undefined, 403],
    ["manager", "GET", "/api/webhooks", undefined, 403],
    ["analyst", "POST", "/api/webhooks", { url: "http://x.test/", secret: "s3cret-s3cret" }, 403],
    ["viewer", "POST", "/api/models/fit", { model: "bgnbd" }, 403],
    ["manager", "POST", "/api/models/fit", { model: "bgnbd" }, 403],
    ["agent", "POST", "/api/models/score", {}, 403],
    ["viewer", "GET", "/api/models/fits", undefined, 200],
    ["agent", "GET", "/api/scores", undefined, 200],
    ["viewer", "GET", "/api/segments", undefined, 200],
    ["agent", "POST", "/api/segments", { name: "s", rule: "frequency > 1" }, 403],
    ["manager", "POST", "/api/segments", { name: "s", rule: "frequency > 1" }, 403],
    ["viewer", "DELETE", "/api/segments/s", undefined, 403],
    ["agent", "GET", "/api/recommend/c3", undefined, 200],
    ["agent", "GET", "/api/recommend/c1", undefined, 403],
    ["viewer", "POST", "/api/alerts/a-uk/close", { reason: "duplicate" }, 403],
    ["analyst", "POST", "/api/alerts/a-uk/close", { reason: "duplicate" }, 403],
    ["agent", "POST", "/api/alerts/a-uk/close", { reason: "duplicate" }, 403],
    ["viewer", "GET", "/api/complaints", undefined, 200],
    ["agent", "GET", "/api/complaints", undefined, 200],
    ["viewer", "POST", "/api/complaints", { customer_id: "c3", category: "late_delivery" }, 403],
    ["agent", "POST", "/api/complaints", { customer_id: "c1", category: "late_delivery" }, 403],
    ["agent", "POST", "/api/complaints", { customer_id: "c3", category: "late_delivery" }, 200],
    ["analyst", "POST", "/api/complaints", { customer_id: "c1", category: "billing_error" }, 200],
    ["manager", "POST", "/api/complaints", { customer_id: "c2", category: "billing_error" }, 200],
    ["viewer", "PATCH", "/api/complaints/nope", { status: "resolved" }, 403],
    ["agent", "PATCH", "/api/complaints/nope", { status: "resolved" }, 404],
    ["viewer", "GET", "/api/surveys/questions?type=nps&locale=fa", undefined, 200],
    ["viewer", "POST", "/api/surveys/responses", { customer_id: "c3", survey: "nps", answers: [] }, 403],
    [
      "agent",
      "POST",
      "/api/surveys/responses",
      { customer_id: "c1", survey: "exit", answers: [{ question: "exit_reason", value: "price" }] },
      403,
    ],
    ["viewer", "GET", "/api/causes/reasons", undefined, 200],
    ["anonymous", "GET", "/api/causes/drivers", undefined, 401],
    ["viewer", "GET", "/api/programme/targets", undefined, 200],
    ["viewer", "GET", "/api/programme/campaigns", undefined, 200],
    ["viewer", "GET", "/api/programme/evaluate", undefined, 200],
    ["viewer", "POST", "/api/programme/targets", { metric: "raw", goal: 1, deadline: "2012-01-01" }, 403],
    ["analyst", "POST", "/api/programme/targets", { metric: "raw", goal: 1, deadline: "2012-01-01" }, 403],
    ["agent", "POST", "/api/programme/targets", { metric: "raw", goal: 1, deadline: "2012-01-01" }, 403],
    ["manager", "POST", "/api/programme/targets", { goal: 1 }, 400],
    ["viewer", "POST", "/api/programme/campaigns", {}, 403],
    ["agent", "POST", "/api/programme/campaigns/x/assign", {}, 403],
    ["viewer", "GET", "/api/programme/campaigns/x/members.csv", undefined, 403],
    ["manager", "GET", "/api/programme/campaigns/nope/members.csv", undefined, 404],
    ["admin", "GET", "/api/programme/campaigns/nope/evaluate", undefined, 404],
    ["viewer", "GET", "/api/programme/targets/nope/progress", undefined, 404],
  ];
  it.each(table)("%s %s %s → %s", async (role, method, path, body, expected) => {
    const headers = typeof body === "string" ? { "content-type": "text/csv" } : {};
    const r = await clients[role].call(method, path, body, headers);
    expect(r.status, JSON.stringify(r.json)).toBe(expected);
  });

  it("an agent's customer list and worklist hold only its branch", async () => {
    const customers = await clients.agent.get("/api/customers");
    expect((customers.json.rows as { id: string }[]).map((r) => r.id)).toEqual(["c3", "c4", "c5"]);
    expect(customers.json.total).toBe(3);
    const alerts = await clients.agent.get("/api/alerts");
    expect((alerts.json.rows as { id: string }[]).map((r) => r.id)).toEqual(["a-fr"]);
  });

  it("an agent works its branch's alert: take, then a contact closes it", async () => {
    const take = await clients.agent.post("/api/alerts/a-fr/take");
    expect(take.status).toBe(200);
    expect(take.json.alert).toMatchObject({ state: "in_progress" });
    const contact = await clients.agent.post("/api/alerts/a-fr/contacts", {
      outcome: "lost",
      exit_reason: "price",
      note: "moved to a cheaper shop",
    });
    expect(contact.status).toBe(200);
    expect(contact.json.alert).toMatchObject({ id: "a-fr", state: "closed" });
    const page = await clients.admin.get("/api/customers/c3");
    expect(page.json.contacts).toEqual([expect.objectContaining({ outcome: "lost", exit_reason: "price" })]);
  });

  it("a manager takes an alert and the audit log records who did it", async () => {
    expect((await clients.manager.post("/api/alerts/a-uk/take")).status).toBe(200);
    const audit = await clients.admin.get("/api/audit?limit=20");
    expect(audit.json.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "alert.take", target: "a-uk", actor_email: "manager@x.test" }),
      ]),
    );
  });
});

describe("CSRF and API tokens", () => {
  it("a cookie-authenticated mutation without X-CSRF-Token is 403", async () => {
    const r = await clients.admin.call("PUT", "/api/settings", {}, { "x-csrf-token": "" });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/CSRF/);
  });

  it("an API token works without a cookie or CSRF header", async () => {
    const created = await clients.admin.post("/api/tokens", { name: "ci" });
    expect(created.json.token).toMatch(/^vafa_/);
    const bot = new Client(server.url);
    bot.bearer = String(created.json.token);
    expect((await bot.get("/api/me")).json.user).toMatchObject({ email: "admin@x.test" });
    const settings = { ...(await bot.get("/api/settings")).json, margin: 0.25 };
    expect((await bot.call("PUT", "/api/settings", settings)).status).toBe(200);
    expect((await clients.viewer.get("/api/settings")).json.margin).toBe(0.25);
    bot.bearer = "vafa_wrong";
    expect((await bot.get("/api/me")).status).toBe(401);
  });
});

describe("users", () => {
  it("an admin changes a role; a disabled user cannot sign in", async () => {
    const users = (await clients.admin.get("/api/users")).json.rows as { id: string; email: string }[];
    const viewer = users.find((u) => u.email === "viewer@x.test");
    const patched = await clients.admin.call("PATCH", `/api/users/${viewer?.id}`, {
      role: "analyst",
      disabled: true,
    });
    expect(patched.json.user).toMatchObject({ role: "analyst", disabled: true });
    expect((await new Client(server.url).login("viewer@x.test", password)).status).toBe(401);
    expect((await clients.viewer.get("/api/me")).status).toBe(401);
    await clients.admin.call("PATCH", `/api/users/${viewer?.id}`, { role: "viewer", disabled: false });
  });
});

describe("uploads run as background jobs", () => {
  async function waitFor(c: Client, id: string) {
    for (let i = 0; i < 200; i++) {
      const job = await c.get(`/api/jobs/${id}`);
      if (job.json.state === "done" || job.json.state === "failed") return job.json;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("job did not finish");
  }

  it("a good file loads and the reports see it", async () => {
    const before = (await clients.analyst.get("/api/overview")).json.customers;
    const csv = "id,customer_id,occurred_at,amount,country\nt11,c6,2011-04-02,10,France\n";
    const r = await clients.analyst.post("/api/uploads?kind=transactions", csv, {
      "content-type": "text/csv",
      "x-filename": "more.csv",
    });
    expect(r.status).toBe(200);
    const job = await waitFor(clients.analyst, String(r.json.jobId));
    expect(job).toMatchObject({ state: "done", progress: 1, result: { rows_loaded: 1, customers: 1 } });
    expect(before).toBe(5);
    expect((await clients.analyst.get("/api/overview")).json.customers).toBe(6);
  });

  it("a strict load with one bad row fails and names its line", async () => {
    const csv = "id,customer_id,occurred_at,amount\nt20,c1,2011-05-01,10\nt21,c1,2011-05-02,ten\n";
    const r = await clients.analyst.post("/api/uploads?kind=transactions", csv, {
      "content-type": "text/csv",
      "x-filename": "bad.csv",
    });
    const job = await waitFor(clients.analyst, String(r.json.jobId));
    expect(job.state).toBe("failed");
    expect(job.problems).toEqual([
      expect.objectContaining({ line: 3, field: "amount", column: "amount", value: "ten" }),
    ]);
  });

  it("refuses a JSON body", async () => {
    const r = await clients.analyst.post("/api/uploads?kind=transactions", { a: 1 });
    expect(r.status).toBe(400);
  });
});

describe("documents and pages", () => {
  it("/openapi.json lists every route", async () => {
    const doc = (await clients.anonymous.get("/openapi.json")).json as { paths: Record<string, object> };
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const routes = allRoutes().map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(listed.sort()).toEqual(routes.sort());
    expect(listed).toEqual(
      expect.arrayContaining([
        "get /api/overview",
        "post /api/uploads",
        "get /api/jobs/{id}",
        "post /api/alerts/{id}/contacts",
        "patch /api/users/{id}",
        "get /api/audit",
      ]),
    );
    expect(listed.length).toBe(70);
    expect(listed).toEqual(
      expect.arrayContaining([
        "post /api/defection/run",
        "get /api/models/check",
        "post /api/segments",
        "get /api/recommend/{customerId}",
        "patch /api/complaints/{id}",
        "get /api/causes/drivers",
        "get /api/programme/campaigns/{id}/members.csv",
        "get /api/programme/economics",
        "put /api/settings/privacy",
      ]),
    );
  });

  it("/docs is a self-contained page and / says to build the dashboard", async () => {
    const docs = await fetch(`${server.url}/docs`);
    const html = await docs.text();
    expect(html).toContain("/openapi.json");
    expect(html).not.toMatch(/https?:\/\//);
    const root = await (await fetch(`${server.url}/`)).text();
    expect(root).toContain("npm run build -w @vafa/web");
  });

  it("an unknown API path is a JSON 404", async () => {
    const r = await clients.admin.get("/api/nothing");
    expect(r.status).toBe(404);
  });
});

describe("logout", () => {
  it("ends the session", async () => {
    const c = new Client(server.url);
    await c.login("analyst@x.test", password);
    expect((await c.post("/api/logout")).status).toBe(200);
    expect((await c.get("/api/me")).status).toBe(401);
  });
});
