import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.ts";
import { Client, fixtureDb } from "./fixtures.ts";

let server: RunningServer;
let dir: string;
const password = "correct-horse";

beforeAll(async () => {
  const fixture = await fixtureDb();
  dir = fixture.dir;
  server = await startServer({
    db: fixture.db,
    config: { sessionTtlMs: 1500, loginMaxFailures: 5, webDir: `${dir}/no-web` },
  });
  await new Client(server.url).post("/api/setup", { email: "admin@x.test", password, name: "Ada" });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sessions", () => {
  it("expire after the configured lifetime (401), and slide while used", async () => {
    const c = new Client(server.url);
    expect((await c.login("admin@x.test", password)).status).toBe(200);
    expect((await c.get("/api/me")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await c.get("/api/me")).status).toBe(200); // slid forward by 1.5 s
    await new Promise((r) => setTimeout(r, 1000));
    expect((await c.get("/api/me")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await c.get("/api/me")).status).toBe(401);
  });

  it("the session cookie is HTTP-only and SameSite=Lax", async () => {
    const res = await fetch(`${server.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@x.test", password }),
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^vafa_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe("login rate limiting", () => {
  it("answers 429 after 5 failures for one email and address, even with the right password", async () => {
    const c = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.login("admin@x.test", "wrong-password")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await c.login("admin@x.test", password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another email from the same address is not blocked.
    expect((await c.login("someone@x.test", "x")).status).toBe(401);
  });
});
