import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "@vafa/core";
import { ingestFiles, openStore } from "@vafa/duckdb";

/** Transactions of five customers over 2011-01..2011-04, in two branches (UK, France). */
export const transactionsCsv = `id,customer_id,occurred_at,amount,country
t1,c1,2011-01-05,100,United Kingdom
t2,c1,2011-02-05,50,United Kingdom
t3,c1,2011-03-05,70,United Kingdom
t4,c2,2011-01-10,200,United Kingdom
t5,c2,2011-03-10,80,United Kingdom
t6,c3,2011-01-15,40,France
t7,c3,2011-02-15,60,France
t8,c4,2011-02-20,30,France
t9,c4,2011-03-20,30,France
t10,c5,2011-04-01,90,France
`;

export const customersCsv = `id,segment,branch,country
c1,retail,United Kingdom,United Kingdom
c2,wholesale,United Kingdom,United Kingdom
c3,retail,France,France
c4,retail,France,France
c5,retail,France,France
`;

/** A temp dir with a DuckDB file holding the fixture and two alerts (one per branch, carried by each). */
export async function fixtureDb(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), "vafa-server-"));
  const db = join(dir, "facts.duckdb");
  writeFileSync(join(dir, "transactions.csv"), transactionsCsv);
  writeFileSync(join(dir, "customers.csv"), customersCsv);
  const store = await openStore(db);
  await ingestFiles(store.client, { kind: "customers", files: [join(dir, "customers.csv")] });
  await ingestFiles(store.client, { kind: "transactions", files: [join(dir, "transactions.csv")] });
  await store.client.run(
    // An alert carries its customer's branch, as a defection run writes it.
    sql(`INSERT INTO alerts (id, customer_id, created_at, status, rule, reason, value_at_stake, priority, state, branch) VALUES
      ('a-uk', 'c2', TIMESTAMP '2011-04-01', 'at_risk', 'silence', 'silent 21 days', 250, 2, 'open', 'United Kingdom'),
      ('a-fr', 'c3', TIMESTAMP '2011-04-01', 'at_risk', 'silence', 'silent 45 days', 100, 1, 'open', 'France')`),
  );
  store.close();
  return { dir, db };
}

/** A small HTTP client keeping one session cookie and its CSRF token, like a browser tab. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !(body instanceof Uint8Array) && typeof body !== "string")
      h["content-type"] = "application/json";
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== "GET" && h["x-csrf-token"] === undefined) h["x-csrf-token"] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      ...(body === undefined
        ? {}
        : { body: body instanceof Uint8Array || typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const set = res.headers.get("set-cookie");
    if (set?.startsWith("vafa_session=")) this.cookie = set.split(";")[0] ?? null;
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = { text };
    }
    if (typeof json.csrfToken === "string") this.csrf = json.csrfToken;
    return { status: res.status, json, headers: res.headers };
  }

  get(path: string) {
    return this.call("GET", path);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call("POST", path, body ?? {}, headers);
  }

  async login(email: string, password: string) {
    return this.post("/api/login", { email, password });
  }
}
