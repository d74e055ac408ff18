import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { IngestError, sql } from "@vafa/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles, openStore, type Store } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-ingest-"));
let seq = 0;
function file(name: string, content: string | Buffer): string {
  const path = join(dir, `${seq++}-${name}`);
  writeFileSync(path, content);
  return path;
}

const rows = [
  ["t1", "c1", "2011-01-05 10:00:00", "10.5"],
  ["t2", "c1", "2011-02-05 11:00:00", "-2.5"],
  ["t3", "c2", "2011-02-06 12:00:00", "7"],
];
const header = ["transaction_id", "customer_id", "date", "amount"];
const csv = [header, ...rows].map((r) => r.join(",")).join("\n");

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(() => store.close());

async function table(): Promise<Record<string, unknown>[]> {
  return store.client.all(
    sql(
      "SELECT id, customer_id, strftime(occurred_at, '%Y-%m-%d %H:%M') AS at, amount FROM transactions ORDER BY id",
    ),
  );
}
const expected = [
  { id: "t1", customer_id: "c1", at: "2011-01-05 10:00", amount: 10.5 },
  { id: "t2", customer_id: "c1", at: "2011-02-05 11:00", amount: -2.5 },
  { id: "t3", customer_id: "c2", at: "2011-02-06 12:00", amount: 7 },
];

describe("formats", () => {
  const json = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  it.each([
    ["csv", () => file("a.csv", csv)],
    ["csv.gz", () => file("a.csv.gz", gzipSync(csv))],
    ["tsv", () => file("a.tsv", csv.replaceAll(",", "\t"))],
    [
      "whitespace",
      () =>
        file(
          "a.txt",
          `  ${csv.replaceAll(",", "   ").replaceAll(" 10:00:00", "T10:00:00").replaceAll(" 11:00:00", "T11:00:00").replaceAll(" 12:00:00", "T12:00:00").replaceAll("\n", "\r\n ")}\r\n`,
        ),
    ],
    ["jsonl", () => file("a.jsonl", json.map((o) => JSON.stringify(o)).join("\n"))],
    ["json", () => file("a.json", JSON.stringify(json))],
    ["jsonl.gz", () => file("a.jsonl.gz", gzipSync(json.map((o) => JSON.stringify(o)).join("\n")))],
  ])("%s", async (_name, make) => {
    const s = await ingestFiles(store.client, { kind: "transactions", files: [make()] });
    expect(s).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0, customers: 2 });
    expect(await table()).toEqual(expected);
  });

  it("parquet", async () => {
    const src = file("p.csv", csv);
    const out = join(dir, "p.parquet");
    await store.client.run(sql(`COPY (SELECT * FROM read_csv($1)) TO '${out}' (FORMAT parquet)`, [src]));
    const s = await ingestFiles(store.client, { kind: "transactions", files: [out] });
    expect(s.rows_loaded).toBe(3);
    expect(await table()).toEqual(expected);
  });
});

