import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvCell } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, type ServerConfig, startServer } from "../src/index.ts";
import { Client, fixtureDb } from "./fixtures.ts";
import { startPostgres, type TestPostgres } from "./postgresServer.ts";

// The security suite: a real server on 127.0.0.1, real HTTP. Several client addresses are needed
// (an attacker and the user on other machines): Linux routes all of 127.0.0.0/8 to loopback, so a
// request bound to 127.0.0.2 arrives from 127.0.0.2.

const password = "correct-horse";
/** A built dashboard as the server serves it — an index page and one script — so the headers are checked without building the web. */
const webDir = mkdtempSync(join(tmpdir(), "vafa-web-"));
mkdirSync(join(webDir, "assets"));
writeFileSync(
  join(webDir, "index.html"),
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>\n',
);
writeFileSync(join(webDir, "assets", "app.js"), "export {};\n");
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: Record<string, unknown>;
  readonly ms: number;
}

interface CallOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** The client address to send from (127.0.0.x). */
  readonly from?: string;
}

/** One HTTP request with node:http (so the client address can be chosen), timed. */
function call(base: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        agent: false,
        ...(options.from !== undefined ? { localAddress: options.from } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {}
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A JSON login from `from`, optionally with cookies (the device cookie of an earlier sign-in). */
function login(base: string, email: string, pass: string, from = "127.0.0.1", cookie?: string) {
  return call(base, "/api/login", {
    method: "POST",
    from,
    headers: { "content-type": "application/json", ...(cookie !== undefined ? { cookie } : {}) },
    body: JSON.stringify({ email, password: pass }),
  });
}

/** The `name=value` pairs of an answer's Set-Cookie headers. */
function cookiesOf(answer: Answer): string {
  return (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function waitForJob(c: Client, id: string): Promise<Record<string, unknown>> {
  let last: Record<string, unknown> = {};
  for (let i = 0; i < 400; i++) {
    const job = await c.get(`/api/jobs/${id}`);
    last = job.json;
    if (job.json.state === "done" || job.json.state === "failed") return job.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job did not finish: ${JSON.stringify(last)}`);
}

/** A fixture server with its admin and users of every other role. */
async function startFixtureServer(
  config: Partial<ServerConfig> = {},
  state?: string,
  roles: readonly ("analyst" | "manager" | "agent" | "viewer")[] = ["analyst", "manager", "agent", "viewer"],
) {
  const fixture = await fixtureDb();
  const uploadDir = join(fixture.dir, "uploads");
  mkdirSync(uploadDir);
  const server = await startServer({
    db: fixture.db,
    ...(state !== undefined ? { state } : {}),
    config: { webDir, uploadDir, ...config },
  });
  const admin = new Client(server.url);
  expect((await admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" })).status).toBe(200);
  const users: Record<string, Client> = { admin };
  for (const role of roles) {
    const branch = role === "agent" ? "France" : null;
    const made = await admin.post("/api/users", {
      email: `${role}@x.test`,
      password,
      name: role,
      role,
      branch,
    });
    expect(made.status).toBe(200);
    const c = new Client(server.url);
    expect((await c.login(`${role}@x.test`, password)).status).toBe(200);
    users[role] = c;
  }
  return {
    server,
    dir: fixture.dir,
    uploadDir,
    users: users as Record<"admin" | "analyst" | "manager" | "agent" | "viewer", Client>,
  };
}

describe("security (DuckDB state)", () => {
  let server: RunningServer;
  let dir: string;
  let uploadDir: string;
  let users: Awaited<ReturnType<typeof startFixtureServer>>["users"];

  beforeAll(async () => {
    ({ server, dir, uploadDir, users } = await startFixtureServer({ maxUploadBytes: 256 * 1024 }));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("login limits", () => {
    it("30 parallel wrong passwords for one account: at most 5 evaluated, the rest 429, and the cap holds after", async () => {
      const burst = await Promise.all(
        Array.from({ length: 30 }, () => login(server.url, "manager@x.test", "wrong-password", "127.0.0.3")),
      );
      const evaluated = burst.filter((a) => a.status === 401).length;
      expect(burst.every((a) => a.status === 401 || a.status === 429)).toBe(true);
      expect(evaluated).toBeGreaterThanOrEqual(1);
      expect(evaluated).toBeLessThanOrEqual(5);
      // Ten more, one after another: the counter lets the pair reach 5 evaluated in all, never more.
      const after: number[] = [];
      for (let i = 0; i < 10; i++)
        after.push((await login(server.url, "manager@x.test", "wrong", "127.0.0.3")).status);
      const total = evaluated + after.filter((s) => s === 401).length;
      expect(total).toBe(5);
      // The right password from the blocked address is refused too (it is not even checked) ...
      expect((await login(server.url, "manager@x.test", password, "127.0.0.3")).status).toBe(429);
      // ... while the user signs in from elsewhere.
      expect((await login(server.url, "manager@x.test", password, "127.0.0.4")).status).toBe(200);
      console.info(`login burst: ${evaluated} of 30 parallel evaluated, ${total} of 40 in all`);
    });

    it("during 100 bad attempts on the admin from one address, the admin signs in from another within 2 s", async () => {
      const attack = Promise.all(
        Array.from({ length: 100 }, () => login(server.url, "admin@x.test", "guess-guess", "127.0.0.5")),
      );
      await new Promise((r) => setTimeout(r, 50));
      const own = await login(server.url, "admin@x.test", password, "127.0.0.6");
      const attempts = await attack;
      expect(own.status).toBe(200);
      expect(own.ms).toBeLessThan(2000);
      expect(attempts.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
      expect(attempts.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(95);
      console.info(
        `admin signed in from another address in ${Math.round(own.ms)} ms during 100 bad attempts`,
      );
    });

    it("an attack spread over many addresses locks new devices out of the account, never the user's own device", async () => {
      const made = await users.admin.post("/api/users", {
        email: "target@x.test",
        password,
        name: "T",
        role: "viewer",
      });
      expect(made.status).toBe(200);
      const first = await login(server.url, "target@x.test", password, "127.0.0.7");
      expect(first.status).toBe(200);
      const device = cookiesOf(first)
        .split("; ")
        .find((c) => c.startsWith("vafa_device="));
      expect(device).toBeDefined();
      // 25 attackers (over the per-account limit of 20), a few at a time.
      const statuses: number[] = [];
      for (let wave = 0; wave < 5; wave++)
        statuses.push(
          ...(
            await Promise.all(
              Array.from({ length: 5 }, (_, i) =>
                login(server.url, "target@x.test", "nope-nope", `127.0.1.${10 + wave * 5 + i}`),
              ),
            )
          ).map((a) => a.status),
        );
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      // A new browser on a new address is refused even with the right password ...
      expect((await login(server.url, "target@x.test", password, "127.0.0.8")).status).toBe(429);
      // ... the user's own browser (its device cookie) is not, from any address.
      const own = await login(server.url, "target@x.test", password, "127.0.0.9", device);
      expect(own.status).toBe(200);
    });

    it("unknown and known accounts answer within 20% of each other's time", async () => {
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved (alternating which goes first), each from its own address so no limit
      // interferes; the first pair warms up.
      for (let i = 0; i < 11; i++) {
        const tryKnown = () => login(server.url, "analyst@x.test", "not-the-password", `127.0.2.${i + 1}`);
        const tryUnknown = () =>
          login(server.url, `nobody${i}@x.test`, "not-the-password", `127.0.3.${i + 1}`);
        let k: Answer;
        let u: Answer;
        if (i % 2 === 0) {
          k = await tryKnown();
          u = await tryUnknown();
        } else {
          u = await tryUnknown();
          k = await tryKnown();
        }
        expect([k.status, u.status]).toEqual([401, 401]);
        if (i > 0) {
          known.push(k.ms);
          unknown.push(u.ms);
        }
      }
      const [k, u] = [median(known), median(unknown)];
      console.info(`login time: known ${k.toFixed(0)} ms, unknown ${u.toFixed(0)} ms (medians of 10)`);
      expect(Math.abs(k - u) / Math.max(k, u)).toBeLessThan(0.2);
      // Both pay for the hash: the unknown account is not answered in a few milliseconds.
      expect(u).toBeGreaterThan(k * 0.8);
    });
  });

  describe("bodies", () => {
    it("a 2 MB JSON body gets 413 before it is read", async () => {
      const answer = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        const req = httpRequest(`${server.url}/api/login`, {
          method: "POST",
          agent: false,
          headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) },
        });
        let sent = 0;
        req.on("response", (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, sent });
          req.destroy();
        });
        req.on("error", reject);
        // Only the first 64 KiB are sent: the answer comes without the rest.
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        req.write(chunk);
        sent += chunk.length;
      });
      expect(answer).toEqual({ status: 413, sent: 64 * 1024 });
    });

    it("a chunked JSON body past the limit gets 413 too", async () => {
      const answer = await new Promise<number>((resolve) => {
        const req = httpRequest(`${server.url}/api/login`, {
          method: "POST",
          agent: false,
          headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", () => {});
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        for (let i = 0; i < 8; i++) req.write(chunk);
        req.end();
      }).catch(() => 0);
      expect(answer).toBe(413);
    });

    it("a chunked upload past the limit is cut off and leaves no file behind", async () => {
      const c = users.analyst;
      expect(readdirSync(uploadDir)).toEqual([]);
      const answer = await new Promise<{ status: number; error: string | null }>((resolve) => {
        const req = httpRequest(`${server.url}/api/uploads?kind=transactions`, {
          method: "POST",
          agent: false,
          headers: {
            "content-type": "text/csv",
            "transfer-encoding": "chunked",
            "x-filename": "big.csv",
            cookie: c.cookie ?? "",
            "x-csrf-token": c.csrf ?? "",
          },
        });
        req.on("response", (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, error: null });
        });
        req.on("error", (e) => resolve({ status: 0, error: e.message }));
        const line = "t,c1,2011-01-05,100,United Kingdom\n".repeat(1000);
        req.write("id,customer_id,occurred_at,amount,country\n");
        // 2 MB in 64 chunks, written as fast as the socket takes them (the limit is 256 KiB).
        let n = 0;
        const more = () => {
          while (n < 64) {
            n++;
            if (!req.write(line)) {
              req.once("drain", more);
              return;
            }
          }
          req.end();
        };
        more();
      });
      // The server answers 413 as soon as the count passes the limit, then stops reading; nothing is kept.
      expect(answer).toEqual({ status: 413, error: null });
      await new Promise((r) => setTimeout(r, 200));
      expect(readdirSync(uploadDir)).toEqual([]);
      expect((await c.get("/api/overview")).json.customers).toBe(5);
    });
  });

  describe("headers", () => {
    let asset = "";
    beforeAll(async () => {
      const index = await call(server.url, "/");
      asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1] ?? "";
      expect(asset).not.toBe("");
    });

    const pages: [string, string, string, number][] = [
      ["dashboard", "GET", "/", 200],
      ["dashboard route", "GET", "/customers", 200],
      ["malformed path", "GET", "/%E0%A4%A", 200],
      ["docs", "GET", "/docs", 200],
      ["OpenAPI document", "GET", "/openapi.json", 200],
      ["API answer", "GET", "/api/setup", 200],
      ["API refusal", "GET", "/api/me", 401],
      ["API unknown route", "GET", "/api/no-such-route", 404],
      ["API error", "POST", "/api/login", 415],
    ];
    it.each(pages)("%s (%s %s) carries the security headers", async (_name, method, path, status) => {
      const a = await call(server.url, path, { method, ...(method === "POST" ? { body: "x" } : {}) });
      expect(a.status).toBe(status);
      expect(a.headers["content-security-policy"]).toMatch(/default-src 'self'/);
      expect(a.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(a.headers["x-frame-options"]).toBe("DENY");
      expect(a.headers["x-content-type-options"]).toBe("nosniff");
      expect(a.headers["referrer-policy"]).toBe("no-referrer");
      // Plain HTTP: no HSTS, no Secure cookie.
      expect(a.headers["strict-transport-security"]).toBeUndefined();
    });

    it("a static dashboard file carries them too", async () => {
      const a = await call(server.url, asset);
      expect(a.status).toBe(200);
      expect(a.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(a.headers["x-content-type-options"]).toBe("nosniff");
      expect(a.headers["x-frame-options"]).toBe("DENY");
    });

    it("/docs allows exactly its own inline script and style, by hash", async () => {
      const csp = String((await call(server.url, "/docs")).headers["content-security-policy"]);
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    });

    it("a forged X-Forwarded-Proto is ignored without trustProxy", async () => {
      const a = await login(server.url, "analyst@x.test", password, "127.0.0.20");
      const b = await call(server.url, "/api/setup", { headers: { "x-forwarded-proto": "https" } });
      expect(a.status).toBe(200);
      expect(String(a.headers["set-cookie"])).not.toMatch(/Secure/);
      expect(b.headers["strict-transport-security"]).toBeUndefined();
    });
  });

  describe("JSON only", () => {
    const cases: [string, string, string][] = [
      ["text/plain login", "/api/login", "text/plain"],
      ["form login", "/api/login", "application/x-www-form-urlencoded"],
      ["text/plain setup", "/api/setup", "text/plain"],
      ["no content type", "/api/login", ""],
    ];
    it.each(cases)("%s gets 415", async (_name, path, type) => {
      const a = await call(server.url, path, {
        method: "POST",
        headers: type === "" ? {} : { "content-type": type },
        body: JSON.stringify({ email: "admin@x.test", password }),
      });
      expect(a.status).toBe(415);
      expect(a.headers["set-cookie"]).toBeUndefined();
    });
  });

  describe("jobs", () => {
    let jobId = "";
    beforeAll(async () => {
      const csv = "id,customer_id,occurred_at,amount,country\nt30,c1,2011-04-03,10,France\n";
      const r = await users.analyst.post("/api/uploads?kind=transactions", csv, {
        "content-type": "text/csv",
        "x-filename": "more.csv",
      });
      expect(r.status).toBe(200);
      jobId = String(r.json.jobId);
      expect((await waitForJob(users.analyst, jobId)).state).toBe("done");
    });

    const readers: ["admin" | "analyst" | "manager" | "agent" | "viewer", number][] = [
      ["analyst", 200],
      ["admin", 200],
      ["manager", 404],
      ["agent", 404],
      ["viewer", 404],
    ];
    it.each(readers)("the analyst's job read by the %s: %i", async (role, status) => {
      const r = await users[role].get(`/api/jobs/${jobId}`);
      expect(r.status).toBe(status);
      if (status === 404) expect(r.json).toEqual({ error: `no job ${jobId}`, kind: "not_found" });
    });

    it("a failed upload's job names the file, never the server's path or the raw line", async () => {
      const long = "x".repeat(30_000);
      const csv = `id,customer_id,occurred_at,amount,country\nt31,c1,2011-04-03,${long},France\n`;
      const r = await users.analyst.post("/api/uploads?kind=transactions", csv, {
        "content-type": "text/csv",
        "x-filename": "bad.csv",
      });
      const job = await waitForJob(users.analyst, String(r.json.jobId));
      const text = JSON.stringify(job);
      expect(job.state).toBe("failed");
      expect(text).not.toContain(uploadDir);
      expect(text).not.toContain("vafa-upload-");
      expect(text).not.toContain("x".repeat(100));
      expect(text.length).toBeLessThan(2000);
      expect(String(job.error)).toMatch(/^bad\.csv: line 2/);
      expect(job.problems).toEqual([expect.objectContaining({ file: "bad.csv", line: 2, field: "amount" })]);
    });
  });

  describe("segment rules", () => {
    // Rules stay under the 10,000-character limit of the route, as an attacker's would.
    const cases: [string, string][] = [
      ["5,000-deep text", `${"(".repeat(5000)}monetary > 1`],
      ["4,990-deep balanced text", `${"(".repeat(4990)}monetary > 1${")".repeat(4990)}`],
      ["2,000-deep not", `${"not ".repeat(2000)}monetary > 1`],
      [
        "1,200-deep JSON",
        `${'{"not":'.repeat(1200)}{"field":"monetary","op":">","value":1}${"}".repeat(1200)}`,
      ],
    ];
    it.each(cases)("a %s rule gets 400 with a clear message", async (_name, rule) => {
      expect(rule.length).toBeLessThanOrEqual(10_000);
      const r = await users.analyst.post("/api/segments", { name: "deep", rule });
      expect(r.status).toBe(400);
      expect(String(r.json.error)).toMatch(/nests deeper than 64 levels/);
    });

    it("a rule nested a few levels still saves", async () => {
      const rule = `${"(".repeat(10)}monetary > 1${")".repeat(10)}`;
      expect((await users.analyst.post("/api/segments", { name: "nested", rule })).status).toBe(200);
    });
  });

  describe("search", () => {
    const cases: [string, number][] = [
      ["c", 5],
      ["c_", 0],
      ["%", 0],
      ["_", 0],
      ["c%1", 0],
      ["\\", 0],
    ];
    it.each(cases)("q=%s finds %i customers (%% and _ are literal)", async (q, total) => {
      const r = await users.admin.get(`/api/customers?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.json.total).toBe(total);
    });
  });

  describe("sessions end when the user's powers change", () => {
    const changes: [string, "analyst" | "manager" | "agent", Record<string, unknown>][] = [
      ["role", "analyst", { role: "viewer" }],
      ["branch", "agent", { branch: "United Kingdom" }],
      ["password", "manager", { password: "a-new-password" }],
    ];
    it.each(changes)("a change of %s ends the %s's sessions", async (_what, role, patch) => {
      const c = new Client(server.url);
      const signedIn = await c.login(`${role}@x.test`, password);
      expect(signedIn.status).toBe(200);
      const id = (signedIn.json.user as { id: string }).id;
      expect((await c.get("/api/me")).status).toBe(200);
      expect((await users.admin.call("PATCH", `/api/users/${id}`, patch)).status).toBe(200);
      expect((await c.get("/api/me")).status).toBe(401);
      // The admin who made the change keeps their own session.
      expect((await users.admin.get("/api/me")).status).toBe(200);
    });

    it("a change of name only keeps the sessions", async () => {
      const c = new Client(server.url);
      const signedIn = await c.login("viewer@x.test", password);
      const id = (signedIn.json.user as { id: string }).id;
      expect((await users.admin.call("PATCH", `/api/users/${id}`, { name: "Vera" })).status).toBe(200);
      expect((await c.get("/api/me")).status).toBe(200);
    });
  });

  describe("CSV exports", () => {
    const cells: [unknown, string][] = [
      ['=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
      ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
      ["-2+3", "'-2+3"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\tx", "'\tx"],
      ["\rx", '"\'\rx"'],
      ["-12.5", "-12.5"],
      [-12.5, "-12.5"],
      ["plain", "plain"],
    ];
    it.each(cells)("csvCell(%j) is %j", (value, expected) => {
      expect(csvCell(value)).toBe(expected);
    });

    it("a campaign export neutralises a member id starting with =", async () => {
      const evil = "=1+2";
      const csv = `id,segment,branch,country\n"${evil}",retail,France,France\n`;
      const up = await users.admin.post("/api/uploads?kind=customers", csv, {
        "content-type": "text/csv",
        "x-filename": "customers.csv",
      });
      const job = await waitForJob(users.admin, String(up.json.jobId));
      expect(job.state).toBe("done");
      // The job's result names the uploaded file, not the server's temp folder.
      expect(JSON.stringify(job)).not.toContain("vafa-upload-");
      const made = await users.admin.post("/api/programme/campaigns", {
        name: "Formula test",
        strategy: "customer_club",
        start: "2011-05-01",
        end: "2011-06-01",
        audience: "list:formula",
        id: "formula",
      });
      expect([made.status, made.json.error]).toEqual([200, undefined]);
      expect(
        (await users.admin.post("/api/programme/campaigns/formula/assign", { ids: [evil] })).status,
      ).toBe(200);
      const exported = await call(server.url, "/api/programme/campaigns/formula/members.csv?arm=all", {
        headers: { cookie: users.admin.cookie ?? "" },
      });
      expect(exported.status).toBe(200);
      expect(exported.text).toContain("formula,'=1+2,");
      expect(exported.text).not.toMatch(/(^|,)=1\+2/m);
    });
  });

  describe("webhook targets", () => {
    const refused: [string][] = [
      ["http://169.254.169.254/latest/meta-data/"],
      ["http://[fe80::1]/hook"],
      ["http://[::ffff:169.254.169.254]/hook"],
      ["http://metadata.google.internal/computeMetadata/v1/"],
      ["http://169.254.1.1:8080/hook"],
    ];
    it.each(refused)("%s is refused", async (url) => {
      const r = await users.admin.post("/api/webhooks", { url, secret: "s3cret-s3cret" });
      expect(r.status).toBe(400);
      expect(String(r.json.error)).toMatch(/refused/);
    });

    it("loopback and ordinary hosts stay allowed", async () => {
      const r = await users.admin.post("/api/webhooks", {
        url: "http://127.0.0.1:9/hook",
        secret: "s3cret-s3cret",
      });
      expect(r.status).toBe(200);
    });

    it("with an allowlist, only its hosts are allowed", async () => {
      const set = await users.admin.call("PUT", "/api/settings/outbound", {
        allowed_hosts: ["localhost", "*.example.com"],
      });
      expect(set.status).toBe(200);
      const tries: [string, number][] = [
        ["http://127.0.0.1:9/hook", 400],
        ["http://localhost:9/hook", 200],
        ["https://crm.example.com/hook", 200],
        ["https://example.org/hook", 400],
      ];
      try {
        for (const [url, status] of tries)
          expect([
            url,
            (await users.admin.post("/api/webhooks", { url, secret: "s3cret-s3cret" })).status,
          ]).toEqual([url, status]);
        expect((await users.viewer.call("PUT", "/api/settings/outbound", { allowed_hosts: [] })).status).toBe(
          403,
        );
      } finally {
        await users.admin.call("PUT", "/api/settings/outbound", { allowed_hosts: [] });
      }
      expect((await users.admin.get("/api/settings/outbound")).json).toEqual({ allowed_hosts: [] });
    });
  });
});

describe("security behind an HTTPS proxy (trustProxy)", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    ({ server, dir } = await startFixtureServer({ trustProxy: true }));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("Secure cookies and HSTS come automatically when the proxy says https", async () => {
    const a = await call(server.url, "/api/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-proto": "https",
        "x-forwarded-for": "203.0.113.9",
      },
      body: JSON.stringify({ email: "admin@x.test", password }),
    });
    expect(a.status).toBe(200);
    for (const cookie of a.headers["set-cookie"] ?? []) expect(cookie).toMatch(/; Secure/);
    expect(a.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const plain = await call(server.url, "/api/setup");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });

  it("the login limits key on the forwarded client address", async () => {
    const from = (ip: string, pass: string) =>
      call(server.url, "/api/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.1, ${ip}` },
        body: JSON.stringify({ email: "analyst@x.test", password: pass }),
      });
    for (let i = 0; i < 5; i++) expect((await from("198.51.100.1", "wrong-one")).status).toBe(401);
    expect((await from("198.51.100.1", password)).status).toBe(429);
    expect((await from("198.51.100.2", password)).status).toBe(200);
  });
});

