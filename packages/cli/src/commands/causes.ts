import { readFileSync } from "node:fs";
import {
  analyseDrivers,
  CausesError,
  type DriverDataset,
  type DriverReport,
  defectorProfiles,
  type ProfileReport,
  parseCsv,
  tableDriverDataset,
} from "@vafa/core";
import { defectionDrivers, defectionProfiles, defectionReasons } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withStore } from "../withStore.ts";

const METHOD = `
Method: one row per customer as of --as-of (default: the last transaction day minus --window).
Outcome: no purchase in the following --window days (or, with --outcome-status, the status of
\`vafa defection run\`). Candidate drivers: a complaint of each category, an unresolved complaint,
slow resolution (median over 72 h), CSAT and NPS group, discount buying, channel, tenure band,
segment. For each driver:
  rate with / without    defection among customers with it and without it
  relative risk          rate with ÷ rate without, 95% interval by the Katz log method
  adjusted odds ratio    from one logistic regression over all drivers (so each is measured with
                         the others held fixed), ridge-penalised (λ = 1: a N(0,1) prior on each log
                         odds ratio, which keeps collinear or rare drivers finite), fitted by
                         Newton–Raphson; 95% interval from the inverse Hessian
  value at stake         (rate with − rate without) × value of the customers with it: the value
                         expected to be kept if the issue were removed ("does fixing X pay?")
Drivers are ranked by value at stake. An interval that includes 1 means the difference may be noise:
fixing that issue is not shown to pay. These are associations, not experiments.

Flat-file mode (--table FILE --outcome Churn --positive Yes): one row per customer or contract;
text columns are one-hot (reference = most frequent level), numeric columns with more than five
values are cut into quartiles (blanks get their own level); value = --value × --value-multiplier.`;

