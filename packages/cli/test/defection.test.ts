import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyWebhookSignature } from "@vafa/core";
import { describe, expect, it } from "vitest";
import { runVafa, startVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-defection-"));

function loadHistory(db: string): void {
  const lines = ["transaction_id,customer_id,occurred_at,amount"];
  let n = 0;
  for (const c of ["a", "b"])
    for (let d = 1; d <= 28; d += 3) lines.push(`t${n++},${c},2024-01-${String(d).padStart(2, "0")},100`);
  lines.push(`t${n++},z,2024-03-01,100`);
  const csv = join(dir, `${db}.csv`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  const r = runVafa(["ingest", "transactions", csv, "--db", join(dir, db), "--json"]);
  expect(r.status, r.stderr).toBe(0);
}

async function run(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startVafa(args);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => {
    stdout += c;
  });
  child.stderr.on("data", (c) => {
    stderr += c;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

describe("vafa defection, at-risk, alerts, worklist", () => {
  it("runs the rules, lists the worklist, exports CSV and records a contact", () => {
    loadHistory("flow.duckdb");
    const db = join(dir, "flow.duckdb");
    const r = runVafa(["defection", "run", "--as-of", "2024-04-20", "--db", db, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      customers: 3,
      statuses: { at_risk: 0, defected: 3, active: 0 },
      alertsCreated: 3,
    });
    const again = runVafa(["defection", "run", "--as-of", "2024-04-20", "--db", db, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: 0, alertsCreated: 0 });
    const list = JSON.parse(runVafa(["at-risk", "--limit", "5", "--db", db, "--json"]).stdout) as {
      id: string;
      customer_id: string;
    }[];
    expect(list.map((a) => a.customer_id).sort()).toEqual(["a", "b", "z"]);
    const id = list[0]?.id ?? "";
    expect(runVafa(["worklist", "take", id, "--user", "sara", "--db", db]).status).toBe(0);
    const rec = runVafa([
      "worklist",
      "record",
      id,
      "--outcome",
      "saved",
      "--reason",
      "price",
      "--note",
      "offered 10%",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(rec.stdout)).toMatchObject({ state: "closed" });
    const bad = runVafa(["worklist", "record", id, "--outcome", "maybe", "--db", db]);
    expect(bad.stderr).toMatch(/not one of saved, lost, unreachable, not_worth_retaining/);
    const out = join(dir, "alerts.csv");
    expect(runVafa(["alerts", "export", "--format", "csv", "--out", out, "--db", db]).status).toBe(0);
    const csv = readFileSync(out, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(/^id,customer_id,created_at,status,rule,reason/);
    const bt = runVafa([
      "defection",
      "backtest",
      "--as-of",
      "2024-02-01",
      "--window",
      "30",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(bt.stdout)).toMatchObject({
      customers: 2,
      actualDefectors: 2,
      rules: { truePositives: 0 },
    });
    const rate = runVafa(["defection", "rate", "--period", "month", "--by", "branch", "--db", db]);
    expect(rate.status, rate.stderr).toBe(0);
    expect(rate.stdout).toMatch(/2024-02/);
  });
});

describe("vafa webhooks run", () => {
  it("resumes a pending delivery after the worker is killed with SIGKILL", async () => {
    loadHistory("hooks.duckdb");
    const db = join(dir, "hooks.duckdb");
    let failing = true;
    let calls = 0;
    const received: { body: string; headers: IncomingMessage["headers"] }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        calls++;
        if (failing) {
          res.writeHead(500).end();
          return;
        }
        received.push({ body, headers: req.headers });
        res.writeHead(200).end("ok");
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vafa`;
      expect((await run(["webhooks", "add", url, "--secret", "top-secret", "--db", db])).code).toBe(0);
      const r = await run(["defection", "run", "--as-of", "2024-04-20", "--db", db, "--json"]);
      expect(JSON.parse(r.stdout)).toMatchObject({ alertsCreated: 3, deliveriesQueued: 3 });

      const worker = startVafa(["webhooks", "run", "--base-delay-ms", "200", "--poll-ms", "100", "--db", db]);
      for (let i = 0; i < 100 && calls < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).toBeGreaterThanOrEqual(2);
      worker.kill("SIGKILL");
      await once(worker, "exit");

      failing = false;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const drained = await run(["webhooks", "run", "--once", "--db", db, "--json"]);
      expect(drained.code, drained.stderr).toBe(0);
      expect(JSON.parse(drained.stdout)).toMatchObject({ delivered: 3, pending: 0 });
      expect(received).toHaveLength(3);
      for (const got of received) {
        const ok = verifyWebhookSignature(
          "top-secret",
          String(got.headers["x-vafa-timestamp"]),
          got.body,
          String(got.headers["x-vafa-signature"]),
        );
        expect(ok).toBe(true);
      }
    } finally {
      server.close();
    }
  });
});
