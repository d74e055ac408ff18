import { recommend } from "@vafa/duckdb";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEmbedded } from "../withEngine.ts";
import { itemsText, parseFraction } from "./baskets.ts";

function parseWhole(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

/** `vafa recommend --customer ID`: cross-sell and up-sell from association rules. */
export function recommendCommand(): Command {
  return new Command("recommend")
    .description(
      "next best products for a customer: from association rules whose 'if' they bought and whose 'then' they have not, ranked by confidence × lift",
    )
    .requiredOption("--customer <id>", "the customer id")
    .option("--limit <n>", "how many products", parseWhole, 10)
    .option("--min-support <s>", "minimum support of the rules", parseFraction, 0.01)
    .option("--min-confidence <c>", "minimum confidence of the rules", parseFraction, 0.3)
    .action(
      async (
        opts: { customer: string; limit: number; minSupport: number; minConfidence: number },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const result = await withEmbedded(config, { feature: "recommend" }, (store) =>
          recommend(store.client, opts.customer, {
            limit: opts.limit,
            minSupport: opts.minSupport,
            minConfidence: opts.minConfidence,
          }),
        );
        if (json) return printJson(result);
        if (result.bought === 0) {
          process.stdout.write(`customer ${result.customer} has bought nothing yet: no rule applies\n`);
          return;
        }
        if (result.recommendations.length === 0) {
          process.stdout.write(
            `no rule applies to customer ${result.customer}'s ${result.bought} products\n`,
          );
          return;
        }
        printTable(
          result.recommendations.map((r) => ({
            item: r.label ? `${r.item} ${r.label}` : r.item,
            score: r.score,
            confidence: r.confidence,
            lift: r.lift,
            because: `${itemsText(r.rule.antecedent)} ⇒ ${itemsText(r.rule.consequent)}`,
          })),
          [
            ["item", "recommend"],
            ["score", "confidence × lift"],
            ["confidence", "confidence"],
            ["lift", "lift"],
            ["because", "because of the rule"],
          ],
        );
      },
    );
}
