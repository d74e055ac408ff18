import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, fixtureDb } from "../../server/test/fixtures.ts";
import { startPostgres, type TestPostgres } from "../../server/test/postgresServer.ts";
import { startServe, stopServe } from "../../server/test/startServe.ts";

// A PostgreSQL server of the suite's own (initdb in a temporary folder, trust auth on a free loopback
// port), stopped and removed afterwards: nothing depends on a service the machine happens to run.
let postgres: TestPostgres | undefined;
const servers: ChildProcessWithoutNullStreams[] = [];
let dir = "";
let urls: string[] = [];

beforeAll(async () => {
  postgres = await startPostgres("vafa_state");
  const stateUrl = postgres.url;
  const fixture = await fixtureDb();
  dir = fixture.dir;
  // Both processes open the same facts file read-only (the state=postgres mode): DuckDB lets many
  // readers share a file, while users, sessions and settings are shared through PostgreSQL.
  const started = await Promise.all(
    [0, 1].map(() => startServe(["--db", fixture.db, "serve", "--port", "0", "--state", stateUrl])),
  );
  for (const s of started) servers.push(s.child);
  urls = started.map((s) => s.url);
});

afterAll(async () => {
  await Promise.all(servers.map(stopServe));
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two API processes sharing PostgreSQL state", () => {
  it("a user made through one signs in through the other, and sessions work on both", async () => {
    const [a, b] = urls as [string, string];
    expect(a).not.toBe(b);
    const first = new Client(a);
    expect(
      (await first.post("/api/setup", { email: "admin@x.test", password: "correct-horse", name: "Ada" }))
        .status,
    ).toBe(200);
    expect((await new Client(b).get("/api/setup")).json).toEqual({ needsSetup: false });
    const created = await first.post("/api/users", {
      email: "ana@x.test",
      password: "analyst-pass",
      name: "Ana",
      role: "analyst",
    });
    expect(created.status).toBe(200);

    const second = new Client(b);
    expect((await second.login("ana@x.test", "analyst-pass")).json.user).toMatchObject({ role: "analyst" });

    // The admin's cookie from process A is a valid session on process B.
    const moved = new Client(b);
    moved.cookie = first.cookie;
    moved.csrf = first.csrf;
    expect((await moved.get("/api/me")).json.user).toMatchObject({ email: "admin@x.test" });

    // A settings change made through B is seen through A.
    const settings = (await moved.get("/api/settings")).json;
    expect((await moved.call("PUT", "/api/settings", { ...settings, period: "quarter" })).status).toBe(200);
    expect((await first.get("/api/settings")).json.period).toBe("quarter");
    const overview = await first.get("/api/overview");
    expect(overview.json).toMatchObject({ period: "quarter", customers: 5 });

    // Logging out on A ends the session on B too.
    expect((await first.post("/api/logout")).status).toBe(200);
    expect((await moved.get("/api/me")).status).toBe(401);

    // Facts are read-only in this mode: uploads are refused with a clear 409.
    await second.get("/api/me");
    const upload = await second.post("/api/uploads?kind=transactions", "id\n", {
      "content-type": "text/csv",
    });
    expect(upload.status).toBe(409);
  });
});