describe("values", () => {
  it.each([
    ["Persian digits and separators", 't1,c1,۲۰۱۱-۰۱-۰۵ ۱۰:۰۰:۰۰,"۱٬۲۳۴٫۵"', 1234.5, "2011-01-05 10:00"],
    ["Arabic-Indic digits", "t1,c1,٢٠١١-٠١-٠٥,٧٫٢٥", 7.25, "2011-01-05 00:00"],
    ["Latin thousands separator", 't1,c1,2011-01-05,"1,234.5"', 1234.5, "2011-01-05 00:00"],
    ["YYYYMMDD dates", "t1,c1,20110105,3", 3, "2011-01-05 00:00"],
    ["ISO with offset, stored as UTC", "t1,c1,2011-01-05T10:00:00+03:30,3", 3, "2011-01-05 06:30"],
    ["float ids", "t1,17850.0,2011-01-05,3", 3, "2011-01-05 00:00"],
  ])("%s", async (_name, line, amount, at) => {
    await ingestFiles(store.client, {
      kind: "transactions",
      files: [file("v.csv", `${header.join(",")}\n${line}\n`)],
    });
    const [row] = await table();
    expect(row).toMatchObject({ amount, at });
  });

  it("reads float-formatted customer ids as integers", async () => {
    await ingestFiles(store.client, {
      kind: "transactions",
      files: [file("v.csv", `${header.join(",")}\nt1,17850.0,2011-01-05,3\n`)],
    });
    expect((await table())[0]?.customer_id).toBe("17850");
  });

  it("takes --date-format and --map", async () => {
    const f = file("m.csv", "Ref;Client;Day;Sales\nx1;k9;05/01/2011;4\n".replaceAll(";", ","));
    await ingestFiles(store.client, {
      kind: "transactions",
      files: [f],
      dateFormat: "%d/%m/%Y",
      map: { id: "Ref", customer_id: "Client", occurred_at: "Day", amount: "Sales" },
    });
    expect(await table()).toEqual([{ id: "x1", customer_id: "k9", at: "2011-01-05 00:00", amount: 4 }]);
  });

  it("keeps identical lines of one file as distinct records, and a reload adds none", async () => {
    const f = file("dup.csv", "customer_id,date,amount\nc1,2011-01-01,5\nc1,2011-01-01,5\nc2,2011-01-01,5\n");
    expect((await ingestFiles(store.client, { kind: "transactions", files: [f] })).rows_loaded).toBe(3);
    expect((await ingestFiles(store.client, { kind: "transactions", files: [f] })).rows_loaded).toBe(0);
    const copy = file("dup-copy.csv", readFileSync(f));
    expect((await ingestFiles(store.client, { kind: "transactions", files: [copy] })).rows_loaded).toBe(0);
  });

  it("keeps one record per id when a file repeats an id: the last line wins", async () => {
    const f = file(
      "rep.csv",
      `${header.join(",")}\nt1,c1,2011-01-05,1\nt2,c1,2011-01-06,2\nt1,c1,2011-01-05,9\n`,
    );
    expect((await ingestFiles(store.client, { kind: "transactions", files: [f] })).rows_loaded).toBe(2);
    expect((await table()).map((r) => [r.id, r.amount])).toEqual([
      ["t1", 9],
      ["t2", 2],
    ]);
  });

  it("updates customers in place and counts only real changes", async () => {
    const f1 = file("c.csv", "customer_id,segment,branch\nc1,gold,north\nc2,silver,south\n");
    const f2 = file("c2.csv", "customer_id,segment\nc1,platinum\nc2,silver\nc3,bronze\n");
    expect((await ingestFiles(store.client, { kind: "customers", files: [f1] })).rows_loaded).toBe(2);
    expect((await ingestFiles(store.client, { kind: "customers", files: [f1] })).rows_loaded).toBe(0);
    expect((await ingestFiles(store.client, { kind: "customers", files: [f2] })).rows_loaded).toBe(2);
    expect(await store.client.all(sql("SELECT id, segment, branch FROM customers ORDER BY id"))).toEqual([
      { id: "c1", segment: "platinum", branch: "north" },
      { id: "c2", segment: "silver", branch: "south" },
      { id: "c3", segment: "bronze", branch: null },
    ]);
  });
});

