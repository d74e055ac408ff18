import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestFiles, openStore } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../duckdb/test/datasets.ts";
import { type RunningServer, startServer } from "../src/index.ts";
import { Client } from "./fixtures.ts";

const check = "/api/models/check?calibration_end=1997-09-30";
const password = "correct-horse";

/** Resolves once `ready()` holds, polling every 10 ms; the elapsed ms. */
async function waitFor(ready: () => boolean, limitMs: number): Promise<number> {
  const started = performance.now();
  while (!ready()) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - started;
}

/** A request's status and how long it took, in ms. */
async function timed(client: Client, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const { status } = await client.get(path);
  return { status, ms: performance.now() - started };
}

describe("model checks run off the request thread (CDNOW master, 23,570 customers)", () => {
  let server: RunningServer;
  let dir: string;
  const clients = {} as Record<"admin" | "agent" | "viewer", Client>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vafa-model-jobs-"));
    const db = join(dir, "facts.duckdb");
    const store = await openStore(db);
    await ingestFiles(store.client, {
      kind: "transactions",
      files: [dataset("cdnow/CDNOW_master.txt")],
      preset: "cdnow",
    });
    store.close();
    server = await startServer({ db, config: { webDir: `${dir}/no-web`, maxConcurrentFits: 1 } });
    clients.admin = new Client(server.url);
    await clients.admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" });
    for (const role of ["agent", "viewer"] as const) {
      await clients.admin.post("/api/users", {
        email: `${role}@x.test`,
        password,
        name: role,
        role,
        branch: role === "agent" ? "Nowhere" : null,
      });
      clients[role] = new Client(server.url);
      expect((await clients[role].login(`${role}@x.test`, password)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["agent", 403],
    ["viewer", 403],
  ] as const)("a check started by the %s role is refused (%i) and starts no work", async (role, status) => {
    expect((await clients[role].get(check)).status).toBe(status);
    expect(server.context.models.active).toBe(0);
  });

  it("while a check runs, the setup route and a report answer within 1 s; a disconnect stops it within 1 s", async () => {
    const controller = new AbortController();
    const running = fetch(server.url + check, {
      headers: { cookie: clients.admin.cookie ?? "" },
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await waitFor(() => server.context.models.active === 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const setup = await timed(clients.admin, "/api/setup");
    const report = await timed(clients.admin, "/api/retention?period=month");
    expect(setup.status).toBe(200);
    expect(report.status).toBe(200);
    expect(setup.ms).toBeLessThan(1000);
    expect(report.ms).toBeLessThan(1000);
    expect(server.context.models.active).toBe(1);
    controller.abort();
    expect(await running).toBeInstanceOf(Error);
    const stoppedIn = await waitFor(() => server.context.models.active === 0, 1000);
    expect(stoppedIn).toBeLessThan(1000);
  });

  it("the same check on unchanged data is then answered from the stored result, for every role that reads", async () => {
    const first = await clients.admin.get(check);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-vafa-result")).toBe("fresh");
    const best = first.json.best as { model: string; reason: string };
    expect(["bgnbd", "pareto-nbd", "mbgnbd"]).toContain(best.model);
    expect(best.reason).toMatch(/holdout error per customer/);
    const again = await timed(clients.admin, check);
    const stored = await clients.viewer.get(check);
    expect(again.ms).toBeLessThan(500);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("x-vafa-result")).toBe("stored");
    expect(stored.json).toEqual(first.json);
    expect(server.context.models.active).toBe(0);
    // CDNOW identifies every model: no notice on any fit.
    const fits = first.json.fits as { model: string; identification: { notice: boolean } }[];
    expect(fits.map((f) => [f.model, f.identification.notice])).toEqual([
      ["bgnbd", false],
      ["pareto-nbd", false],
      ["mbgnbd", false],
    ]);
  });

  it("a score job with model auto says which model and why, with the spread of P(alive) and the identification", async () => {
    const started = await clients.admin.post("/api/models/score", { horizon_days: 365 });
    expect(started.status).toBe(200);
    let job: Record<string, unknown> = {};
    for (let i = 0; i < 1200 && job.state !== "done" && job.state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await clients.admin.get(`/api/jobs/${String(started.json.jobId)}`)).json;
    }
    expect(job.state, JSON.stringify(job)).toBe("done");
    const result = job.result as {
      model: string;
      choice: { model: string; reason: string };
      distribution: { p_alive: { p10: number; median: number; p90: number } };
      identification: { code: string; notice: boolean };
    };
    expect(result.choice.model).toBe(result.model);
    expect(result.choice.reason).toMatch(
      /^chosen by the model check \(calibration to 1997-\d\d-\d\d, holdout to 1998-06-30\): /,
    );
    expect(result.distribution.p_alive.p10).toBeLessThan(result.distribution.p_alive.p90);
    expect(result.identification).toMatchObject({ code: "identified", notice: false });
  });
});
