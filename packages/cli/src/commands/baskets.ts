import { type BasketItem, parseBasketLevel, runBasketRules } from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

/** Reads a fraction ("0.01") or a percentage ("1%"). */
export function parseFraction(text: string): number {
  const t = text.trim();
  const value = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError("expected a fraction from 0 to 1 or a percentage, e.g. 0.01 or 1%");
  }
  return value;
}

function parseWhole(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

function parseLevel(text: string) {
  try {
    return parseBasketLevel(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Items as "code description + code description". */
export function itemsText(items: readonly BasketItem[]): string {
  return items.map((i) => (i.label ? `${i.item} ${i.label}` : i.item)).join(" + ");
}

function rulesCommand(): Command {
  return new Command("rules")
    .description(
      "association rules over baskets (orders) by FP-growth: support = share of baskets with all items, confidence = P(then | if), lift = confidence / support(then)",
    )
    .option("--min-support <s>", "minimum share of baskets holding the itemset", parseFraction, 0.01)
    .option("--min-confidence <c>", "minimum confidence", parseFraction, 0.3)
    .option("--max-length <k>", "most items in a rule (if + then)", parseWhole, 3)
    .option("--level <level>", "items are products or categories", parseLevel, "product" as const)
    .option("--limit <n>", "print at most this many rules (by lift)", parseWhole, 20)
    .action(
      async (
        opts: {
          minSupport: number;
          minConfidence: number;
          maxLength: number;
          level: "product" | "category";
          limit: number;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const result = await withEngine(config, { feature: "baskets" }, (engine) =>
          runBasketRules(engine.facts, engine.dialect, {
            minSupport: opts.minSupport,
            minConfidence: opts.minConfidence,
            maxLength: opts.maxLength,
            level: opts.level,
          }),
        );
        const shown = { ...result, rules: result.rules.slice(0, opts.limit) };
        if (json) return printJson({ ...shown, totalRules: result.rules.length });
        process.stdout.write(
          `${result.baskets.toLocaleString("en-US")} baskets, ${result.frequentItems} frequent ${result.level}s, ${result.itemsets} itemsets, ${result.rules.length} rules\n\n`,
        );
        printTable(
          shown.rules.map((r) => ({
            antecedent: itemsText(r.antecedent),
            consequent: itemsText(r.consequent),
            baskets: r.count,
            support: r.support,
            confidence: r.confidence,
            lift: r.lift,
          })),
          [
            ["antecedent", "if bought"],
            ["consequent", "then also"],
            ["baskets", "baskets"],
            ["support", "support"],
            ["confidence", "confidence"],
            ["lift", "lift"],
          ],
        );
      },
    );
}

/** `vafa baskets`: market-basket analysis. */
export function basketsCommand(): Command {
  return new Command("baskets")
    .description("market-basket analysis: which products are bought together")
    .addCommand(rulesCommand().configureHelp({ showGlobalOptions: true }));
}
