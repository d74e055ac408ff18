import { Readable } from "node:stream";
import type { CustomerFrame, CustomerScores, SqlQuery } from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";
import { escapeTabSeparated, parseTabSeparated } from "./tabSeparated.ts";

/** Rows per chunk of the streamed insert. */
const ROWS_PER_CHUNK = 20_000;

/** A Date as ClickHouse's `DateTime('UTC')` text. */
const dateTime = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

/** A double as TabSeparated text: JavaScript's shortest exact form, `nan`/`inf` as ClickHouse spells them. */
function number(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Number.POSITIVE_INFINITY) return "inf";
  if (v === Number.NEGATIVE_INFINITY) return "-inf";
  return String(v);
}

/**
 * The ClickHouse `CustomerFrame`: the query's rows come over as tab-separated text (the customer ids
 * are kept here), and scores go back in one streamed insert into `customer_scores` — through the
 * Distributed table on a cluster, so each customer's row lands on the shard of their facts; the
 * insert waits until every shard has its rows. ClickHouse has no transactions: the table is emptied
 * on every shard first, so a failed insert leaves it partly written until the next score.
 *
 * @example
 * const frame = await clickhouseCustomerFrame(engine, sql("SELECT customer_id, x FROM …"));
 */
export async function clickhouseCustomerFrame(
  engine: ClickHouseEngine,
  query: SqlQuery,
): Promise<CustomerFrame> {
  const parsed = parseTabSeparated(await engine.client.tabSeparated(query), ["customer_id"]);
  let ids: string[] | undefined = parsed.texts.customer_id;
  if (ids === undefined) throw new Error("a customer frame needs a customer_id column");
  const size = parsed.rows;
  return {
    size,
    columns: parsed.numbers,
    async replaceScores(scores: CustomerScores): Promise<void> {
      const keys = ids;
      if (keys === undefined) throw new Error("the customer frame was released");
      const columns = [
        scores.p_alive,
        scores.expected_purchases,
        scores.expected_spend,
        scores.clv,
        scores.historical_value,
      ];
      if (columns.some((c) => c.length !== size))
        throw new RangeError(`scores for ${columns[0]?.length} customers, the frame has ${size}`);
      const fixed = `\t${escapeTabSeparated(scores.model)}\t${dateTime(scores.scoredAt)}\t${escapeTabSeparated(scores.calibrationEnd)}\t${Math.round(scores.horizonDays)}`;
      function* chunks(): Generator<string> {
        for (let start = 0; start < size; start += ROWS_PER_CHUNK) {
          let text = "";
          for (let i = start; i < Math.min(size, start + ROWS_PER_CHUNK); i++) {
            text += escapeTabSeparated(keys?.[i] as string) + fixed;
            for (const c of columns) text += `\t${number(c[i] as number)}`;
            text += "\n";
          }
          yield text;
        }
      }
      if (engine.cluster === null)
        await engine.client.run({ sql: `TRUNCATE TABLE ${engine.database}.customer_scores`, params: [] });
      else await engine.runOnEveryNode(`TRUNCATE TABLE ${engine.database}.customer_scores_local`);
      await engine.client.http.insert({
        table: `${engine.database}.customer_scores`,
        values: Readable.from(chunks(), { objectMode: false }),
        format: "TabSeparated",
        columns: [
          "customer_id",
          "model",
          "scored_at",
          "calibration_end",
          "horizon_days",
          "p_alive",
          "expected_purchases",
          "expected_spend",
          "clv",
          "historical_value",
        ],
        // Wait until every shard has its rows, so a read right after sees them all.
        clickhouse_settings: { insert_distributed_sync: 1 },
      });
    },
    async release(): Promise<void> {
      ids = undefined;
    },
  };
}
