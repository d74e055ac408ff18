import { readFileSync } from "node:fs";
import { defectionDrivers, defectionProfiles, type SnapshotOptions } from "@vafa/app";
import {
  analyseDrivers,
  CausesError,
  type DriverDataset,
  type DriverReport,
  datasetProfiles,
  type ProfileReport,
  type ProfileRow,
  parseCsv,
  type ReasonReport,
  type TableDatasetOptions,
  tableDriverDataset,
  tableReasons,
} from "@vafa/core";
import { defectionReasons } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEmbedded, withEngine } from "../withEngine.ts";

const METHOD = `
Method: one row per customer. From transactions: as of --as-of (default: the last transaction day
minus --window), outcome = no purchase in the following --window days (or, with --outcome-status,
the status of \`vafa defection run\`). From a snapshot (a customers file loaded with a status
column, e.g. --map status=Churn; read when the store has no transactions, or with --snapshot):
outcome = that status, candidates = the customers' attributes.

Candidates are service issues (a complaint of each category, an unresolved complaint, slow
resolution, CSAT and NPS group, discount buying, and attributes such as contract, tech support or
offer) or descriptors of the customer (tenure, region, country, segment, channel, value band, age,
gender, …: by name, or as marked with --service / --descriptor). Drivers ranks service issues only,
adjusted for descriptors; descriptors are shown by \`vafa causes profiles\`.

Each level of a category is compared with its reference level — the largest level, or the one
chosen with --reference COLUMN=LEVEL — which is never a driver of its own; a yes/no issue is
compared with the customers without it. For each driver:
  rate with / without    defection among customers with it and in the comparison group
  relative risk          rate with ÷ rate without, 95% interval by the Katz log method
  adjusted odds ratio    from one logistic regression over all drivers and descriptors (so each is
                         measured with the others held fixed), ridge-penalised (λ = 1: a N(0,1)
                         prior on each log odds ratio, which keeps collinear or rare drivers
                         finite), fitted by Newton–Raphson; 95% interval from the inverse Hessian
  customers kept,        (rate with − rate without) × customers (value) with it: what fixing the
  value at stake         issue would keep, with a 95% interval from the difference of the rates;
                         with --fix-cost, the return on the fix: (value kept − cost) ÷ cost
Drivers are ranked by value at stake. An interval that includes 1 means the difference may be noise:
fixing that issue is not shown to pay; "yes" in the columns rr sig. and or sig. says which estimate
is significant, and the sentence says when holding the others fixed reverses the direction.
These are associations, not experiments.

Flat-file mode (--table FILE --outcome Customerstatus --positive Churned [--ignore Joined]): one row
per customer or contract; header names are trimmed and columns are found ignoring case and spaces;
rows whose outcome is an --ignore value are left out of the denominator, every other value counts as
staying; text columns are one-hot, numeric columns with more than five values are cut into quartiles
(blanks get their own level); value = --value × --value-multiplier
(revenue: profiles say "costly to serve" only when costs are known). Left out, and said so: columns
that record the outcome (filled only for defectors, like a churn reason, or separating the outcomes
perfectly) with a warning; ids, zip or postal codes, latitude and longitude and numeric codes unless
named with --include.`;

