import { type CohortMetric, type CohortMode, type CohortRelativeTo, runCohorts } from "@vafa/core";
import { Command, Option } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { measureOptions, percent, withMeasureOptions } from "./retention.ts";

/** `vafa cohorts --period P`: acquisition cohorts and the share still active k periods later. */
export function cohortsCommand(): Command {
  return withMeasureOptions(
    new Command("cohorts").description(
      "acquisition cohorts (first active period) and the share still active, or of sales/profit, k periods later",
    ),
  )
    .addOption(
      new Option("--metric <metric>", "what a cell measures")
        .choices(["count", "sales", "profit"])
        .default("count"),
    )
    .addOption(
      new Option("--mode <mode>", "active in period k, or in k or later")
        .choices(["on", "on-or-after"])
        .default("on"),
    )
    .addOption(
      new Option("--relative-to <base>", "share of period 0 or of the previous period")
        .choices(["first", "previous"])
        .default("first"),
    )
    .action(async (opts: Record<string, unknown>, command: Command) => {
      const { config, json } = globalOptions(command);
      const { by: _by, ...measure } = measureOptions(opts);
      const options = {
        ...measure,
        metric: opts.metric as CohortMetric,
        mode: opts.mode as CohortMode,
        relativeTo: opts.relativeTo as CohortRelativeTo,
      };
      const table = await withEngine(config, { feature: "cohorts" }, (engine) =>
        runCohorts(engine.facts, engine.dialect, options),
      );
      if (json) {
        printJson(table);
        return;
      }
      const width = table.mean.length;
      const ks = Array.from({ length: width }, (_, k) => k);
      const row = (label: string, size: number | string, values: readonly (number | null)[]) => ({
        cohort: label,
        size,
        ...Object.fromEntries(ks.map((k) => [`k${k}`, k < values.length ? percent(values[k] ?? null) : ""])),
      });
      printTable(
        [...table.cohorts.map((c) => row(c.cohort, c.size, c.values)), row("mean", "", table.mean)],
        [["cohort", "cohort"], ["size", "size"], ...ks.map((k) => [`k${k}`, String(k)] as const)],
      );
    });
}
