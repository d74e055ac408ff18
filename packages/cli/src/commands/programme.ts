import { readFileSync, writeFileSync } from "node:fs";
import {
  type ClassificationRules,
  type ForecastMethod,
  ProgrammeError,
  parseClassificationRules,
  RETENTION_CLASSES,
  type UpliftEstimate,
} from "@vafa/core";
import {
  assignMembers,
  classifyStore,
  createCampaign,
  createTarget,
  evaluateCampaign,
  exportMembersCsv,
  listCampaigns,
  listTargets,
  programmeEconomics,
  programmeView,
  recordRedemptions,
  targetProgressFor,
} from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEmbedded } from "../withEngine.ts";

/** Reads customer ids from a file: one per line, or a CSV whose first column is the id (a "customer_id"/"id" header is skipped). */
export function readIdList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ProgrammeError(`cannot read ids from ${path}: ${(error as Error).message}`);
  }
  const ids = text
    .split(/\r?\n/)
    .map((l) => (l.split(",")[0] ?? "").trim().replace(/^"|"$/g, ""))
    .filter((l) => l !== "");
  return /^(customer_id|customer|id)$/i.test(ids[0] ?? "") ? ids.slice(1) : ids;
}

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new ProgrammeError(`${flag} expects a number, got "${value}"`);
  return n;
}

