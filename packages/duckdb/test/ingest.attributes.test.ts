import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IngestError, sql } from "@vafa/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles, openStore, type Store } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-attributes-"));
let seq = 0;
function file(content: string): string {
  const path = join(dir, `${seq++}-customers.csv`);
  writeFileSync(path, content);
  return path;
}

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(() => store.close());

/** Loads customers c1…cN with one extra column `x` holding `cells`, and returns its type and stored values. */
async function typed(cells: readonly string[]) {
  const csv = ["id,x", ...cells.map((c, i) => `c${i + 1},${c}`)].join("\n");
  const summary = await ingestFiles(store.client, { kind: "customers", files: [file(csv)] });
  const attribute = summary.mappings?.[0]?.attributes?.[0];
  const rows = await store.client.all(
    sql("SELECT customer_id, value, number FROM customer_attributes WHERE name = 'x' ORDER BY customer_id"),
  );
  return {
    type: attribute?.type,
    values: attribute?.values,
    stored: rows.map((r) => [r.customer_id, r.value, r.number === null ? null : Number(r.number)]),
  };
}

describe("customer attributes are typed", () => {
  it.each([
    [
      "numbers with Persian and Arabic-Indic digits and separators",
      ["۱۲", "٣٫٥", '"1,250"', "7"],
      "number",
      [
        ["c1", "12", 12],
        ["c2", "3.5", 3.5],
        ["c3", "1250", 1250],
        ["c4", "7", 7],
      ],
    ],
    [
      "yes/no in English, Persian and Arabic",
      ["Yes", "no", "بله", "خیر", "نعم", "لا"],
      "yes/no",
      [
        ["c1", "yes", 1],
        ["c2", "no", 0],
        ["c3", "yes", 1],
        ["c4", "no", 0],
        ["c5", "yes", 1],
        ["c6", "no", 0],
      ],
    ],
    [
      "empty cells are no value, not a type",
      ["12", "", " ", "۴"],
      "number",
      [
        ["c1", "12", 12],
        ["c4", "4", 4],
      ],
    ],
    [
      "dates",
      ["2024-01-31", "2023-12-01", ""],
      "date",
      [
        ["c1", "2024-01-31", null],
        ["c2", "2023-12-01", null],
      ],
    ],
    [
      "0/1 is a number, not yes/no",
      ["0", "1", "1"],
      "number",
      [
        ["c1", "0", 0],
        ["c2", "1", 1],
        ["c3", "1", 1],
      ],
    ],
    [
      "one word that is neither makes it text",
      ["Yes", "No", "Maybe"],
      "text",
      [
        ["c1", "Yes", null],
        ["c2", "No", null],
        ["c3", "Maybe", null],
      ],
    ],
    ["a column with no value at all is empty and stores nothing", ["", "", ""], "empty", []],
  ] as const)("%s", async (_, cells, type, stored) => {
    const r = await typed(cells);
    expect(r.type).toBe(type);
    expect(r.values).toBe(stored.length);
    expect(r.stored).toEqual(stored);
  });

  it("loading the same file twice changes nothing; a new value replaces the stored one", async () => {
    const first = file("id,Plan\nc1,Gold\nc2,Silver\n");
    await ingestFiles(store.client, { kind: "customers", files: [first] });
    const again = await ingestFiles(store.client, { kind: "customers", files: [first] });
    expect(again.rows_loaded).toBe(0);
    await ingestFiles(store.client, { kind: "customers", files: [file("id,Plan\nc1,Bronze\nc2,\n")] });
    const rows = await store.client.all(
      sql("SELECT customer_id, value FROM customer_attributes ORDER BY customer_id"),
    );
    expect(rows.map((r) => [r.customer_id, r.value])).toEqual([
      ["c1", "Bronze"],
      ["c2", "Silver"],
    ]);
  });
});

describe("a snapshot's status", () => {
  it.each([
    [["Churned", "Stayed", "Joined"], {}, ["defected", "active", "active"]],
    [["Yes", "No", "yes"], {}, ["defected", "active", "defected"]],
    [["1", "0", "بله"], {}, ["defected", "active", "defected"]],
    [["Gone", "Here", "gone"], { defectedValues: ["gone"] }, ["defected", "active", "defected"]],
  ] as const)("%j %j reads as %j", async (cells, extra, statuses) => {
    const csv = ["id,Churn", ...cells.map((c, i) => `c${i + 1},${c}`)].join("\n");
    await ingestFiles(store.client, { kind: "customers", files: [file(csv)], ...extra });
    const rows = await store.client.all(sql("SELECT status FROM customers ORDER BY id"));
    expect(rows.map((r) => r.status)).toEqual(statuses);
  });

  it("a bad status value names the file, line and value, and nothing is loaded", async () => {
    const path = file("id,Status,Plan\nc1,Churned,Gold\nc2,Maybe,Gold\n");
    const error = await ingestFiles(store.client, { kind: "customers", files: [path] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toBe(
      `${path}: line 3, column Status (status): not a status (churned, defected, left, yes, 1 / stayed, active, joined, no, 0; or --defected-value): "Maybe" (nothing was loaded)`,
    );
    const [count] = await store.client.all(
      sql("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM customer_attributes) AS n"),
    );
    expect(Number(count?.n)).toBe(0);
  });
});
