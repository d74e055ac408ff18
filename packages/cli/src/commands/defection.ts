import { readFileSync } from "node:fs";
import { defectionBacktest, defectionRate, runDefection } from "@vafa/app";
import {
  DefectionError,
  type DefectionRules,
  defaultDefectionRules,
  LOCALES,
  type Locale,
  parseDefectionRules,
  parsePeriodArg,
} from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

/**
 * Reads a rule set from a JSON file: either the rules object itself or a config file with a
 * `defection` key (so `vafa.config.json` works). Default: the built-in rules.
 */
export function readRules(path: string | undefined): DefectionRules {
  if (path === undefined) return defaultDefectionRules;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DefectionError(`cannot read rules from ${path}: ${(error as Error).message}`);
  }
  const o = parsed as Record<string, unknown>;
  return parseDefectionRules(typeof o === "object" && o !== null && "defection" in o ? o.defection : parsed);
}

function parseLocale(value: string): Locale {
  const found = LOCALES.find((l) => l === value);
  if (found === undefined) throw new DefectionError(`--locale must be one of ${LOCALES.join(", ")}`);
  return found;
}

function parseDays(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new DefectionError(`${flag} expects a whole number of days, got "${value}"`);
  return Number(value);
}

const pct = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(1)}%`);

/** `vafa defection run|rate|backtest`: statuses and alerts, the key figure, and tuning on history. */
export function defectionCommand(): Command {
  const root = new Command("defection").description(
    "defection: business-defined rules, statuses and alerts, the defection rate per branch and employee, backtests",
  );
  root
    .command("run")
    .description(
      "recompute every customer's status (active, at_risk, defected, reactivated) and create alerts for new at-risk or defected customers",
    )
    .option("--as-of <date>", "use data up to this day, YYYY-MM-DD (default today)")
    .option("--rules <file>", 'JSON file with the rule set (or a config file with a "defection" key)')
    .option("--locale <locale>", `language of alert reasons: ${LOCALES.join(" | ")}`, "en")
    .option(
      "--max-alert-age <days>",
      "no alert for customers whose threshold was crossed longer ago than this",
      "90",
    )
    .action(
      async (
        opts: { asOf?: string; rules?: string; locale: string; maxAlertAge: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const summary = await withEngine(config, { feature: "defection-run" }, (engine) =>
          runDefection(engine, {
            rules: readRules(opts.rules),
            locale: parseLocale(opts.locale),
            maxAlertAgeDays: parseDays(opts.maxAlertAge, "--max-alert-age"),
            ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
          }),
        );
        if (json) return printJson(summary);
        const s = summary.statuses;
        process.stdout.write(
          `as of ${summary.asOf}: ${summary.customers} customers — ${s.active} active, ${s.at_risk} at risk, ${s.defected} defected, ${s.reactivated} reactivated\n` +
            `${summary.changed} status changes, ${summary.alertsCreated} new alerts, ${summary.alertsClosed} alerts closed, ${summary.deliveriesQueued} webhook deliveries queued\n`,
        );
        for (const n of summary.notes) process.stdout.write(`note: ${n}\n`);
      },
    );
  root
    .command("rate")
    .description(
      "defection rate per period (customers at start, defected, rate with 95% interval, value lost, trend), overall or per branch or owner, and a ranking that does not judge on noise",
    )
    .option("--period <period>", "day | week | month | quarter | year | Nd", "month")
    .option("--by <dimension>", "branch | owner | attr.NAME (a customer attribute)")
    .option("--periods <n>", "how many complete periods", "12")
    .option("--to <date>", "last day considered (default the last transaction day)")
    .option("--rules <file>", "JSON file with the rule set")
    .action(
      async (
        opts: { period: string; by?: string; periods: string; to?: string; rules?: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const attribute = /^attr\.(.+)$/i.exec(opts.by ?? "")?.[1];
        if (opts.by !== undefined && opts.by !== "branch" && opts.by !== "owner" && attribute === undefined) {
          throw new DefectionError(
            `--by must be branch, owner or attr.NAME (a customer attribute; teams are not in the data model yet), got "${opts.by}"`,
          );
        }
        const by =
          attribute === undefined
            ? ((opts.by as "branch" | "owner" | undefined) ?? null)
            : (`attr.${attribute}` as const);
        const report = await withEngine(config, { feature: "defection-rate" }, (engine) =>
          defectionRate(engine, {
            period: parsePeriodArg(opts.period),
            by,
            periods: parseDays(opts.periods, "--periods"),
            rules: readRules(opts.rules),
            ...(opts.to === undefined ? {} : { to: opts.to }),
          }),
        );
        if (json) return printJson(report);
        printTable(
          report.rows.map((r) => ({
            ...r,
            group: r.group ?? "(all)",
            rate: pct(r.rate),
            ci: `${pct(r.low)}–${pct(r.high)}`,
            trend: r.trend === null ? "" : `${r.trend >= 0 ? "+" : ""}${(r.trend * 100).toFixed(1)} pt`,
            valueLost: Math.round(r.valueLost),
          })),
          [
            ["period", "period"],
            ["group", by ?? "group"],
            ["customersAtStart", "at start"],
            ["defected", "defected"],
            ["rate", "rate"],
            ["ci", "95% interval"],
            ["valueLost", "value lost"],
            ["trend", "trend"],
          ],
        );
        if (report.ranking.length > 0) {
          process.stdout.write(
            "\nranking (lowest defection first; * = not distinguishable from the overall rate)\n",
          );
          printTable(
            report.ranking.map((r) => ({ ...r, rate: `${pct(r.rate)}${r.distinguishable ? "" : " *"}` })),
            [
              ["rank", "rank"],
              ["group", by ?? "group"],
              ["customersAtStart", "at start"],
              ["rate", "rate"],
            ],
          );
        }
        for (const n of report.notes) process.stdout.write(`note: ${n}\n`);
      },
    );
  root
    .command("backtest")
    .description(
      'run the rules on data up to --as-of and score them against who bought nothing in the next --window days, next to a naive "silent for 90 days" rule',
    )
    .requiredOption("--as-of <date>", "YYYY-MM-DD")
    .requiredOption("--window <days>", "days after as-of in which no purchase means defected")
    .option("--rules <file>", "JSON file with the rule set")
    .option("--naive-days <days>", "silence of the naive rule", "90")
    .option("--lookback <days>", "judge customers with a purchase in this many days before as-of", "365")
    .action(
      async (
        opts: { asOf: string; window: string; rules?: string; naiveDays: string; lookback: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const r = await withEngine(config, { feature: "defection-backtest" }, (engine) =>
          defectionBacktest(engine, {
            asOf: opts.asOf,
            windowDays: parseDays(opts.window, "--window"),
            rules: readRules(opts.rules),
            naiveDays: parseDays(opts.naiveDays, "--naive-days"),
            lookbackDays: parseDays(opts.lookback, "--lookback"),
          }),
        );
        if (json) return printJson(r);
        process.stdout.write(
          `as of ${r.asOf}, window to ${r.windowEnd}: ${r.customers} customers, ${r.actualDefectors} made no purchase in the window\n\n`,
        );
        const row = (name: string, s: typeof r.rules) => ({
          name,
          flagged: s.flagged,
          tp: s.truePositives,
          precision: pct(s.precision),
          recall: pct(s.recall),
          f1: s.f1 === null ? "" : s.f1.toFixed(3),
          lead: s.medianLeadDays,
        });
        printTable(
          [
            row("rules (at risk or defected)", r.rules),
            row("rules (defected only)", r.rulesDefectedOnly),
            row(`naive (silent > ${r.naive.silentDays} days)`, r.naive),
          ],
          [
            ["name", "rule"],
            ["flagged", "flagged"],
            ["tp", "true positives"],
            ["precision", "precision"],
            ["recall", "recall"],
            ["f1", "F1"],
            ["lead", "median lead (days)"],
          ],
        );
        process.stdout.write(
          `\n${r.beatsNaive ? "the rules beat" : "the rules do not beat"} the naive rule on both precision and recall\n`,
        );
        if (r.model !== null) {
          process.stdout.write(
            `model rule: ${r.model.model} fitted on the history up to ${r.model.calibrationEnd} only (${r.model.customers} customers)\n`,
          );
        }
        for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
      },
    );
  return root;
}
