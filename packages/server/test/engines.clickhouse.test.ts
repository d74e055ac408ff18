import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Feature, featureLabel, sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSameAnswer } from "../../clickhouse/test/assertSameAnswer.ts";
import { startCluster, type TestCluster } from "../../clickhouse/test/cluster.ts";
import { defaultSettings } from "../src/settings.ts";
import { type RunningServer, startServer } from "../src/startServer.ts";
import { Client } from "./fixtures.ts";

const onlineRetail = fileURLToPath(
  new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), "vafa-server-engines-"));
/** The operational store beside ClickHouse: empty, so an answer read from it would be empty. */
const empty = join(dir, "operational.duckdb");
const password = "correct-horse-battery";
const webDir = join(dir, "no-web");

/** What one server answered. */
interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

/** Values a case keeps between its calls on one server (ids the server generated). */
type Saved = Map<string, string>;

/** One request of a case; `path` and `body` may use what earlier cases saved on the same server. */
interface Call {
  readonly path: string | ((saved: Saved) => string);
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The status DuckDB answers with these parameters; default 200. */
  readonly duckdb?: number;
  /** Keys left out of the comparison wherever they occur: ids and times the server generates. */
  readonly exclude?: readonly string[];
  /** Saves a value of the answer for later cases, e.g. a created user's id. */
  readonly save?: (json: Record<string, unknown>, saved: Saved) => void;
  /** Repeats the call until this holds (a background job finishing); default once. */
  readonly until?: (json: Record<string, unknown>) => boolean;
  /** The answer names a background job: wait for it and compare its outcome too; default false. */
  readonly job?: boolean;
}

/** A background job's record says it is over. */
const finished = (json: Record<string, unknown>) => json.state === "done" || json.state === "failed";
const ids = [
  "id",
  "jobId",
  "csrfToken",
  "token",
  "created_at",
  "createdAt",
  "finishedAt",
  "at",
  "fitted_at",
  "scored_at",
];
const upload = `id,customer_id,occurred_at,amount,country
up-1,99001,2011-12-09 10:00:00,12.5,France
up-2,99001,2011-12-09 11:00:00,7.25,France
up-3,99002,2011-12-09 12:00:00,30,Spain
`;
const noAlert = "/api/alerts/no-such-alert";

/**
 * Every route of the API, keyed by method and documented path, with valid parameters, in the order
 * they run (reads of the facts first, writes later, signing out last; a route may come back later
 * to see what the writes fed it). Both servers get the same
 * calls; the ClickHouse one must answer as DuckDB does or refuse with 501.
 */