function parseWhole(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CausesError(`${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

interface TableOptions {
  table?: string;
  outcome?: string;
  positive: string;
  value?: string;
  valueMultiplier: string;
  id?: string;
  exclude?: string;
}

function tableDataset(opts: TableOptions & { table: string }): DriverDataset {
  if (opts.outcome === undefined) throw new CausesError("--table needs --outcome COLUMN");
  const multiplier = Number(opts.valueMultiplier);
  if (!Number.isFinite(multiplier)) throw new CausesError("--value-multiplier expects a number");
  return tableDriverDataset(parseCsv(readFileSync(opts.table, "utf8")), {
    outcome: opts.outcome,
    positive: opts.positive,
    valueMultiplier: multiplier,
    ...(opts.value === undefined ? {} : { value: opts.value }),
    ...(opts.id === undefined ? {} : { id: opts.id }),
    ...(opts.exclude === undefined ? {} : { exclude: opts.exclude.split(",").map((x) => x.trim()) }),
  });
}

function withTableOptions(command: Command): Command {
  return command
    .option("--table <file>", "analyse a flat CSV file (one row per customer) instead of the store")
    .option("--outcome <column>", "with --table: the outcome column, e.g. Churn")
    .option("--positive <value>", "with --table: the outcome value meaning defected", "Yes")
    .option("--value <column>", "with --table: the value column, e.g. MonthlyCharges")
    .option("--value-multiplier <n>", "with --table: value = column × this", "12")
    .option("--id <column>", "with --table: the id column (default: the first all-distinct text column)")
    .option("--exclude <columns>", "with --table: comma-separated columns to leave out");
}

function withWindowOptions(command: Command): Command {
  return command
    .option(
      "--as-of <date>",
      "read drivers up to this day, YYYY-MM-DD (default last transaction day − window)",
    )
    .option("--window <days>", "no purchase in this many days after as-of = defected", "90")
    .option("--lookback <days>", "judge customers with a purchase in this many days up to as-of", "365")
    .option(
      "--outcome-status",
      "outcome = the defection status of `vafa defection run` instead of the window",
    );
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const whole = (v: number) => Math.round(v);

function printDrivers(r: DriverReport, limit: number): void {
  process.stdout.write(
    `${r.customers} customers, ${r.defected} defected (${pct(r.baseRate)}); value = ${r.valueBasis}; ridge λ = ${r.lambda}${r.converged ? "" : " (not converged)"}\n\n`,
  );
  const top = r.drivers.slice(0, limit);
  printTable(
    top.map((d) => ({
      driver: d.id,
      n: d.customersWith,
      with: pct(d.rateWith),
      without: pct(d.rateWithout),
      rr: `${d.relativeRisk.toFixed(2)} [${d.relativeRiskLow.toFixed(2)}–${d.relativeRiskHigh.toFixed(2)}]`,
      or: `${d.oddsRatio.toFixed(2)} [${d.oddsRatioLow.toFixed(2)}–${d.oddsRatioHigh.toFixed(2)}]`,
      kept: whole(d.customersRetained),
      stake: whole(d.valueAtStake),
    })),
    [
      ["driver", "driver"],
      ["n", "customers"],
      ["with", "rate with"],
      ["without", "without"],
      ["rr", "relative risk [95%]"],
      ["or", "adjusted odds ratio [95%]"],
      ["kept", "customers kept"],
      ["stake", "value at stake"],
    ],
  );
  process.stdout.write("\n");
  for (const d of top.filter((x) => x.valueAtStake > 0)) process.stdout.write(`${d.sentence}\n`);
  for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
  if (r.skipped.length > 0) process.stdout.write(`skipped (too few customers): ${r.skipped.join("; ")}\n`);
}

function printProfiles(r: ProfileReport, notes: readonly string[]): void {
  process.stdout.write(
    `${r.customers} customers, base defection ${pct(r.baseRate)}, mean profit ${r.baseMeanProfit === null ? "unknown" : whole(r.baseMeanProfit)}\n\n`,
  );
  printTable(
    r.rows.map((x) => ({
      ...x,
      rate: pct(x.rate),
      ci: `${pct(x.rateLow)}–${pct(x.rateHigh)}`,
      profit: x.meanProfit === null ? "" : whole(x.meanProfit),
      flag: x.costlyAndLikelyToLeave ? "costly to serve and likely to leave" : "",
    })),
    [
      ["dimension", "dimension"],
      ["group", "group"],
      ["customers", "customers"],
      ["rate", "defection"],
      ["ci", "95% interval"],
      ["profit", "mean profit"],
      ["flag", ""],
    ],
  );
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
}

/** `vafa causes reasons|drivers|profiles`: why customers leave, which issues drive it, who leaves. */
export function causesCommand(): Command {
  const root = new Command("causes").description(
    "root causes of defection: exit reasons, the service issues that drive defection (and what fixing them pays), defector profiles",
  );
  root
    .command("reasons")
    .description(
      "defections by exit reason (worklist contacts and exit surveys), by count and lost value, with the trend",
    )
    .option("--from <date>", "first day, YYYY-MM-DD")
    .option("--to <date>", "last day, YYYY-MM-DD")
    .option("--by <dimension>", "segment | branch")
    .option("--period <period>", "month | quarter | year", "month")
    .action(async (opts: { from?: string; to?: string; by?: string; period: string }, command: Command) => {
      const { db, json } = globalOptions(command);
      if (opts.by !== undefined && opts.by !== "segment" && opts.by !== "branch")
        throw new CausesError(`--by must be segment or branch, got "${opts.by}"`);
      if (opts.period !== "month" && opts.period !== "quarter" && opts.period !== "year")
        throw new CausesError(`--period must be month, quarter or year, got "${opts.period}"`);
      const period = opts.period;
      const r = await withStore(db, (store) =>
        defectionReasons(store.client, {
          period,
          by: (opts.by as "segment" | "branch" | undefined) ?? null,
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
        }),
      );
      if (json) return printJson(r);
      process.stdout.write(`${r.customers} defectors with a reason, value lost ${whole(r.value)}\n\n`);
      printTable(
        r.rows.map((x) => ({
          ...x,
          share: pct(x.share),
          valueShare: pct(x.valueShare),
          value: whole(x.value),
        })),
        [
          ["group", opts.by ?? "group"],
          ["reason", "reason"],
          ["customers", "customers"],
          ["share", "share"],
          ["value", "value lost"],
          ["valueShare", "value share"],
        ],
      );
      process.stdout.write("\ntrend\n");
      printTable(
        r.trend.map((x) => ({ ...x, share: pct(x.share), value: whole(x.value) })),
        [
          ["period", "period"],
          ["reason", "reason"],
          ["customers", "customers"],
          ["share", "share"],
          ["value", "value lost"],
        ],
      );
      for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
    });
  const drivers = root
    .command("drivers")
    .description(
      "which issues really drive defection: rates with and without, relative risk, adjusted odds ratio, value at stake",
    )
    .addHelpText("after", METHOD)
    .option("--lambda <n>", "ridge penalty of the regression", "1")
    .option("--min-customers <n>", "leave out drivers held by fewer customers", "20")
    .option("--limit <n>", "drivers shown (all with --json)", "20");
  withTableOptions(withWindowOptions(drivers)).action(
    async (
      opts: TableOptions & {
        asOf?: string;
        window: string;
        lookback: string;
        outcomeStatus?: boolean;
        lambda: string;
        minCustomers: string;
        limit: string;
      },
      command: Command,
    ) => {
      const { db, json } = globalOptions(command);
      const lambda = Number(opts.lambda);
      if (!(lambda >= 0)) throw new CausesError("--lambda expects a number ≥ 0");
      const analysis = { lambda, minCustomers: parseWhole(opts.minCustomers, "--min-customers") };
      const report =
        opts.table !== undefined
          ? analyseDrivers(tableDataset({ ...opts, table: opts.table }), analysis)
          : await withStore(db, (store) =>
              defectionDrivers(store.client, {
                ...analysis,
                windowDays: parseWhole(opts.window, "--window"),
                lookbackDays: parseWhole(opts.lookback, "--lookback"),
                outcome: opts.outcomeStatus === true ? "status" : "window",
                ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
              }),
            );
      if (json) return printJson(report);
      printDrivers(report, parseWhole(opts.limit, "--limit"));
    },
  );
  const profiles = root
    .command("profiles")
    .description(
      'which segments, countries, channels, tenure and value bands defect most and earn least ("costly to serve and likely to leave")',
    );
  withTableOptions(withWindowOptions(profiles)).action(
    async (
      opts: TableOptions & { asOf?: string; window: string; lookback: string; outcomeStatus?: boolean },
      command: Command,
    ) => {
      const { db, json } = globalOptions(command);
      if (opts.table !== undefined) {
        const d = tableDataset({ ...opts, table: opts.table });
        const dims = d.columns.filter((c) => c.kind === "category").map((c) => c.name);
        const report = defectorProfiles(
          d.ids.map((_, i) => ({
            groups: Object.fromEntries(
              d.columns.flatMap((c) => (c.kind === "category" ? [[c.name, c.values[i] ?? null]] : [])),
            ),
            defected: d.outcome[i] === 1,
            profit: d.value[i] ?? null,
          })),
          dims,
        );
        const notes = [`mean profit is the value column (${d.valueBasis})`];
        return json ? printJson({ ...report, notes }) : printProfiles(report, notes);
      }
      const report = await withStore(db, (store) =>
        defectionProfiles(store.client, {
          windowDays: parseWhole(opts.window, "--window"),
          lookbackDays: parseWhole(opts.lookback, "--lookback"),
          outcome: opts.outcomeStatus === true ? "status" : "window",
          ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
        }),
      );
      return json ? printJson(report) : printProfiles(report, report.notes);
    },
  );
  return root;
}