const pct = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(1)}%`);
const fmt = (v: number | null, digits = 2) => (v === null ? "" : v.toFixed(digits));

function upliftRow(name: string, u: UpliftEstimate, asShare: boolean) {
  const f = (v: number | null) => (asShare ? pct(v) : fmt(v));
  return {
    measure: name,
    treated: f(u.treated),
    control: f(u.control),
    uplift: f(u.uplift),
    ci: `${f(u.low)} … ${f(u.high)}`,
    p: u.pValue === null ? "" : u.pValue < 0.0001 ? "<0.0001" : u.pValue.toFixed(4),
  };
}

function classifyCommand(): Command {
  return new Command("classify")
    .description(
      "whom to retain: every customer in retain_and_grow, retain, maintain_at_low_cost or let_go on value × risk, with flags (strategic, costly to serve, deal seeker, bad payer) and the reason",
    )
    .option("--as-of <date>", "use data up to this day, YYYY-MM-DD (default the last transaction day)")
    .option("--rules <file>", 'JSON file with classification rules (or a config file with a "programme" key)')
    .option("--class <class>", `only this class: ${RETENTION_CLASSES.join(" | ")}`)
    .option("--customer <id>", "only this customer")
    .option("--limit <n>", "customers to list (text output)", "20")
    .action(
      async (
        opts: { asOf?: string; rules?: string; class?: string; customer?: string; limit: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        let rules: ClassificationRules | undefined;
        if (opts.rules !== undefined) {
          const parsed = JSON.parse(readFileSync(opts.rules, "utf8")) as Record<string, unknown>;
          rules = parseClassificationRules("programme" in parsed ? parsed.programme : parsed);
        }
        if (opts.class !== undefined && !RETENTION_CLASSES.some((c) => c === opts.class))
          throw new ProgrammeError(`--class must be one of ${RETENTION_CLASSES.join(", ")}`);
        const report = await withEmbedded(config, { feature: "programme" }, (store) =>
          classifyStore(store.client, {
            ...(rules === undefined ? {} : { rules }),
            ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
          }),
        );
        const customers = report.customers.filter(
          (c) =>
            (opts.class === undefined || c.class === opts.class) &&
            (opts.customer === undefined || c.customerId === opts.customer),
        );
        if (json) return printJson({ ...report, customers });
        process.stdout.write(
          `as of ${report.asOf}: ${RETENTION_CLASSES.map((c) => `${report.counts[c]} ${c}`).join(", ")}\n` +
            `flags: ${
              Object.entries(report.flagCounts)
                .map(([f, n]) => `${n} ${f}`)
                .join(", ") || "none"
            }\n` +
            `high value from ${Math.round(report.thresholds.highValue).toLocaleString("en-US")}, high volume from ${report.thresholds.highVolume} purchases\n\n`,
        );
        const top = [...customers].sort((a, b) => b.value - a.value).slice(0, Number(opts.limit));
        for (const c of top) process.stdout.write(`${c.customerId}  ${c.explanation}\n`);
        for (const n of report.notes) process.stdout.write(`note: ${n}\n`);
      },
    );
}

function targetsCommand(): Command {
  const root = new Command("targets").description(
    "retention targets: create, list, and progress against the straight-line plan with a forecast",
  );
  root
    .command("list", { isDefault: true })
    .description("list the targets")
    .action(async (_opts: unknown, command: Command) => {
      const { config, json } = globalOptions(command);
      const targets = await withEmbedded(config, { feature: "programme", needsData: false }, (store) =>
        listTargets(store.client),
      );
      if (json) return printJson(targets);
      printTable(targets as unknown as Record<string, unknown>[], [
        ["id", "id"],
        ["name", "name"],
        ["metric", "metric"],
        ["scope", "scope"],
        ["baseline", "baseline"],
        ["goal", "goal"],
        ["startsAt", "start"],
        ["deadline", "deadline"],
        ["period", "period"],
      ]);
    });
  root
    .command("create")
    .description("create a target: a metric in a scope moved from a baseline to a goal by a deadline")
    .requiredOption(
      "--metric <metric>",
      "raw | sales_adjusted | profit_adjusted | defection_rate | sales_from_retained | new_to_retained",
    )
    .requiredOption("--goal <value>", "the value to reach (rates as fractions, e.g. 0.25)")
    .requiredOption("--deadline <date>", "YYYY-MM-DD")
    .option("--scope <scope>", "all | <dimension>=<value> | segment:<name or rule>", "all")
    .option("--baseline <value>", "default: measured in the last complete period before the start")
    .option("--start <date>", "YYYY-MM-DD (default the day after the last transaction)")
    .option("--period <period>", "month | quarter | week | year | Nd", "month")
    .option("--name <name>")
    .option("--id <id>")
    .option("--margin <share>", "profit share of sales where cost is missing")
    .action(
      async (
        o: {
          metric: string;
          goal: string;
          deadline: string;
          scope: string;
          baseline?: string;
          start?: string;
          period: string;
          name?: string;
          id?: string;
          margin?: string;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const baseline = num(o.baseline, "--baseline");
        const margin = num(o.margin, "--margin");
        const t = await withEmbedded(
          config,
          { feature: "programme", needsData: false, create: true },
          (store) =>
            createTarget(store.client, {
              metric: o.metric,
              goal: num(o.goal, "--goal") as number,
              deadline: o.deadline,
              scope: o.scope,
              period: o.period,
              ...(baseline === undefined ? {} : { baseline }),
              ...(o.start === undefined ? {} : { startsAt: o.start }),
              ...(o.name === undefined ? {} : { name: o.name }),
              ...(o.id === undefined ? {} : { id: o.id }),
              ...(margin === undefined ? {} : { margin }),
            }),
        );
        if (json) return printJson(t);
        process.stdout.write(
          `target ${t.id}: ${t.metric} (${t.scope}) from ${t.baseline} to ${t.goal} by ${t.deadline}\n`,
        );
      },
    );
  root
    .command("progress <id>")
    .description("the target's metric each period against the plan, and whether the forecast meets the goal")
    .option("--forecast <method>", "trend | hold", "trend")
    .option("--margin <share>", "profit share of sales where cost is missing")
    .action(async (id: string, o: { forecast: string; margin?: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      if (o.forecast !== "trend" && o.forecast !== "hold")
        throw new ProgrammeError("--forecast must be trend or hold");
      const margin = num(o.margin, "--margin");
      const r = await withEmbedded(config, { feature: "programme" }, (store) =>
        targetProgressFor(store.client, id, {
          forecast: o.forecast as ForecastMethod,
          ...(margin === undefined ? {} : { margin }),
        }),
      );
      if (json) return printJson(r);
      printTable(
        r.rows.map((x) => ({
          ...x,
          actual: fmt(x.actual, 4),
          planned: fmt(x.planned, 4),
          ahead: fmt(x.ahead, 4),
          onTrack: x.onTrack === null ? "" : x.onTrack ? "yes" : "no",
        })),
        [
          ["period", "period"],
          ["actual", "actual"],
          ["planned", "plan"],
          ["ahead", "ahead of plan"],
          ["onTrack", "on track"],
        ],
      );
      process.stdout.write(
        `\n${r.target.metric}: baseline ${fmt(r.baseline, 4)}, goal ${fmt(r.goal, 4)} by ${r.target.deadline}; forecast (${r.forecastMethod}) ${fmt(r.forecast, 4)} — ${r.willMeet === null ? "unknown" : r.willMeet ? "will meet the goal" : "will not meet the goal"}\n`,
      );
      for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
    });
  return root;
}

function campaignsCommand(): Command {
  const root = new Command("campaigns").description(
    "retention campaigns with a random holdout control group",
  );
  root
    .command("list", { isDefault: true })
    .description("list the campaigns")
    .action(async (_o: unknown, command: Command) => {
      const { config, json } = globalOptions(command);
      const list = await withEmbedded(config, { feature: "programme", needsData: false }, (store) =>
        listCampaigns(store.client),
      );
      if (json) return printJson(list);
      printTable(list as unknown as Record<string, unknown>[], [
        ["id", "id"],
        ["name", "name"],
        ["strategy", "strategy"],
        ["audience", "audience"],
        ["controlShare", "control share"],
        ["startsAt", "start"],
        ["endsAt", "end"],
        ["members", "members"],
      ]);
    });
  root
    .command("create")
    .description("create a campaign")
    .requiredOption("--name <name>")
    .requiredOption(
      "--strategy <strategy>",
      "customer_club | loyalty_points | discount | coupon | lottery | vip_service | free_tickets_or_gifts | newsletter | personal_call",
    )
    .requiredOption("--start <date>", "first day, YYYY-MM-DD")
    .requiredOption("--end <date>", "last day of the measurement window, YYYY-MM-DD")
    .option(
      "--audience <audience>",
      "all (bought before the start) | segment:<name or rule> | list:<file>",
      "all",
    )
    .option("--offer <text>")
    .option("--cost-per-contact <money>", "", "0")
    .option("--cost-per-redemption <money>", "", "0")
    .option("--control-share <share>", "share held out as control", "0.1")
    .option("--id <id>")
    .action(
      async (
        o: {
          name: string;
          strategy: string;
          start: string;
          end: string;
          audience: string;
          offer?: string;
          costPerContact: string;
          costPerRedemption: string;
          controlShare: string;
          id?: string;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const c = await withEmbedded(
          config,
          { feature: "programme", needsData: false, create: true },
          (store) =>
            createCampaign(store.client, {
              name: o.name,
              strategy: o.strategy,
              audience: o.audience,
              startsAt: o.start,
              endsAt: o.end,
              offer: o.offer ?? null,
              costPerContact: num(o.costPerContact, "--cost-per-contact") as number,
              costPerRedemption: num(o.costPerRedemption, "--cost-per-redemption") as number,
              controlShare: num(o.controlShare, "--control-share") as number,
              ...(o.id === undefined ? {} : { id: o.id }),
            }),
        );
        if (json) return printJson(c);
        process.stdout.write(
          `campaign ${c.id} (${c.strategy}) created; assign members with \`vafa programme campaigns assign ${c.id}\`\n`,
        );
      },
    );
  root
    .command("assign <id>")
    .description(
      "assign the audience to treatment or control (stable: hash of campaign and customer id; recorded members never move)",
    )
    .option("--file <file>", "ids for a list audience (default the file named in the audience)")
    .action(async (id: string, o: { file?: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const s = await withEmbedded(config, { feature: "programme" }, async (store) => {
        const c = (await listCampaigns(store.client)).find((x) => x.id === id);
        const file = o.file ?? (c?.audience.startsWith("list:") ? c.audience.slice(5) : undefined);
        return assignMembers(store.client, id, file === undefined ? undefined : readIdList(file));
      });
      if (json) return printJson(s);
      process.stdout.write(
        `${s.campaignId}: ${s.added} assigned, ${s.kept} kept as recorded; ${s.treatment} treatment, ${s.control} control\n`,
      );
    });
  root
    .command("export <id>")
    .description("members as CSV for the delivering channel (treatment only unless --arm)")
    .option("--arm <arm>", "treatment | control | all", "treatment")
    .option("--out <file>", "write here instead of stdout")
    .action(async (id: string, o: { arm: string; out?: string }, command: Command) => {
      const { config } = globalOptions(command);
      if (!["treatment", "control", "all"].includes(o.arm))
        throw new ProgrammeError("--arm must be treatment, control or all");
      const csv = await withEmbedded(config, { feature: "programme", needsData: false }, (store) =>
        exportMembersCsv(store.client, id, o.arm === "all" ? null : o.arm),
      );
      if (o.out === undefined) process.stdout.write(csv);
      else writeFileSync(o.out, csv);
    });
  root
    .command("redeem <id>")
    .description("record who redeemed the offer (counted in the campaign's cost)")
    .requiredOption("--file <file>", "customer ids, one per line")
    .requiredOption("--on <date>", "YYYY-MM-DD")
    .action(async (id: string, o: { file: string; on: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const n = await withEmbedded(config, { feature: "programme", needsData: false }, (store) =>
        recordRedemptions(store.client, id, readIdList(o.file), o.on),
      );
      if (json) return printJson({ campaignId: id, redeemed: n });
      process.stdout.write(`${n} redemptions recorded\n`);
    });
  return root;
}

function evaluateCommand(): Command {
  return new Command("evaluate")
    .description(
      "treated vs control over the measurement window: uplift with 95% intervals and p-values, incremental profit, cost, ROI; without --campaign the whole programme",
    )
    .option("--campaign <id>")
    .option("--from <date>", "window start (default the campaign's start)")
    .option("--to <date>", "window end, inclusive (default the campaign's end)")
    .option("--margin <share>", "profit share of sales where cost is missing")
    .action(
      async (o: { campaign?: string; from?: string; to?: string; margin?: string }, command: Command) => {
        const { config, json } = globalOptions(command);
        const margin = num(o.margin, "--margin") ?? null;
        if (o.campaign === undefined) {
          const v = await withEmbedded(config, { feature: "programme" }, (store) =>
            programmeView(store.client, { margin }),
          );
          if (json) return printJson(v);
          printTable(
            v.campaigns.map((e) => ({
              id: e.campaign.id,
              strategy: e.campaign.strategy,
              treated: e.treatedMembers,
              control: e.controlMembers,
              cost: Math.round(e.cost),
              incremental: e.incrementalProfit === null ? "" : Math.round(e.incrementalProfit),
              roi: pct(e.roi),
              verdict: e.tooSmallToTell ? "too small to tell" : "",
            })),
            [
              ["id", "campaign"],
              ["strategy", "strategy"],
              ["treated", "treated"],
              ["control", "control"],
              ["cost", "cost"],
              ["incremental", "incremental profit"],
              ["roi", "ROI"],
              ["verdict", ""],
            ],
          );
          const t = v.totals;
          process.stdout.write(
            `\nprogramme: cost ${Math.round(t.cost)}, incremental profit ${Math.round(t.incrementalProfit)}, net ${Math.round(t.net)}, ROI ${pct(t.roi)}\n`,
          );
          return;
        }
        const id = o.campaign;
        const e = await withEmbedded(config, { feature: "programme" }, (store) =>
          evaluateCampaign(store.client, id, {
            margin,
            ...(o.from === undefined ? {} : { from: o.from }),
            ...(o.to === undefined ? {} : { to: o.to }),
          }),
        );
        if (json) return printJson(e);
        process.stdout.write(
          `${e.campaign.id} (${e.campaign.strategy}), ${e.from} to ${e.to}: ${e.treatedMembers} treated, ${e.controlMembers} control\n\n`,
        );
        printTable(
          [
            upliftRow("retained (bought)", e.retention, true),
            upliftRow("purchases / member", e.purchases, false),
            upliftRow("sales / member", e.sales, false),
            ...(e.profit === null ? [] : [upliftRow("profit / member", e.profit, false)]),
          ],
          [
            ["measure", "measure"],
            ["treated", "treated"],
            ["control", "control"],
            ["uplift", "uplift"],
            ["ci", "95% interval"],
            ["p", "p-value"],
          ],
        );
        process.stdout.write(
          `\nincremental profit ${e.incrementalProfit === null ? "unknown" : Math.round(e.incrementalProfit)}, cost ${Math.round(e.cost)} (${e.treatedMembers} contacts, ${e.redemptions} redemptions), net ${e.net === null ? "unknown" : Math.round(e.net)}, ROI ${pct(e.roi)}\n`,
        );
        for (const w of e.warnings) process.stdout.write(`warning: ${w}\n`);
      },
    );
}

function economicsCommand(): Command {
  return new Command("economics")
    .description(
      "the value of one point of retention, retention vs acquisition cost, and lifetime value per group in plain sentences",
    )
    .option("--by <dimension>", "a customer dimension: branch | segment | region | country | owner | channel")
    .option("--horizon <years>", "years the lifetime value counts", "10")
    .option("--discount-rate <rate>", "yearly discount rate", "0")
    .option("--ratio <share>", "retention cost ÷ acquisition cost", "0.1")
    .option("--acquisition-cost <money>", "default the mean of customers.acquisition_cost")
    .option("--annual-retention <share>", "use this instead of the measured yearly retention")
    .option("--margin <share>", "profit share of sales where cost is missing")
    .action(
      async (
        o: {
          by?: string;
          horizon: string;
          discountRate: string;
          ratio: string;
          acquisitionCost?: string;
          annualRetention?: string;
          margin?: string;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const r = await withEmbedded(config, { feature: "programme" }, (store) =>
          programmeEconomics(store.client, {
            by: o.by ?? null,
            horizonYears: num(o.horizon, "--horizon") as number,
            discountRate: num(o.discountRate, "--discount-rate") as number,
            retentionCostRatio: num(o.ratio, "--ratio") as number,
            acquisitionCost: num(o.acquisitionCost, "--acquisition-cost") ?? null,
            annualRetention: num(o.annualRetention, "--annual-retention") ?? null,
            margin: num(o.margin, "--margin") ?? null,
          }),
        );
        if (json) return printJson(r);
        for (const s of r.sentences) process.stdout.write(`${s}\n`);
        process.stdout.write(`\nformula: ${r.formula}\n`);
        for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
      },
    );
}

/** `vafa programme classify|targets|campaigns|evaluate|economics`: the retention programme. */
export function programmeCommand(): Command {
  return new Command("programme")
    .description(
      "the retention programme: whom to retain, targets, campaigns with control groups, what they earned, and the economics",
    )
    .addCommand(classifyCommand())
    .addCommand(targetsCommand())
    .addCommand(campaignsCommand())
    .addCommand(evaluateCommand())
    .addCommand(economicsCommand());
}