const cases: readonly (readonly [string, readonly Call[]])[] = [
  // The headline and the retention family.
  ["GET /api/overview", [{ path: "/api/overview?period=month" }, { path: "/api/overview?period=quarter" }]],
  ["GET /api/retention", [{ path: "/api/retention?period=quarter&by=country" }]],
  ["GET /api/cohorts", [{ path: "/api/cohorts?period=month&metric=sales" }]],
  ["GET /api/lifecycle", [{ path: "/api/lifecycle?period=month" }]],
  ["GET /api/profitability", [{ path: "/api/profitability?by=country&margin=0.3" }]],
  // Branch scope (an agent's view; the admin asks with branch=): the branch's customers only, bound
  // as a parameter (GLOBAL IN on ClickHouse); groups under the minimum size suppressed.
  ["GET /api/overview", [{ path: "/api/overview?period=month&branch=North" }]],
  ["GET /api/retention", [{ path: "/api/retention?period=quarter&branch=North" }]],
  ["GET /api/cohorts", [{ path: "/api/cohorts?period=quarter&branch=South" }]],
  ["GET /api/lifecycle", [{ path: "/api/lifecycle?period=quarter&branch=South" }]],
  ["GET /api/profitability", [{ path: "/api/profitability?margin=0.3&branch=North" }]],
  ["GET /api/share-of-wallet", [{ path: "/api/share-of-wallet" }]],
  ["GET /api/repurchase-cycle", [{ path: "/api/repurchase-cycle" }]],
  // Customers.
  [
    "GET /api/customers",
    [
      { path: "/api/customers?limit=200&offset=30" },
      { path: "/api/customers?q=united&limit=20&offset=5" },
      { path: "/api/customers?q=1234_&limit=10" },
    ],
  ],
  [
    "GET /api/customers/{id}",
    [
      { path: "/api/customers/12347" },
      { path: "/api/customers/17850" },
      { path: "/api/customers/no-such-customer", duckdb: 404 },
    ],
  ],
  // Baskets, segments, recommendations.
  ["GET /api/baskets/rules", [{ path: "/api/baskets/rules?min_support=0.02&min_confidence=0.5&limit=50" }]],
  ["GET /api/recommend/{customerId}", [{ path: "/api/recommend/12347?min_support=0.02" }]],
  ["GET /api/segments", [{ path: "/api/segments" }]],
  [
    "POST /api/segments",
    [{ path: "/api/segments", body: { name: "fr", rule: 'country = "France"' }, exclude: ids }],
  ],
  ["GET /api/segments/{name}/members", [{ path: "/api/segments/fr/members?limit=10", exclude: ids }]],
  ["DELETE /api/segments/{name}", [{ path: "/api/segments/fr" }]],
  ["GET /api/segments/rfm", [{ path: "/api/segments/rfm" }]],
  [
    "GET /api/segments/targets",
    [{ path: "/api/segments/targets?by=country" }, { path: "/api/segments/targets?by=country&branch=North" }],
  ],
  ["GET /api/segments/clusters", [{ path: "/api/segments/clusters?k=3" }]],
  // Lifetime value.
  ["POST /api/models/fit", [{ path: "/api/models/fit", body: { model: "bgnbd" }, exclude: ids, job: true }]],
  ["GET /api/models/fits", [{ path: "/api/models/fits", exclude: ids }]],
  [
    "POST /api/models/score",
    [{ path: "/api/models/score", body: { model: "bgnbd" }, exclude: ids, job: true }],
  ],
  ["GET /api/models/check", [{ path: "/api/models/check?calibration_end=2011-09-01" }]],
  ["GET /api/scores", [{ path: "/api/scores?limit=10", exclude: ids }]],
  // Defection and the worklist.
  ["GET /api/defection/rate", [{ path: "/api/defection/rate?periods=2" }]],
  ["GET /api/defection/backtest", [{ path: "/api/defection/backtest?as_of=2011-09-01&window=90" }]],
  [
    "POST /api/defection/run",
    [{ path: "/api/defection/run", body: { as_of: "2011-12-10" }, exclude: ids, job: true }],
  ],
  ["GET /api/alerts", [{ path: "/api/alerts?limit=10", exclude: ids }]],
  // Again once scores, statuses and alerts exist: the figures and sections they feed.
  ["GET /api/overview", [{ path: "/api/overview?period=month" }]],
  [
    "GET /api/customers/{id}",
    [
      { path: "/api/customers/12347", exclude: [...ids, "updated_at"] },
      { path: "/api/customers/17850", exclude: [...ids, "updated_at"] },
    ],
  ],
  ["POST /api/alerts/{id}/take", [{ path: `${noAlert}/take`, duckdb: 404 }]],
  [
    "POST /api/alerts/{id}/contacts",
    [{ path: `${noAlert}/contacts`, body: { outcome: "saved" }, duckdb: 404 }],
  ],
  ["POST /api/alerts/{id}/close", [{ path: `${noAlert}/close`, body: { reason: "duplicate" }, duckdb: 404 }]],
  ["GET /api/webhooks", [{ path: "/api/webhooks" }]],
  [
    "POST /api/webhooks",
    [{ path: "/api/webhooks", body: { url: "http://127.0.0.1:9/hook", secret: "0123456789" }, exclude: ids }],
  ],
  ["POST /api/webhooks/deliver", [{ path: "/api/webhooks/deliver", exclude: ids, job: true }]],
  // Complaints, surveys and causes.
  ["GET /api/complaints", [{ path: "/api/complaints" }]],
  [
    "POST /api/complaints",
    [{ path: "/api/complaints", body: { customer_id: "12347", category: "billing_error" } }],
  ],
  [
    "PATCH /api/complaints/{id}",
    [{ path: "/api/complaints/no-such-complaint", body: { status: "resolved" }, duckdb: 404 }],
  ],
  ["GET /api/surveys/questions", [{ path: "/api/surveys/questions?type=nps&locale=fa" }]],
  [
    "POST /api/surveys/responses",
    [
      {
        path: "/api/surveys/responses",
        body: {
          customer_id: "12347",
          survey: "exit",
          answers: [{ question: "exit_reason", value: "price" }],
        },
      },
    ],
  ],
  ["GET /api/causes/reasons", [{ path: "/api/causes/reasons" }]],
  ["GET /api/causes/drivers", [{ path: "/api/causes/drivers" }]],
  ["GET /api/causes/profiles", [{ path: "/api/causes/profiles" }]],
  // The retention programme.
  ["GET /api/programme/classify", [{ path: "/api/programme/classify?limit=10" }]],
  ["GET /api/programme/targets", [{ path: "/api/programme/targets" }]],
  [
    "POST /api/programme/targets",
    [
      {
        path: "/api/programme/targets",
        body: { metric: "raw", goal: 0.5, deadline: "2012-06-30", id: "t1" },
      },
    ],
  ],
  ["GET /api/programme/targets/{id}/progress", [{ path: "/api/programme/targets/t1/progress" }]],
  ["GET /api/programme/campaigns", [{ path: "/api/programme/campaigns" }]],
  [
    "POST /api/programme/campaigns",
    [
      {
        path: "/api/programme/campaigns",
        body: { name: "c", strategy: "discount", start: "2011-09-01", end: "2011-12-01", id: "c1" },
      },
    ],
  ],
  ["POST /api/programme/campaigns/{id}/assign", [{ path: "/api/programme/campaigns/c1/assign", body: {} }]],
  ["GET /api/programme/campaigns/{id}/members.csv", [{ path: "/api/programme/campaigns/c1/members.csv" }]],
  ["GET /api/programme/campaigns/{id}/evaluate", [{ path: "/api/programme/campaigns/c1/evaluate" }]],
  ["GET /api/programme/evaluate", [{ path: "/api/programme/evaluate" }]],
  ["GET /api/programme/economics", [{ path: "/api/programme/economics" }]],
  // Sign-in, users and settings: the server's own state, on every engine.
  ["GET /api/setup", [{ path: "/api/setup" }]],
  [
    "POST /api/setup",
    [{ path: "/api/setup", body: { email: "second@x.test", password, name: "B" }, duckdb: 409 }],
  ],
  ["POST /api/login", [{ path: "/api/login", body: { email: "admin@x.test", password }, exclude: ids }]],
  ["GET /api/me", [{ path: "/api/me", exclude: ids }]],
  ["GET /api/settings", [{ path: "/api/settings" }]],
  ["PUT /api/settings", [{ path: "/api/settings", body: defaultSettings }]],
  ["GET /api/settings/outbound", [{ path: "/api/settings/outbound" }]],
  ["PUT /api/settings/outbound", [{ path: "/api/settings/outbound", body: { allowed_hosts: [] } }]],
  ["GET /api/settings/privacy", [{ path: "/api/settings/privacy" }]],
  ["PUT /api/settings/privacy", [{ path: "/api/settings/privacy", body: { min_group_size: 2 } }]],
  [
    "POST /api/users",
    [
      {
        path: "/api/users",
        body: { email: "agent@x.test", password, name: "Ann", role: "agent", branch: "France" },
        exclude: ids,
        save: (json, saved) => saved.set("user", String((json.user as { id: string }).id)),
      },
    ],
  ],
  ["GET /api/users", [{ path: "/api/users", exclude: ids }]],
  [
    "PATCH /api/users/{id}",
    [{ path: (saved) => `/api/users/${saved.get("user")}`, body: { branch: "Spain" }, exclude: ids }],
  ],
  ["POST /api/tokens", [{ path: "/api/tokens", body: { name: "ci" }, exclude: ids }]],
  ["GET /api/audit", [{ path: "/api/audit?limit=5", exclude: [...ids, "target", "target_id", "actor_id"] }]],
  // Loading a file, then the job that loads it.
  [
    "POST /api/uploads",
    [
      {
        path: "/api/uploads?kind=transactions",
        body: upload,
        headers: { "content-type": "text/csv", "x-filename": "more.csv" },
        exclude: ids,
        save: (json, saved) => saved.set("job", String(json.jobId)),
      },
    ],
  ],
  [
    "GET /api/jobs/{id}",
    [
      {
        path: (saved) => `/api/jobs/${saved.get("job")}`,
        exclude: ids,
        until: finished,
      },
    ],
  ],
  ["POST /api/logout", [{ path: "/api/logout" }]],
];

