import { compressedSummaryQuery, customerSummaryQuery, duckdbDialect, sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, type Store } from "../src/index.ts";
import { dataset } from "./datasets.ts";

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
