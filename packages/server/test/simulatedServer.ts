import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingestFiles, openStore } from "@vafa/duckdb";
import { expect } from "vitest";
import { type RunningServer, startServer } from "../src/index.ts";
import { Client } from "./fixtures.ts";

const vafaBin = fileURLToPath(new URL("../../cli/bin/vafa.js", import.meta.url));

/** The agent's branch. */
export const agentBranch = "Tehran Central";

export type Role = "admin" | "analyst" | "manager" | "agent" | "viewer";

/** A running server over simulated data, with a signed-in client per role. */
export interface SimulatedServer {
  readonly server: RunningServer;
  readonly clients: Record<Role, Client>;
  /** Customers the admin sees, and those of the agent's branch. */
  readonly customers: number;
  readonly inBranch: number;
  close(): Promise<void>;
}

/**
 * Starts a server on a store big enough for the models, the defection rules and basket rules:
 * `vafa simulate`'s 300 customers (BG/NBD purchases, Gamma-Gamma spend, products, branches) over
 * 2022–2024, with one user per role (the agent in `agentBranch`).
 */
export async function startSimulatedServer(prefix: string): Promise<SimulatedServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const r = spawnSync(
    process.execPath,
    [vafaBin, "simulate", "--customers", "300", "--seed", "3", "--out", dir],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const db = join(dir, "facts.duckdb");
  const s = await openStore(db);
  await ingestFiles(s.client, { kind: "customers", files: [join(dir, "customers.csv")] });
  await ingestFiles(s.client, { kind: "transactions", files: [join(dir, "transactions.csv")] });
  s.close();
  const server = await startServer({ db, config: { webDir: `${dir}/no-web` } });
  const password = "correct-horse";
  const clients = { admin: new Client(server.url) } as Record<Role, Client>;
  await clients.admin.post("/api/setup", { email: "admin@x.test", password, name: "Ada" });
  for (const role of ["analyst", "manager", "agent", "viewer"] as const) {
    await clients.admin.post("/api/users", {
      email: `${role}@x.test`,
      password,
      name: role,
      role,
      branch: role === "agent" ? agentBranch : null,
    });
    clients[role] = new Client(server.url);
    expect((await clients[role].login(`${role}@x.test`, password)).status).toBe(200);
  }
  return {
    server,
    clients,
    customers: Number((await clients.admin.get("/api/customers")).json.total),
    inBranch: Number((await clients.agent.get("/api/customers")).json.total),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