/** `value` without the given keys at any depth. */
function without(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.has(k))
      .map(([k, v]) => [k, without(v, keys)]),
  );
}

/** One server under test: its client signed in as admin and what its cases saved. */
interface Side {
  readonly server: RunningServer;
  readonly admin: Client;
  readonly saved: Saved;
}

async function signedInAdmin(server: RunningServer): Promise<Client> {
  const admin = new Client(server.url);
  const setup = await admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" });
  expect(setup.status, JSON.stringify(setup.json)).toBe(200);
  const login = await admin.login("admin@x.test", password);
  expect(login.status).toBe(200);
  return admin;
}

async function send(side: Side, method: string, call: Call): Promise<Answer> {
  const path = typeof call.path === "string" ? call.path : call.path(side.saved);
  for (let attempt = 0; ; attempt++) {
    const answer = await side.admin.call(method, path, call.body, call.headers);
    if (call.until === undefined || call.until(answer.json) || attempt >= 3000) {
      if (answer.status === 200) call.save?.(answer.json, side.saved);
      if (call.job !== true || answer.status !== 200) return answer;
      // The job's outcome is part of the answer: a fit, a score or a run must agree too.
      const job = await send(side, "GET", {
        path: `/api/jobs/${String(answer.json.jobId)}`,
        until: finished,
      });
      return { status: answer.status, json: { ...answer.json, job: job.json } };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Documented routes as "METHOD /path" with the feature each declares. */
async function documented(server: RunningServer): Promise<Map<string, Feature | null>> {
  const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { "x-vafa-feature"?: Feature }>>;
  };
  const out = new Map<string, Feature | null>();
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(operations))
      out.set(`${method.toUpperCase()} ${path}`, op["x-vafa-feature"] ?? null);
  return out;
}

describe("every API route on ClickHouse gives DuckDB's answer or 501; none answers from the DuckDB file", () => {
  let cluster: TestCluster;
  let duck: Side;
  let ch: Side;
  let routes: Map<string, Feature | null>;
  const outcomes = { equal: [] as string[], refused: [] as string[] };

  beforeAll(async () => {
    cluster = await startCluster(2);
    const [duckServer, chServer] = await Promise.all([
      startServer({ db: join(dir, "demo.duckdb"), config: { webDir } }),
      startServer({
        db: empty,
        clickhouse: {
          url: cluster.url,
          database: "vafa_server",
          cluster: cluster.cluster,
          nodes: cluster.nodes.map((n) => `http://127.0.0.1:${n.httpPort}`),
        },
        config: { webDir },
      }),
    ]);
    const load = { kind: "transactions", files: [onlineRetail], preset: "online-retail" } as const;
    const [onDuck, onCh] = await Promise.all([
      duckServer.context.engine.ingest(load),
      chServer.context.engine.ingest(load),
    ]);
    expect(onCh.rows_loaded).toBe(541909);
    expect(onDuck.rows_loaded).toBe(541909);
    // Two branches of six new customers each, then their purchases (for the branch-scoped cases):
    // customers already stored are not changed on ClickHouse, so the branches come with new ids.
    const branchCustomers = join(dir, "branch-customers.csv");
    const branchSales = join(dir, "branch-sales.csv");
    const six = [1, 2, 3, 4, 5, 6];
    const branchIds = [
      ...six.map((k) => [`N0${k}`, "North", "Norway"]),
      ...six.map((k) => [`S0${k}`, "South", "Spain"]),
    ];
    writeFileSync(branchCustomers, `id,branch,country\n${branchIds.map((r) => r.join(",")).join("\n")}\n`);
    const sales = branchIds.flatMap(([id, , country], i) => {
      const k = (i % 6) + 1;
      const dates = [`2011-0${k}-05`, `2011-10-0${k}`, ...(k % 2 === 0 ? [`2011-12-0${k}`] : [])];
      return dates.map((day, j) => `br-${id}-${j},${id},${day} 10:00:00,${10 * k + j},${country}`);
    });
    writeFileSync(branchSales, `id,customer_id,occurred_at,amount,country\n${sales.join("\n")}\n`);
    for (const load of [
      { kind: "customers", files: [branchCustomers] },
      { kind: "transactions", files: [branchSales] },
    ] as const)
      await Promise.all([duckServer.context.engine.ingest(load), chServer.context.engine.ingest(load)]);
    duck = { server: duckServer, admin: await signedInAdmin(duckServer), saved: new Map() };
    ch = { server: chServer, admin: await signedInAdmin(chServer), saved: new Map() };
    routes = await documented(chServer);
  }, 900_000);

  afterAll(async () => {
    await duck?.server.close();
    await ch?.server.close();
    await cluster?.stop();
    process.stdout.write(
      `routes equal to DuckDB on ClickHouse: ${outcomes.equal.length} (${outcomes.equal.join(", ")})\n` +
        `routes refused with 501: ${outcomes.refused.length} (${outcomes.refused.join(", ")})\n`,
    );
  });

  it("both servers document the same routes, and the table has a case for every one", async () => {
    expect([...(await documented(duck.server)).entries()]).toEqual([...routes.entries()]);
    const keys = cases.map(([key]) => key);
    expect([...routes.keys()].filter((r) => !keys.includes(r))).toEqual([]);
    expect(keys.filter((k) => !routes.has(k))).toEqual([]);
  });

  it.each(cases.map(([key, calls]) => [key, calls] as const))(
    "%s",
    async (key, calls) => {
      const feature = routes.get(key) ?? null;
      const method = key.split(" ")[0] ?? "GET";
      let refused = false;
      for (const call of calls) {
        const onDuck = await send(duck, method, call);
        expect(onDuck.status, `DuckDB: ${JSON.stringify(onDuck.json).slice(0, 500)}`).toBe(
          call.duckdb ?? 200,
        );
        const onCh = await send(ch, method, call);
        if (onCh.status === 501) {
          // A refusal names the feature the route declares, as every surface says it.
          expect(feature).not.toBeNull();
          expect(onCh.json).toEqual({
            error: `${featureLabel(feature as Feature)} is not available on ClickHouse yet`,
            kind: "not_supported",
          });
          refused = true;
          continue;
        }
        expect(refused, "a route either runs on ClickHouse or is refused, not both").toBe(false);
        expect(onCh.status, JSON.stringify(onCh.json).slice(0, 500)).toBe(onDuck.status);
        const skip = new Set(call.exclude ?? []);
        assertSameAnswer(without(onDuck.json, skip), without(onCh.json, skip));
      }
      const other = refused ? outcomes.equal : outcomes.refused;
      expect(other, "a route either runs on ClickHouse or is refused, not both").not.toContain(key);
      const list = refused ? outcomes.refused : outcomes.equal;
      if (!list.includes(key)) list.push(key);
    },
    600_000,
  );

  it("the overview and the customer pages run on ClickHouse, not refused", () => {
    for (const key of ["GET /api/overview", "GET /api/customers", "GET /api/customers/{id}"])
      expect(outcomes.equal).toContain(key);
  });

  it("the DuckDB file beside ClickHouse holds the server's users and no facts", async () => {
    expect(existsSync(empty) && statSync(empty).size > 0).toBe(true);
    const users = await ch.server.context.state.listUsers();
    expect(users.map((u) => u.email).sort()).toEqual(["admin@x.test", "agent@x.test"]);
    const [facts] = await ch.server.context.engine.state.all(
      sql("SELECT (SELECT count(*) FROM transactions) + (SELECT count(*) FROM customers) AS n"),
    );
    expect(Number(facts?.n)).toBe(0);
  });
});
