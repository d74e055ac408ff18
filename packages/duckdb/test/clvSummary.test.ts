import {
  compressedSummaryQuery,
  customerSummaryQuery,
  duckdbDialect,
  type SummaryOptions,
  sql,
} from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, type Store } from "../src/index.ts";
import { dataset } from "./datasets.ts";
import { purchaseDayLoads } from "./purchaseDayLoads.ts";

describe("the model summary built from CDNOW_sample.txt", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    await ingestFiles(store.client, {
      kind: "transactions",
      files: [dataset("cdnow/CDNOW_sample.txt")],
      preset: "cdnow",
    });
  });
  afterAll(() => store.close());

  it("reproduces cdnow_customers_summary_with_transactions.csv for every customer", async () => {
    const q = customerSummaryQuery(duckdbDialect, { calibrationEnd: "1997-09-30", unit: "week" });
    // The sample's second column is the sample id that the published summary calls ID.
    const rows = await store.client.all(
      sql(
        `WITH ours AS (${q.sql}),
        ids AS (SELECT DISTINCT trim(split_part(trim(line), ' ', 1)) AS customer_id,
            CAST(regexp_extract(trim(line), '^\\S+\\s+(\\S+)', 1) AS INTEGER) AS "ID"
          FROM read_csv($2, columns = {'line': 'VARCHAR'}, header = false, delim = E'\\x1f', quote = ''))
        SELECT p."ID", p.x AS px, o.x AS ox, p.t_x AS pt, o.t_x AS ot, p."T" AS "pT", o."T" AS "oT",
          p.zbar AS pz, o.monetary AS oz
        FROM read_csv($3) p LEFT JOIN ids USING ("ID") LEFT JOIN ours o USING (customer_id) ORDER BY p."ID"`,
        [
          ...q.params,
          dataset("cdnow/CDNOW_sample.txt"),
          dataset("cdnow/cdnow_customers_summary_with_transactions.csv"),
        ],
      ),
    );
    expect(rows).toHaveLength(2357);
    const mismatches = rows.filter(
      (r) =>
        r.px !== r.ox ||
        Math.abs(Number(r.pt) - Number(r.ot)) > 0.0051 ||
        Math.abs(Number(r.pT) - Number(r.oT)) > 0.0051 ||
        Math.abs(Number(r.pz) - (r.oz === null ? 0 : Number(r.oz))) > 0.0051,
    );
    expect(mismatches).toEqual([]);
  });

  it("compresses the 2,357 customers into far fewer distinct (x, t_x, T) patterns that sum back", async () => {
    const rows = await store.client.all(
      compressedSummaryQuery(duckdbDialect, { calibrationEnd: "1997-09-30", unit: "week" }),
    );
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(2357);
    expect(rows.length).toBeLessThan(2357);
    expect(rows[0]).toMatchObject({ x: 0, t_x: 0 });
  });

  it("counts holdout purchases after the calibration end", async () => {
    const q = customerSummaryQuery(duckdbDialect, {
      calibrationEnd: "1997-09-30",
      holdoutEnd: "1998-06-30",
      unit: "week",
    });
    const [r] = await store.client.all(
      sql(`SELECT sum(holdout_x) AS hx, count(*) AS n FROM (${q.sql}) s`, q.params),
    );
    // Independent count: distinct (customer, day) purchases in the sample after 1997-09-30.
    const [c] = await store.client.all(
      sql(`SELECT count(*) AS hx FROM (SELECT DISTINCT customer_id, CAST(occurred_at AS DATE) FROM transactions
        WHERE occurred_at >= TIMESTAMP '1997-10-01' AND amount >= 0)`),
    );
    expect(r).toEqual({ hx: c?.hx, n: 2357 });
  });
});

describe("the purchase-day table", () => {
  const { first, second } = purchaseDayLoads();
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    for (const files of [[first], [second], [second]])
      await ingestFiles(store.client, { kind: "transactions", files });
  });
  afterAll(() => store.close());

  it("holds one merged row per customer and day of every load", async () => {
    const rows = await store.client.all(
      sql("SELECT customer_id, day, spend, top FROM customer_days ORDER BY customer_id, day"),
    );
    const day = (d: string) => Date.parse(d) / 86_400_000;
    expect(rows).toEqual([
      { customer_id: "a", day: day("2024-01-01"), spend: 7, top: 10 },
      { customer_id: "a", day: day("2024-01-05"), spend: 3, top: 8 },
      { customer_id: "a", day: day("2024-01-10"), spend: 16, top: 20 },
      { customer_id: "b", day: day("2024-01-03"), spend: 4, top: 4 },
      { customer_id: "b", day: day("2024-01-20"), spend: -1, top: -1 },
      { customer_id: "b", day: day("2024-02-01"), spend: 5, top: 5 },
      { customer_id: "c", day: day("2024-02-02"), spend: -2, top: -2 },
    ]);
  });

  const cases: [string, SummaryOptions][] = [
    ["days", { unit: "day" }],
    ["weeks with a calibration end", { unit: "week", calibrationEnd: "2024-01-07" }],
    ["a holdout", { unit: "day", calibrationEnd: "2024-01-05", holdoutEnd: "2024-02-28" }],
  ];
  it.each(cases)("gives the summary of grouping the transactions themselves: %s", async (_, options) => {
    const read = async (dialect: typeof duckdbDialect) => {
      const q = customerSummaryQuery(dialect, options);
      return store.client.all(sql(`SELECT * FROM (${q.sql}) s ORDER BY customer_id`, q.params));
    };
    const fromDays = await read(duckdbDialect);
    expect(fromDays.length).toBeGreaterThan(0);
    expect(fromDays).toEqual(await read({ ...duckdbDialect, customerDays: null }));
  });
});
