import { join } from "node:path";
import { sql } from "@vafa/core";
import { ingestFiles } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { progressBar } from "../progressBar.ts";
import { projectRoot } from "../projectRoot.ts";
import { withStore } from "../withStore.ts";

/** The project's own copy of UCI Online Retail (CC BY 4.0), so the demo needs nothing outside. */
export const demoFile = join(projectRoot(), "data", "online-retail", "online-retail.csv.gz");

/** `vafa demo`: builds the demo database from the bundled Online Retail data and prints the headline report. */
export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "load the bundled UCI Online Retail data (541,909 lines) into the store and print the headline report",
    )
    .action(async (_opts, command: Command) => {
      const { db, json } = globalOptions(command);
      const bar = json ? undefined : progressBar("loading Online Retail");
      await withStore(db, async (store) => {
        const load = await ingestFiles(store.client, {
          kind: "transactions",
          files: [demoFile],
          preset: "online-retail",
          ...(bar ? { onProgress: (f: number) => bar(f) } : {}),
        });
        const [overview] = await store.client.all(
          sql(`SELECT count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders,
            round(sum(amount), 2) AS net_sales, round(-sum(amount) FILTER (WHERE amount < 0), 2) AS returns,
            strftime(min(occurred_at), '%Y-%m-%d') AS first_day, strftime(max(occurred_at), '%Y-%m-%d') AS last_day
            FROM transactions`),
        );
        const report = { db, load: { rows_read: load.rows_read, rows_loaded: load.rows_loaded }, overview };
        if (json) {
          printJson(report);
          return;
        }
        const o = overview ?? {};
        const n = (v: unknown) => Number(v).toLocaleString("en-US");
        process.stdout.write(
          `Vafa demo — UCI Online Retail in ${db}\n` +
            `${n(o.customers)} customers, ${n(o.orders)} orders, ${o.first_day} → ${o.last_day}\n` +
            `net sales ${n(o.net_sales)}, returns ${n(o.returns)}\n`,
        );
      });
    });
}
