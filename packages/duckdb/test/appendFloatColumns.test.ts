import { sql } from "@vafa/core";
import { describe, expect, it } from "vitest";
import { appendFloatColumns } from "../src/appendFloatColumns.ts";
import { openStore } from "../src/index.ts";
import { readFloatColumns } from "../src/readColumns.ts";

describe("appendFloatColumns", () => {
  it.each([0, 1, 2048, 2049, 5000])("appends %i rows exactly, chunk boundaries included", async (rows) => {
    const store = await openStore(":memory:");
    try {
      await store.client.run(sql("CREATE TEMP TABLE t (i DOUBLE, v DOUBLE)"));
      const i = Float64Array.from({ length: rows }, (_, k) => k);
      const v = Float64Array.from({ length: rows }, (_, k) =>
        k === 7 ? Number.NaN : Math.sqrt(k) / 3 - 1e-300,
      );
      await appendFloatColumns(store.client, "t", [i, v]);
      const back = await readFloatColumns(store.client, sql("SELECT i, v FROM t ORDER BY i"));
      expect(back.i).toEqual(i);
      expect(back.v).toEqual(v);
    } finally {
      store.close();
    }
  });

  it("refuses columns of different lengths", async () => {
    const store = await openStore(":memory:");
    try {
      await store.client.run(sql("CREATE TEMP TABLE t (a DOUBLE, b DOUBLE)"));
      await expect(
        appendFloatColumns(store.client, "t", [new Float64Array(2), new Float64Array(3)]),
      ).rejects.toThrow(/differ in length/);
    } finally {
      store.close();
    }
  });
});
