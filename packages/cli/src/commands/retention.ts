import { type ActivityRule, parsePeriodArg, type RetentionOptions, runRetention } from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

function numberArg(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n))
      throw new InvalidArgumentError(`${name} must be a number`);
    return n;
  };
}

/**
 * Adds the flags shared by `retention`, `cohorts` and `lifecycle`: the period and its calendar,
 * the time zone, the activity rule, the margin and the reported date range.
 *
 * @example
 * withMeasureOptions(new Command("retention")).action((opts) => measureOptions(opts));
 */
export function withMeasureOptions(command: Command): Command {
  return command
    .requiredOption("--period <period>", "day | week | month | quarter | year | fiscal-year | Nd (e.g. 28d)")
    .option("--calendar <calendar>", "gregorian | persian | islamic (months, quarters, years)")
    .option("--fiscal-start <MM-DD>", "first day of the fiscal year, in the chosen calendar")
    .option("--week-start <day>", "first weekday of a week: 1–7 (Monday = 1) or a day name")
    .option("--anchor <YYYY-MM-DD>", "first day of bucket 0 for N-day periods")
    .option("--time-zone <zone>", "IANA time zone whose civil days bucket the timestamps", "UTC")
    .option(
      "--min-count <n>",
      "purchases (orders) needed in a period to count as active",
      numberArg("--min-count"),
    )
    .option("--min-spend <x>", "net sales needed in a period to count as active", numberArg("--min-spend"))
    .option("--activity-type <type...>", "activity-table event types that also count as activity")
    .option("--margin <m>", "profit share of sales for transactions without a cost", numberArg("--margin"))
    .option("--from <YYYY-MM-DD>", "first day whose period is reported")
    .option("--to <YYYY-MM-DD>", "last day whose period is reported");
}

/** Reads the flags of `withMeasureOptions` into `RetentionOptions` (validated later by the core). */
export function measureOptions(opts: Record<string, unknown>): RetentionOptions {
  const text = (key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);
  const period = parsePeriodArg(text("period") ?? "", {
    calendar: text("calendar"),
    fiscalStart: text("fiscalStart"),
    weekStart: text("weekStart"),
    anchor: text("anchor"),
  });
  const activity: ActivityRule = {
    ...(typeof opts.minCount === "number" ? { minCount: opts.minCount } : {}),
    ...(typeof opts.minSpend === "number" ? { minSpend: opts.minSpend } : {}),
    ...(Array.isArray(opts.activityType) ? { activityTypes: opts.activityType.map(String) } : {}),
  };
  return {
    period,
    activity,
    ...(text("by") !== undefined ? { by: text("by") as string } : {}),
    ...(text("timeZone") !== undefined ? { timeZone: text("timeZone") as string } : {}),
    ...(typeof opts.margin === "number" ? { margin: opts.margin } : {}),
    ...(text("from") !== undefined ? { from: text("from") as string } : {}),
    ...(text("to") !== undefined ? { to: text("to") as string } : {}),
  };
}

/** A fraction as a percentage for text tables ("" for null). */
export function percent(value: number | null): string {
  return value === null ? "" : `${(value * 100).toFixed(1)}%`;
}

/** `vafa retention --period P`: the three retention rates per period (DESIGN.md §3). */
export function retentionCommand(): Command {
  return withMeasureOptions(
    new Command("retention").description(
      "retention per period: active base, retained, new, resurrected, lost; raw, sales- and profit-adjusted rates",
    ),
  )
    .option(
      "--by <dimension>",
      "group by a customer (segment, region, country, branch, owner, channel) or transaction (category, product, …; prefix transaction.) dimension, or a customer attribute from a customers file (attr.NAME, e.g. attr.Contract)",
    )
    .action(async (opts: Record<string, unknown>, command: Command) => {
      const { config, json } = globalOptions(command);
      const options = measureOptions(opts);
      const rows = await withEngine(config, { feature: "retention" }, (engine) =>
        runRetention(engine.facts, engine.dialect, options),
      );
      if (json) {
        printJson({ period: typeof opts.period === "string" ? opts.period : "", rows });
        return;
      }
      const grouped = options.by !== undefined;
      printTable(
        rows.map((r) => ({
          ...r,
          period: r.complete ? r.period : `${r.period}*`,
          raw: percent(r.raw),
          churn: percent(r.churn),
          sales_adjusted: percent(r.sales_adjusted),
          sales_base_weighted: percent(r.sales_base_weighted),
          gross_revenue_retention: percent(r.gross_revenue_retention),
          profit_adjusted: percent(r.profit_adjusted),
          profit_base_weighted: percent(r.profit_base_weighted),
          gross_profit_retention: percent(r.gross_profit_retention),
        })),
        [
          ["period", "period"],
          ...(grouped ? ([["group", "group"]] as const) : []),
          ["active_start", "base"],
          ["retained", "retained"],
          ["new", "new"],
          ["resurrected", "back"],
          ["lost", "lost"],
          ["raw", "raw"],
          ["churn", "churn"],
          ["sales_adjusted", "sales adj"],
          ["sales_base_weighted", "sales base-w"],
          ["gross_revenue_retention", "GRR"],
          ["profit_adjusted", "profit adj"],
          ["profit_base_weighted", "profit base-w"],
          ["gross_profit_retention", "GPR"],
        ],
      );
      if (rows.some((r) => !r.complete))
        process.stdout.write("* incomplete period: the data does not cover all of it\n");
    });
}
