import {
  clusters,
  defineSegment,
  deleteSegment,
  getSegment,
  listSegments,
  rfm,
  segmentMembers,
  type TargetsOptions,
  targets,
} from "@vafa/app";
import { parseProfitabilityDimension, SegmentError, type TargetRow } from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

const sub = (command: Command) => command.configureHelp({ showGlobalOptions: true });

function parseDate(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InvalidArgumentError("a date is YYYY-MM-DD");
  return text;
}

function parseWhole(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

const percent = (share: number | null) => (share === null ? "" : `${(share * 100).toFixed(1)}%`);
const money = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** Re-throws a rule error with the rule and a caret under the problem. */
function pointAt(rule: string, error: unknown): never {
  if (error instanceof SegmentError && error.position !== null && !rule.trim().startsWith("{")) {
    throw new SegmentError(`${error.message}\n  ${rule}\n  ${" ".repeat(error.position)}^`, error.position);
  }
  throw error;
}

function rfmCommand(): Command {
  return new Command("rfm")
    .description(
      "recency, frequency and monetary scores (quintiles, ties share a score) and the named segments' sizes and value; with --compare, the movement between segments",
    )
    .option("--as-of <date>", "measure as of this day (default: the last transaction day)", parseDate)
    .option("--compare <date>", "a second as-of date: show how customers moved between segments", parseDate)
    .option("--bins <n>", "score levels per measure (2–10)", parseWhole, 5)
    .action(async (opts: { asOf?: string; compare?: string; bins: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      const result = await withEngine(config, { feature: "segments-rfm" }, (engine) =>
        rfm(engine, { asOf: opts.asOf ?? null, compare: opts.compare ?? null, bins: opts.bins }),
      );
      if (json) return printJson(result);
      process.stdout.write(
        `RFM as of ${result.asOf}: ${result.customers.toLocaleString("en-US")} customers\n\n`,
      );
      printTable(
        result.segments.map((s) => ({
          ...s,
          share: percent(s.share),
          sales: money(s.sales),
          sales_share: percent(s.sales_share),
          recency_days: s.recency_days === null ? null : Math.round(s.recency_days),
          frequency: s.frequency === null ? null : Math.round(s.frequency * 10) / 10,
          monetary: money(s.monetary),
        })),
        [
          ["segment", "segment"],
          ["customers", "customers"],
          ["share", "share"],
          ["sales", "net sales"],
          ["sales_share", "sales share"],
          ["recency_days", "mean recency (days)"],
          ["frequency", "mean orders"],
          ["monetary", "mean net sales"],
        ],
      );
      if (result.transitions) {
        const t = result.transitions;
        const froms = [...new Set(t.rows.map((r) => r.from))];
        const tos = [...new Set(t.rows.map((r) => r.to))];
        const name = (s: string | null) => s ?? "(none)";
        process.stdout.write(`\nmovement ${t.from} → ${t.to} (rows: from, columns: to)\n\n`);
        printTable(
          froms.map((f) => {
            const row: Record<string, unknown> = { from: name(f) };
            for (const to of tos)
              row[name(to)] = t.rows.find((r) => r.from === f && r.to === to)?.customers ?? 0;
            return row;
          }),
          [["from", "from \\ to"], ...tos.map((to) => [name(to), name(to)] as const)],
        );
      }
    });
}

function listCommand(): Command {
  return new Command("list").description("saved segments").action(async (_opts, command: Command) => {
    const { config, json } = globalOptions(command);
    const list = await withEngine(config, { feature: "segments-saved", needsData: false }, (engine) =>
      listSegments(engine),
    );
    if (json) return printJson(list);
    if (list.length === 0)
      process.stdout.write('no saved segments; define one with vafa segments define NAME "RULE"\n');
    else
      printTable(
        list.map((s) => ({ ...s })),
        [
          ["name", "name"],
          ["rule", "rule"],
          ["description", "description"],
        ],
      );
  });
}

function defineCommand(): Command {
  return new Command("define")
    .description(
      'save a named rule, e.g. vafa segments define vip-uk \'monetary > 5000 and country = "United Kingdom"\'; fields: segment region country branch owner channel tags created_at rfm_segment recency_days frequency monetary r_score f_score m_score clv p_alive spend_<N>d categories attr_<name> (a customer attribute, e.g. attr_contract = "Month-to-month")',
    )
    .argument("<name>", "segment name (letters, digits, _ . -)")
    .argument("<rule>", "the rule, in text or JSON form")
    .option("--description <text>", "what the segment is for")
    .action(async (name: string, rule: string, opts: { description?: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const saved = await withEngine(
        config,
        { feature: "segments-saved", needsData: false },
        async (engine) => {
          try {
            const s = await defineSegment(engine, name, rule, opts.description ?? null);
            return { ...s, customers: (await segmentMembers(engine, name)).length };
          } catch (error) {
            return pointAt(rule, error);
          }
        },
      );
      if (json) return printJson(saved);
      process.stdout.write(
        `saved segment ${saved.name}: ${saved.customers.toLocaleString("en-US")} customers now match\n`,
      );
    });
}

function showCommand(): Command {
  return new Command("show")
    .description("the customers of a saved segment (or of a rule given in its place)")
    .argument("<name>", "a saved segment's name, or a rule")
    .option("--limit <n>", "list at most this many customer ids", parseWhole, 20)
    .action(async (name: string, opts: { limit: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      const result = await withEngine(config, { feature: "segments-saved" }, async (engine) => {
        try {
          const saved = await getSegment(engine, name);
          const members = await segmentMembers(engine, name);
          return { segment: saved, customers: members.length, ids: members.slice(0, opts.limit) };
        } catch (error) {
          return pointAt(name, error);
        }
      });
      if (json) return printJson(result);
      if (result.segment) process.stdout.write(`${result.segment.name}: ${result.segment.rule}\n`);
      process.stdout.write(`${result.customers.toLocaleString("en-US")} customers\n`);
      for (const id of result.ids) process.stdout.write(`${id}\n`);
      if (result.customers > result.ids.length)
        process.stdout.write(`… ${result.customers - result.ids.length} more (--limit)\n`);
    });
}

function deleteCommand(): Command {
  return new Command("delete")
    .description("delete a saved segment")
    .argument("<name>", "segment name")
    .action(async (name: string, _opts, command: Command) => {
      const { config, json } = globalOptions(command);
      const existed = await withEngine(config, { feature: "segments-saved", needsData: false }, (engine) =>
        deleteSegment(engine, name),
      );
      if (!existed) throw new SegmentError(`no saved segment "${name}"`);
      if (json) return printJson({ deleted: name });
      process.stdout.write(`deleted segment ${name}\n`);
    });
}

function targetsCommand(): Command {
  return new Command("targets")
    .description(
      "target-customer analysis: size, share, net sales, profit, CLV and growth of new customers per group (default: RFM segments)",
    )
    .option(
      "--by <dimension>",
      "group by a customer attribute: segment, region, country, branch, owner, channel",
    )
    .option("--segments", "group by the saved segments (a customer may be in several)")
    .option(
      "--period <days>",
      "growth compares new customers in the last N days with the N before",
      parseWhole,
      90,
    )
    .action(async (opts: { by?: string; segments?: boolean; period: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      if (opts.by !== undefined && opts.segments)
        throw new InvalidArgumentError("use --by or --segments, not both");
      let by: TargetsOptions["by"] = { kind: "rfm" };
      if (opts.segments) by = { kind: "segments" };
      if (opts.by !== undefined) {
        const dimension = parseProfitabilityDimension(opts.by);
        if (dimension.scope !== "customer")
          throw new InvalidArgumentError(`--by takes a customer attribute, not ${opts.by}`);
        by = { kind: "dimension", dimension };
      }
      const result = await withEngine(config, { feature: "segments-targets" }, (engine) =>
        targets(engine, { by, periodDays: opts.period }),
      );
      if (json) return printJson(result);
      const show = (r: TargetRow, group: string) => ({
        group,
        customers: r.customers,
        share: percent(r.share),
        sales: money(r.sales),
        sales_share: percent(r.sales_share),
        profit: money(r.profit),
        per_customer: money(r.sales_per_customer),
        clv: money(r.clv_per_customer),
        new_last: r.new_last_period,
        new_previous: r.new_previous_period,
        growth: percent(r.growth),
      });
      printTable(
        [...result.rows.map((r) => show(r, r.group ?? "(unknown)")), show(result.total, "total")],
        [
          ["group", result.by],
          ["customers", "customers"],
          ["share", "share"],
          ["sales", "net sales"],
          ["sales_share", "sales share"],
          ["profit", "profit"],
          ["per_customer", "sales/customer"],
          ["clv", "mean CLV"],
          ["new_last", `new, last ${result.periodDays}d`],
          ["new_previous", "new, before"],
          ["growth", "growth"],
        ],
      );
    });
}

function clustersCommand(): Command {
  return new Command("clusters")
    .description(
      "k-means on standardised recency, frequency, log spend, tenure and returns share; k suggested by silhouette when not given",
    )
    .option("--k <k>", "number of clusters (default: suggested, 2–8)", parseWhole)
    .option("--seed <n>", "random seed of k-means++", parseWhole, 1)
    .action(async (opts: { k?: number; seed: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      const result = await withEngine(config, { feature: "segments-clusters" }, (engine) =>
        clusters(engine, { k: opts.k ?? null, seed: opts.seed }),
      );
      if (json) return printJson({ ...result, members: undefined });
      if (result.suggested) {
        process.stdout.write(`k = ${result.k}, suggested by the best mean silhouette:\n`);
        for (const c of result.candidates)
          process.stdout.write(
            `  k=${c.k} silhouette ${c.silhouette.toFixed(3)} inertia ${c.inertia.toFixed(0)}\n`,
          );
        process.stdout.write("\n");
      }
      printTable(
        result.clusters.map((c) => ({
          ...c,
          share: percent(c.share),
          recency_days: Math.round(c.recency_days),
          frequency: Math.round(c.frequency * 10) / 10,
          monetary: money(c.monetary),
          tenure_days: Math.round(c.tenure_days),
          returns_share: percent(c.returns_share),
        })),
        [
          ["cluster", "cluster"],
          ["customers", "customers"],
          ["share", "share"],
          ["recency_days", "recency (days)"],
          ["frequency", "orders"],
          ["monetary", "net sales"],
          ["tenure_days", "tenure (days)"],
          ["returns_share", "returns"],
          ["description", "in words"],
        ],
      );
    });
}

/** `vafa segments`: RFM, saved segments, target-customer analysis and clusters. */
export function segmentsCommand(): Command {
  return new Command("segments")
    .description(
      "customer identification: RFM segments, saved rule-based segments, target-customer analysis, clusters",
    )
    .addCommand(sub(rfmCommand()))
    .addCommand(sub(listCommand()))
    .addCommand(sub(defineCommand()))
    .addCommand(sub(showCommand()))
    .addCommand(sub(deleteCommand()))
    .addCommand(sub(targetsCommand()))
    .addCommand(sub(clustersCommand()));
}
