import { join } from "node:path";
import { type FactsSummary, factsSummary, runDefection, type ScoreReport, scoreStore } from "@vafa/app";
import { duckdbDialect, type RetentionRow } from "@vafa/core";
import { ingestFiles, retention } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { portArg } from "../portArg.ts";
import { progressBar } from "../progressBar.ts";
import { projectRoot } from "../projectRoot.ts";
import { withEmbedded } from "../withEngine.ts";
import { identificationNotice } from "./clvFit.ts";
import { spread } from "./clvScore.ts";

/** The project's own copy of UCI Online Retail (CC BY 4.0), so the demo needs nothing outside. */
export const demoFile = join(projectRoot(), "data", "online-retail", "online-retail.csv.gz");

const percent = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(1)}%`);

/**
 * `vafa demo`: builds the demo database from the bundled Online Retail data — load, branches (each
 * customer's country), lifetime-value scores, defection statuses and alerts, the documented demo
 * users — prints the headline report, and with `--serve` serves the dashboard. Every step is
 * idempotent, so running it again refreshes the scores and statuses and adds no data.
 */
export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "load the bundled UCI Online Retail data (541,909 lines), score and check every customer, print the headline report; --serve then serves the dashboard",
    )
    .option("--serve", "serve the dashboard afterwards")
    .option("--port <n>", "port for --serve (0: any free port)", portArg, 8080)
    .action(async (opts: { serve?: boolean; port: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      const db = config.db;
      const bar = json ? undefined : progressBar("loading Online Retail");
      const { createDemoUser, demoUsers, prepareDemoBranches, sqlStateStore, startServer } = await import(
        "@vafa/server"
      );
      const report = await withEmbedded(
        config,
        { feature: "demo", create: true, needsData: false },
        async (store) => {
          const load = await ingestFiles(store.client, {
            kind: "transactions",
            files: [demoFile],
            preset: "online-retail",
            ...(bar ? { onProgress: (f: number) => bar(f) } : {}),
          });
          await prepareDemoBranches(store.client);
          const overview = await factsSummary(store.engine);
          // The scoring flow of `vafa clv score`: fits reused when the data are unchanged.
          const scores = await scoreStore(store.engine, { model: "bgnbd", unit: "week" });
          const defection = await runDefection(store.engine, { asOf: String(overview.last_day) });
          await createDemoUser(sqlStateStore(store.client));
          const monthly = await retention(store.client, duckdbDialect, { period: { unit: "month" } });
          return {
            db,
            load: { rows_read: load.rows_read, rows_loaded: load.rows_loaded },
            overview,
            clv: {
              customers: scores.customers,
              total_clv: scores.total_clv,
              mean_p_alive: scores.mean_p_alive,
              distribution: scores.distribution,
              identification: scores.identification,
            },
            defection: {
              as_of: defection.asOf,
              statuses: defection.statuses,
              alerts_created: defection.alertsCreated,
            },
            retention: monthly,
          };
        },
      );
      if (json) printJson(report);
      else printHeadline(report.overview, report.clv, report.defection, report.retention);
      if (!opts.serve) return;
      const server = await startServer({ db, state: "duckdb", host: "127.0.0.1", port: opts.port });
      const [admin, agent] = demoUsers;
      // With --json, stdout holds only the JSON document.
      (json ? process.stderr : process.stdout).write(
        `\nVafa serving ${server.url}\nlog in as ${admin.email} / ${admin.password} (admin) or ${agent.email} / ${agent.password} (agent, branch ${agent.branch})\n`,
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

function printHeadline(
  o: FactsSummary,
  clv: Pick<ScoreReport, "customers" | "total_clv" | "distribution" | "identification">,
  defection: { as_of: string; statuses: Record<string, number>; alerts_created: number },
  rows: readonly RetentionRow[],
): void {
  const n = (x: unknown) => Math.round(Number(x)).toLocaleString("en-US");
  process.stdout.write(
    `Vafa demo — UCI Online Retail\n` +
      `${n(o.customers)} customers, ${n(o.orders)} orders, ${o.first_day} → ${o.last_day}; ` +
      `net sales ${n(o.net_sales)}, returns ${n(o.returns)}\n` +
      `lifetime value (BG/NBD × Gamma-Gamma, next 12 months): ${n(clv.total_clv)} across ${n(clv.customers)} customers\n` +
      `P(alive): ${spread(clv.distribution.p_alive, 2)}; purchases expected in 12 months: ${spread(clv.distribution.expected_purchases, 1)}\n` +
      (clv.identification === null ? "" : identificationNotice({ identification: clv.identification })) +
      `as of ${defection.as_of}: ${n(defection.statuses.at_risk ?? 0)} at risk, ${n(defection.statuses.defected ?? 0)} defected; ${n(defection.alerts_created)} new alerts\n\n` +
      "Monthly retention (* = period not fully covered by the data)\n",
  );
  printTable(
    rows.map((r) => ({
      period: `${r.period}${r.complete ? "" : " *"}`,
      active_start: r.active_start,
      retained: r.retained,
      new: r.new,
      raw: percent(r.raw),
      sales: percent(r.sales_adjusted),
      grr: percent(r.gross_revenue_retention),
    })),
    [
      ["period", "month"],
      ["active_start", "active at start"],
      ["retained", "retained"],
      ["new", "new"],
      ["raw", "raw retention"],
      ["sales", "sales-adjusted"],
      ["grr", "gross revenue retention"],
    ],
  );
}