/** Fifty requests at once on one session, wave after wave, across several slides of its expiry. */
async function hammerOneSession(base: string, c: Client, forMs: number) {
  const statuses = new Map<number, number>();
  const paths = ["/api/me", "/api/customers?limit=5", "/api/settings", "/api/alerts"];
  const until = Date.now() + forMs;
  let waves = 0;
  while (Date.now() < until) {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(base, paths[i % paths.length] ?? "/api/me", { headers: { cookie: c.cookie ?? "" } }),
      ),
    );
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    waves++;
  }
  return { statuses: Object.fromEntries(statuses), waves };
}

const stores: [string, () => Promise<{ state?: string; stop: () => Promise<void> }>][] = [
  ["DuckDB file", async () => ({ stop: async () => {} })],
  [
    "PostgreSQL",
    async () => {
      const postgres: TestPostgres = await startPostgres("vafa_security");
      return { state: postgres.url, stop: () => postgres.stop() };
    },
  ],
];

describe.each(stores)("sessions and counters under concurrency (%s state)", (_name, open) => {
  let server: RunningServer;
  let dir: string;
  let stop: () => Promise<void> = async () => {};
  const ttl = 2000;

  beforeAll(async () => {
    const store = await open();
    stop = store.stop;
    ({ server, dir } = await startFixtureServer({ sessionTtlMs: ttl }, store.state, ["analyst", "manager"]));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("50 concurrent requests on one session across refresh boundaries: no 5xx, and the session outlives its idle timeout", async () => {
    const c = new Client(server.url);
    expect((await c.login("analyst@x.test", password)).status).toBe(200);
    // 3 × the idle timeout of continuous use: the expiry slides every ttl/2 while waves are in flight.
    const { statuses, waves } = await hammerOneSession(server.url, c, 3 * ttl);
    console.info(`${waves} waves of 50 on one session over ${3 * ttl} ms: ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses)).toEqual(["200"]);
    expect(waves).toBeGreaterThan(2);
    expect((await c.get("/api/me")).status).toBe(200);
    // Idle past the timeout, it ends.
    await new Promise((r) => setTimeout(r, ttl + 300));
    expect((await c.get("/api/me")).status).toBe(401);
  }, 60_000);

  it("200 parallel increments of one counter give 200 distinct counts", async () => {
    const now = Date.now();
    const counts = await Promise.all(
      Array.from({ length: 200 }, () => server.context.state.incrementCounter("test:parallel", 60_000, now)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await server.context.state.readCounter("test:parallel", now)).toBe(200);
  });

  it("30 parallel wrong passwords for one account: at most 5 evaluated", async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => login(server.url, "manager@x.test", "wrong-password", "127.0.0.30")),
    );
    expect(burst.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
    expect(burst.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(25);
  });
});