function parseWhole(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CausesError(`${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

interface TableOptions {
  table?: string;
  service?: string;
  descriptor?: string;
  outcome?: string;
  positive: string;
  value?: string;
  valueMultiplier: string;
  id?: string;
  exclude?: string;
  include?: string;
  ignore?: string;
}

/** "a, b ,c" → ["a", "b", "c"]: a comma-separated flag value, blanks dropped. */
function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

function tableOptions(opts: TableOptions): TableDatasetOptions {
  if (opts.outcome === undefined) throw new CausesError("--table needs --outcome COLUMN");
  const multiplier = Number(opts.valueMultiplier);
  if (!Number.isFinite(multiplier)) throw new CausesError("--value-multiplier expects a number");
  return {
    outcome: opts.outcome,
    positive: opts.positive,
    valueMultiplier: multiplier,
    exclude: list(opts.exclude),
    include: list(opts.include),
    ignore: list(opts.ignore),
    ...(opts.value === undefined ? {} : { value: opts.value }),
    ...(opts.id === undefined ? {} : { id: opts.id }),
    ...roleOptions(opts),
  };
}

/** `--service` / `--descriptor` as lists. */
function roleOptions(opts: TableOptions): { service: string[]; descriptor: string[] } {
  return { service: list(opts.service), descriptor: list(opts.descriptor) };
}

/** The snapshot options of a store analysis: the value attribute and the column lists. */
function snapshotOptions(opts: TableOptions): SnapshotOptions {
  const multiplier = Number(opts.valueMultiplier);
  if (!Number.isFinite(multiplier)) throw new CausesError("--value-multiplier expects a number");
  return {
    valueMultiplier: multiplier,
    exclude: list(opts.exclude),
    include: list(opts.include),
    ...roleOptions(opts),
    ...(opts.value === undefined ? {} : { value: opts.value }),
  };
}

/** The outcome asked for: a snapshot, the status, or (unsaid) the window when there are transactions. */
function outcomeOption(opts: { outcomeStatus?: boolean; snapshot?: boolean }): {
  outcome?: "status" | "snapshot";
} {
  if (opts.snapshot === true && opts.outcomeStatus === true)
    throw new CausesError("--snapshot and --outcome-status are two different outcomes: give one");
  return opts.snapshot === true
    ? { outcome: "snapshot" }
    : opts.outcomeStatus === true
      ? { outcome: "status" }
      : {};
}

/** `--reference Contract="Two year"` (repeatable) → { Contract: "Two year" }. */
function collectReference(pair: string, previous: Record<string, string>): Record<string, string> {
  const at = pair.indexOf("=");
  if (at <= 0 || at === pair.length - 1)
    throw new CausesError(`--reference expects COLUMN=LEVEL, got "${pair}"`);
  return { ...previous, [pair.slice(0, at).trim()]: pair.slice(at + 1).trim() };
}

/**
 * `--fix-cost 50000` (every driver) or `--fix-cost "Contract=Month-to-month=50000"` (one driver: the
 * amount after the last "="), repeatable.
 */
function collectFixCost(text: string, previous: Record<string, number>): Record<string, number> {
  const at = text.lastIndexOf("=");
  const id = at < 0 ? "*" : text.slice(0, at).trim();
  const amount = Number(text.slice(at + 1).trim());
  if (!(amount > 0) || id === "")
    throw new CausesError(`--fix-cost expects AMOUNT or DRIVER=AMOUNT with a positive amount, got "${text}"`);
  return { ...previous, [id]: amount };
}

function readTable(file: string): string[][] {
  return parseCsv(readFileSync(file, "utf8"));
}

function tableDataset(opts: TableOptions & { table: string }): DriverDataset {
  return tableDriverDataset(readTable(opts.table), tableOptions(opts));
}

function withTableOptions(command: Command): Command {
  return command
    .option("--table <file>", "analyse a flat CSV file (one row per customer) instead of the store")
    .option("--outcome <column>", "with --table: the outcome column, e.g. Churn")
    .option("--positive <value>", "with --table: the outcome value meaning defected", "Yes")
    .option(
      "--ignore <values>",
      "with --table: comma-separated outcome values left out of the denominator, e.g. Joined",
    )
    .option(
      "--value <column>",
      "with --table or a snapshot: the value column or attribute, e.g. MonthlyCharges",
    )
    .option("--value-multiplier <n>", "with --table or a snapshot: value = column × this", "12")
    .option("--id <column>", "with --table: the id column (default: the first all-distinct text column)")
    .option(
      "--service <columns>",
      "comma-separated columns (attributes) that are service issues the business can fix, although their name says otherwise",
    )
    .option(
      "--descriptor <columns>",
      "comma-separated columns that describe the customer (adjusted for and profiled, never ranked as drivers)",
    )
    .option(
      "--snapshot",
      "read the store's snapshot statuses (a customers file with a status) even when there are transactions",
    )
    .option("--exclude <columns>", "with --table or a snapshot: comma-separated columns to leave out")
    .option(
      "--include <columns>",
      "with --table: comma-separated columns to analyse although they look like ids, postal codes or coordinates",
    );
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

const ratio = (v: number | null, low: number | null, high: number | null) =>
  v === null || low === null || high === null ? "" : `${v.toFixed(2)} [${low.toFixed(2)}–${high.toFixed(2)}]`;
const grouped = (v: number) => Math.round(v).toLocaleString("en-US");
const span = (v: number, low: number, high: number) => `${grouped(v)} [${grouped(low)}–${grouped(high)}]`;
const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

/** Warnings (a leak left out) go before the table, where they are read; other notes after it. */
function printNotes(notes: readonly string[], warnings: boolean): void {
  for (const n of notes.filter((x) => x.startsWith("warning:") === warnings))
    process.stdout.write(warnings ? `${n}\n` : `note: ${n}\n`);
}

function printPopulation(customers: number, population: string | null): void {
  if (population !== null) process.stdout.write(`denominator: ${customers} customers — ${population}\n`);
}

function printDrivers(r: DriverReport, limit: number): void {
  printNotes(r.notes, true);
  printPopulation(r.customers, r.population);
  process.stdout.write(
    `${r.customers} customers, ${r.defected} defected (${pct(r.baseRate)}); value = ${r.valueBasis} (${r.valueKind}); ridge λ = ${r.lambda}${r.converged ? "" : " (not converged)"}\n\n`,
  );
  const top = r.drivers.slice(0, limit);
  const costs = top.some((d) => d.returnOnFix !== null);
  printTable(
    top.map((d) => ({
      driver: d.id,
      reference: d.reference ?? "without it",
      n: d.customersWith,
      with: pct(d.rateWith),
      without: pct(d.rateWithout),
      rr: ratio(d.relativeRisk, d.relativeRiskLow, d.relativeRiskHigh),
      rrSig: yesNo(d.relativeRiskSignificant),
      or: ratio(d.oddsRatio, d.oddsRatioLow, d.oddsRatioHigh),
      orSig: yesNo(d.oddsRatioSignificant),
      kept: span(d.customersRetained, d.customersRetainedLow, d.customersRetainedHigh),
      stake: span(d.valueAtStake, d.valueAtStakeLow, d.valueAtStakeHigh),
      roi:
        d.returnOnFix === null
          ? ""
          : `${pct(d.returnOnFix)} [${pct(d.returnOnFixLow ?? 0)}–${pct(d.returnOnFixHigh ?? 0)}]`,
    })),
    [
      ["driver", "driver"],
      ["reference", "against"],
      ["n", "customers"],
      ["with", "rate with"],
      ["without", "without"],
      ["rr", "relative risk [95%]"],
      ["rrSig", "rr sig."],
      ["or", "adjusted odds ratio [95%]"],
      ["orSig", "or sig."],
      ["kept", "customers kept [95%]"],
      ["stake", "value at stake [95%]"],
      ...(costs ? ([["roi", "return on fix [95%]"]] as [string, string][]) : []),
    ],
  );
  process.stdout.write("\n");
  for (const d of top.filter((x) => x.valueAtStake > 0 || x.adjustmentReverses))
    process.stdout.write(`${d.sentence}\n`);
  printNotes(r.notes, false);
  if (r.skipped.length > 0) process.stdout.write(`skipped (too few customers): ${r.skipped.join("; ")}\n`);
}

function printProfiles(r: ProfileReport, notes: readonly string[], population: string | null): void {
  printNotes(notes, true);
  printPopulation(r.customers, population);
  process.stdout.write(
    `${r.customers} customers, base defection ${pct(r.baseRate)}, mean ${r.valueLabel} ${r.baseMeanValue === null ? "unknown" : whole(r.baseMeanValue)}\n\n`,
  );
  const flag = (x: ProfileRow) =>
    x.costlyAndLikelyToLeave
      ? "costly to serve and likely to leave"
      : x.likelyToLeave && x.belowAverageValue
        ? `likely to leave, below-average ${r.valueLabel.split(" ")[0] ?? "value"}`
        : x.likelyToLeave
          ? "likely to leave"
          : "";
  printTable(
    r.rows.map((x) => ({
      ...x,
      rate: pct(x.rate),
      ci: `${pct(x.rateLow)}–${pct(x.rateHigh)}`,
      value: x.meanValue === null ? "" : whole(x.meanValue),
      rest: `${pct(x.restRate)} / ${x.restMeanValue === null ? "" : whole(x.restMeanValue)}`,
      rr: x.relativeRisk === null ? "" : `${x.relativeRisk.toFixed(2)}×`,
      lost: whole(x.valueLost),
      flag: flag(x),
    })),
    [
      ["dimension", "dimension"],
      ["group", "group"],
      ["customers", "customers"],
      ["rate", "defection"],
      ["ci", "95% interval"],
      ["value", `mean ${r.valueLabel}`],
      ["rest", "rest: defection / mean"],
      ["rr", "vs rest"],
      ["lost", "value lost"],
      ["flag", ""],
    ],
  );
  printNotes(notes, false);
}

function printReasons(r: ReasonReport, by: string | undefined, valueLabel: string | null): void {
  const what = r.level === "category" ? "category" : "reason";
  process.stdout.write(
    `${r.customers} defectors with a ${what}, value lost ${whole(r.value).toLocaleString("en-US")}${valueLabel === null ? "" : ` in ${valueLabel}`}\n\n`,
  );
  const table = (rows: ReasonReport["rows"], head: string) =>
    printTable(
      rows.map((x) => ({
        ...x,
        share: pct(x.share),
        valueShare: pct(x.valueShare),
        value: whole(x.value),
        sales12m: whole(x.sales12m),
        clv: x.clv === null ? "" : whole(x.clv),
        questionnaire: x.questionnaireReason === x.reason ? "" : (x.questionnaireReason ?? ""),
      })),
      [
        ["group", by ?? "group"],
        ["reason", head],
        ["customers", "customers"],
        ["share", "share"],
        ["value", "value lost"],
        ["valueShare", "value share"],
        ["sales12m", "sales 12 months"],
        ["clv", "lifetime value"],
        ["questionnaire", "questionnaire reason"],
      ],
    );
  table(r.rows, what);
  if (r.categories.length > 0) {
    process.stdout.write("\nby category\n");
    table(r.categories, "category");
  }
  if (r.trend.length > 0) {
    process.stdout.write("\ntrend\n");
    printTable(
      r.trend.map((x) => ({ ...x, share: pct(x.share), value: whole(x.value) })),
      [
        ["period", "period"],
        ["reason", what],
        ["customers", "customers"],
        ["share", "share"],
        ["value", "value lost"],
      ],
    );
  }
  for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
}

/** `vafa causes reasons|drivers|profiles`: why customers leave, which issues drive it, who leaves. */
export function causesCommand(): Command {
  const root = new Command("causes").description(
    "root causes of defection: exit reasons, the service issues that drive defection (and what fixing them pays), defector profiles",
  );
  const reasons = root
    .command("reasons")
    .description(
      "defections by exit reason (worklist contacts and exit surveys, or a snapshot file with --table), by count and lost value, with the trend",
    )
    .option("--from <date>", "first day, YYYY-MM-DD")
    .option("--to <date>", "last day, YYYY-MM-DD")
    .option("--by <dimension>", "segment | branch | category (reasons within each category)")
    .option(
      "--level <level>",
      "reason | category: count the reasons (and, below them, their categories) or only the categories",
      "reason",
    )
    .option("--period <period>", "month | quarter | year", "month")
    .option("--reason <column>", "with --table: the column of each defector's reason, e.g. Churnreason")
    .option("--category <column>", "with --table: the column of the reason's category, e.g. Churncategory");
  withTableOptions(reasons).action(
    async (
      opts: TableOptions & {
        from?: string;
        to?: string;
        by?: string;
        level: string;
        period: string;
        reason?: string;
        category?: string;
      },
      command: Command,
    ) => {
      const { config, json } = globalOptions(command);
      if (opts.by !== undefined && opts.by !== "segment" && opts.by !== "branch" && opts.by !== "category")
        throw new CausesError(`--by must be segment, branch or category, got "${opts.by}"`);
      if (opts.level !== "reason" && opts.level !== "category")
        throw new CausesError(`--level must be reason or category, got "${opts.level}"`);
      if (opts.period !== "month" && opts.period !== "quarter" && opts.period !== "year")
        throw new CausesError(`--period must be month, quarter or year, got "${opts.period}"`);
      const period = opts.period;
      const level = opts.level;
      if (opts.table !== undefined) {
        if (opts.reason === undefined) throw new CausesError("--table needs --reason COLUMN");
        if (opts.by !== undefined && opts.by !== "category")
          throw new CausesError("with --table, --by takes only category");
        const t = tableReasons(readTable(opts.table), {
          ...tableOptions(opts),
          reason: opts.reason,
          level,
          by: opts.by === "category" ? "category" : null,
          ...(opts.category === undefined ? {} : { category: opts.category }),
        });
        if (json) return printJson(t);
        printPopulation(t.customers, t.population);
        return printReasons(t, opts.by, t.valueLabel);
      }
      const r = await withEmbedded(config, { feature: "causes-reasons", needsData: false }, (store) =>
        defectionReasons(store.client, {
          period,
          level,
          ...(opts.value === undefined
            ? {}
            : { value: opts.value, valueMultiplier: snapshotOptions(opts).valueMultiplier ?? 1 }),
          by: (opts.by as "segment" | "branch" | "category" | undefined) ?? null,
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
        }),
      );
      if (json) return printJson(r);
      printReasons(r, opts.by, null);
    },
  );
  const drivers = root
    .command("drivers")
    .description(
      "which issues really drive defection: rates with and without, relative risk, adjusted odds ratio, value at stake",
    )
    .addHelpText("after", METHOD)
    .option(
      "--reference <column=level>",
      'the level each other level of a category is compared with, e.g. --reference "Contract=Two year" (repeatable; default the largest level)',
      collectReference,
      {},
    )
    .option(
      "--fix-cost <amount>",
      'the cost of fixing an issue, for the return on it: AMOUNT for every driver or "DRIVER=AMOUNT", e.g. "Contract=Month-to-month=50000" (repeatable)',
      collectFixCost,
      {},
    )
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
        reference: Record<string, string>;
        fixCost: Record<string, number>;
        snapshot?: boolean;
      },
      command: Command,
    ) => {
      const { config, json } = globalOptions(command);
      const lambda = Number(opts.lambda);
      if (!(lambda >= 0)) throw new CausesError("--lambda expects a number ≥ 0");
      const analysis = {
        lambda,
        minCustomers: parseWhole(opts.minCustomers, "--min-customers"),
        references: opts.reference,
        fixCosts: opts.fixCost,
      };
      const report =
        opts.table !== undefined
          ? analyseDrivers(tableDataset({ ...opts, table: opts.table }), analysis)
          : await withEngine(config, { feature: "causes-drivers" }, (engine) =>
              defectionDrivers(engine, {
                ...analysis,
                ...snapshotOptions(opts),
                windowDays: parseWhole(opts.window, "--window"),
                lookbackDays: parseWhole(opts.lookback, "--lookback"),
                ...outcomeOption(opts),
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
      'which segments, countries, channels, tenure and value bands defect most and earn least ("costly to serve and likely to leave" when costs are known)',
    );
  withTableOptions(withWindowOptions(profiles)).action(
    async (
      opts: TableOptions & {
        asOf?: string;
        window: string;
        lookback: string;
        outcomeStatus?: boolean;
        snapshot?: boolean;
      },
      command: Command,
    ) => {
      const { config, json } = globalOptions(command);
      if (opts.table !== undefined) {
        const report = datasetProfiles(tableDataset({ ...opts, table: opts.table }));
        return json ? printJson(report) : printProfiles(report, report.notes, report.population);
      }
      const report = await withEngine(config, { feature: "causes-profiles" }, (engine) =>
        defectionProfiles(engine, {
          ...snapshotOptions(opts),
          windowDays: parseWhole(opts.window, "--window"),
          lookbackDays: parseWhole(opts.lookback, "--lookback"),
          ...outcomeOption(opts),
          ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
        }),
      );
      return json ? printJson(report) : printProfiles(report, report.notes, null);
    },
  );
  return root;
}
