import {
  AnalysisError,
  type ProfitabilityRow,
  parseProfitabilityDimension,
  runProfitability,
} from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

/** Reads `--margin` as a fraction ("0.3") or a percentage ("30%"). */
function parseMargin(text: string): number {
  const t = text.trim();
  const value = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === "" || t === "%" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError("a margin is a fraction from 0 to 1 or a percentage, e.g. 0.3 or 30%");
  }
  return value;
}

function parseBy(text: string) {
  try {
    return parseProfitabilityDimension(text);
  } catch (error) {
    if (error instanceof AnalysisError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function money(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function percent(share: number | null): string {
  return share === null ? "" : `${(share * 100).toFixed(1)}%`;
}

function display(row: ProfitabilityRow): Record<string, unknown> {
  return {
    group: row.group ?? "(unknown)",
    customers: row.customers,
    sales: money(row.sales),
    cost: money(row.cost),
    profit: money(row.profit),
    profit_per_customer: money(row.profit_per_customer),
    profit_share: percent(row.profit_share),
    returns_share: percent(row.returns_share),
    acquisition_cost: money(row.acquisition_cost),
    profit_after_acquisition: money(row.profit_after_acquisition),
    future_potential: row.future_potential === null ? "–" : money(row.future_potential),
  };
}

/** `vafa profitability [--by DIM] [--margin M]`: customers, sales, cost, profit and more per group. */
export function profitabilityCommand(): Command {
  return new Command("profitability")
    .description(
      "customers, net sales, cost, profit, profit per customer, share of profit, returns share and acquisition cost, for the whole base or per group; sales without a customer are their own row",
    )
    .option(
      "--by <dimension>",
      "group by a customer attribute (segment, region, country, branch, owner, channel) or a transaction attribute (category, product, employee, or transaction.channel / .branch / .country)",
      parseBy,
    )
    .option(
      "--margin <m>",
      "gross margin for lines without a cost: cost = amount × (1 − m); 0.3 or 30%",
      parseMargin,
    )
    .action(async (opts: { by?: ReturnType<typeof parseBy>; margin?: number }, command: Command) => {
      const { config, json } = globalOptions(command);
      const options = { by: opts.by ?? null, margin: opts.margin ?? null };
      const result = await withEngine(config, { feature: "profitability" }, (engine) =>
        runProfitability(engine.facts, engine.dialect, options),
      );
      if (json) {
        printJson(result);
        return;
      }
      const rows = [...result.rows, ...(result.anonymous ? [result.anonymous] : [])].map(display);
      rows.push({ ...display(result.total), group: "total" });
      printTable(rows, [
        ["group", result.by ?? "group"],
        ["customers", "customers"],
        ["sales", "sales"],
        ["cost", "cost"],
        ["profit", "profit"],
        ["profit_per_customer", "profit/customer"],
        ["profit_share", "profit share"],
        ["returns_share", "returns"],
        ["acquisition_cost", "acquisition"],
        ["profit_after_acquisition", "profit − acquisition"],
        ["future_potential", "future potential"],
      ]);
      for (const note of result.notes) process.stdout.write(`\nnote: ${note}`);
      process.stdout.write("\n");
    });
}