describe("bad input", () => {
  const good = file("good.csv", csv);
  const lines = [header.join(","), ...Array.from({ length: 9 }, (_, i) => `b${i},c${i},2011-01-0${i + 1},1`)];

  it.each([
    ["a bad date", 7, "2011-02-30", "occurred_at", "date"],
    ["a bad amount", 4, "12abc", "amount", "amount"],
    ["a missing date", 9, "", "occurred_at", "date"],
  ])(
    "a file with %s on line %i is rejected naming that line, and nothing is written",
    async (_n, line, value, field, column) => {
      await ingestFiles(store.client, { kind: "transactions", files: [good] });
      const bad = [...lines];
      const cells = (bad[line - 1] ?? "").split(",");
      cells[field === "amount" ? 3 : 2] = value;
      bad[line - 1] = cells.join(",");
      const f = file("bad.csv", `${bad.join("\n")}\n`);
      const error = await ingestFiles(store.client, { kind: "transactions", files: [good, f] }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IngestError);
      const problem = (error as IngestError).problems[0];
      expect(problem).toMatchObject({ file: f, line, field, column, value: value === "" ? null : value });
      expect((error as Error).message).toContain(`line ${line}`);
      expect(await table()).toEqual(expected);
    },
  );

  it("with skipBadRows loads the good rows and reports each bad one", async () => {
    const f = file(
      "mixed.csv",
      `${header.join(",")}\nk1,c1,2011-01-01,1\nk2,c1,nope,1\nk3,c1,2011-01-03,x\nk4,c1,2011-01-04,4\n`,
    );
    const s = await ingestFiles(store.client, { kind: "transactions", files: [f], skipBadRows: true });
    expect(s).toMatchObject({ rows_read: 4, rows_loaded: 2, rows_rejected: 2 });
    expect(s.problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [3, "occurred_at", "nope"],
      [4, "amount", "x"],
    ]);
  });

  it.each([
    ["a missing required column", "customer_id,amount\nc1,3\n", /required field 'occurred_at'/],
    ["a mapped column that is absent", "customer_id,date,amount\nc1,2011-01-01,3\n", /column 'Nope'/],
    ["an unreadable extension", null, /cannot tell the format/],
  ])("names the file on %s", async (name, content, message) => {
    const f = content === null ? file("x.xyz", "a") : file("m.csv", content);
    const map = name.startsWith("a mapped") ? { amount: "Nope" } : {};
    await expect(ingestFiles(store.client, { kind: "transactions", files: [f], map })).rejects.toThrow(
      message,
    );
    await expect(ingestFiles(store.client, { kind: "transactions", files: [f], map })).rejects.toThrow(f);
  });
});

describe("padded header names and constants (a real export's)", () => {
  const padded = header.map((h) => ` ${h}  `);
  const paddedJson = rows.map((r) => Object.fromEntries(padded.map((h, i) => [h, r[i]])));
  it.each([
    ["csv with a BOM", () => file("p.csv", `\uFEFF${[padded, ...rows].map((r) => r.join(",")).join("\n")}`)],
    ["tsv", () => file("p.tsv", [padded, ...rows].map((r) => r.join("\t")).join("\n"))],
    ["jsonl", () => file("p.jsonl", paddedJson.map((o) => JSON.stringify(o)).join("\n"))],
  ])("%s: every field is found by the trimmed name", async (_, make) => {
    const summary = await ingestFiles(store.client, { kind: "transactions", files: [make()] });
    expect(summary.mappings?.[0]?.columns).toEqual({
      id: "transaction_id",
      customer_id: "customer_id",
      occurred_at: "date",
      amount: "amount",
    });
    expect(await table()).toEqual(expected);
  });

  it("--set gives required fields a constant; rows without an answer are skipped", async () => {
    const f = file("s.csv", "Customerid ,Churnreason ,Churncategory \nc1,Price too high,Price\nc2,,\n");
    const summary = await ingestFiles(store.client, {
      kind: "surveys",
      files: [f],
      set: { survey: "exit", occurred_at: "2024-01-01" },
    });
    expect([summary.rows_read, summary.rows_loaded, summary.rows_skipped]).toEqual([2, 1, 1]);
    expect(
      await store.client.all(
        sql(
          "SELECT customer_id, survey, strftime(occurred_at, '%Y-%m-%d') AS d, reason, reason_category FROM survey_responses",
        ),
      ),
    ).toEqual([
      {
        customer_id: "c1",
        survey: "exit",
        d: "2024-01-01",
        reason: "Price too high",
        reason_category: "Price",
      },
    ]);
  });

  it.each([
    [{ surveyy: "exit", occurred_at: "2024-01-01" }, /unknown surveys field 'surveyy' in --set/],
    [
      { survey: "exit" },
      /no column for required field 'occurred_at'; use --map occurred_at=COLUMN or --set occurred_at=VALUE/,
    ],
  ])("refuses %j", async (set, message) => {
    const f = file("s.csv", "Customerid,Churnreason\nc1,Price\n");
    await expect(ingestFiles(store.client, { kind: "surveys", files: [f], set })).rejects.toThrow(message);
  });
});
