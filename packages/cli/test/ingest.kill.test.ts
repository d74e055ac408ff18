import { once } from "node:events";
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@vafa/duckdb";
import { describe, expect, it } from "vitest";
import { runVafa, startVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-kill-"));

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("transaction_id,customer_id,occurred_at,amount\n");
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    let text = "";
    for (let i = start; i < Math.min(start + chunk, rows); i++)
      text += `k${i},c${i % 50_000},2012-01-${String((i % 28) + 1).padStart(2, "0")} 10:00:00,${i % 97}.5\n`;
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

describe("a load killed midway", () => {
  it("leaves the previous contents intact, and the store keeps working", async () => {
    const db = join(dir, "kill.duckdb");
    const small = join(dir, "small.csv");
    await writeBigCsv(small, 1000);
    const first = runVafa(["ingest", "transactions", small, "--db", db, "--json"]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ rows_loaded: 1000 });

    const big = join(dir, "big.csv");
    await writeBigCsv(big, 6_000_000);
    const child = startVafa(["ingest", "transactions", big, "--db", db]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(child.exitCode, "the load finished before it could be killed").toBeNull();
    child.kill("SIGKILL");
    const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
    expect([code, signal]).toEqual([null, "SIGKILL"]);

    const store = await openStore(db);
    const [row] = await store.client.all({
      sql: "SELECT count(*) AS n, max(id) AS last FROM transactions",
      params: [],
    });
    store.close();
    expect(row).toEqual({ n: 1000, last: "k999" });

    // Reloading the small file proves the old rows are all there (nothing new) and the file opens.
    const again = runVafa(["ingest", "transactions", small, "--db", db, "--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: 1000, rows_loaded: 0 });
  });
});
