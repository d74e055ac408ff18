import { runRepurchaseCycle } from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

function percent(share: number | null): string {
  return share === null ? "" : `${(share * 100).toFixed(1)}%`;
}

function days(value: number | null): string {
  return value === null ? "–" : `${Number(value.toFixed(2))}`;
}

/** `vafa repurchase-cycle`: each customer's median gap between purchase days and the period it suggests. */
export function repurchaseCycleCommand(): Command {
  return new Command("repurchase-cycle")
    .description(
      "distribution of each customer's median days between purchase days (amount > 0, same-day purchases once) and the shortest period covering most customers' cycles",
    )
    .option("--time-zone <iana>", "count purchase days in this time zone (default UTC), e.g. Asia/Tehran")
    .action(async (opts: { timeZone?: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const options = { timeZone: opts.timeZone ?? null };
      const cycle = await withEngine(config, { feature: "repurchase-cycle" }, (engine) =>
        runRepurchaseCycle(engine.facts, engine.dialect, options),
      );
      if (json) {
        printJson(cycle);
        return;
      }
      process.stdout.write(`${cycle.summary}\n\n`);
      if (cycle.customers === 0) return;
      printTable(
        cycle.buckets.map((b) => ({ ...b, share: percent(b.share) })),
        [
          ["label", "median gap (days)"],
          ["customers", "customers"],
          ["share", "share"],
        ],
      );
      const q = cycle.quantiles;
      process.stdout.write(
        `\nquantiles of the medians (days): p25 ${days(q.p25)}, p50 ${days(q.p50)}, p75 ${days(q.p75)}, p90 ${days(q.p90)}\n\n`,
      );
      printTable(
        cycle.coverage.map((c) => ({ ...c, share: percent(c.share) })),
        [
          ["period", "period"],
          ["days", "up to days"],
          ["customers", "customers covered"],
          ["share", "share"],
        ],
      );
    });
}
