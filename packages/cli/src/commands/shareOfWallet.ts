import { AnalysisError, type MarketEstimate, parseMarketEstimate, type WalletShareSegment } from "@vafa/core";
import { shareOfWallet } from "@vafa/duckdb";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEmbedded } from "../withEngine.ts";

function collectEstimate(text: string, previous: MarketEstimate[] = []): MarketEstimate[] {
  try {
    return [...previous, parseMarketEstimate(text)];
  } catch (error) {
    if (error instanceof AnalysisError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function percent(share: number | null): string {
  return share === null ? "" : `${(share * 100).toFixed(1)}%`;
}

function display(s: WalletShareSegment): Record<string, unknown> {
  return {
    segment: s.segment ?? "(no segment)",
    customers: s.customers,
    spend: Math.round(s.spend * 100) / 100,
    total: Math.round(s.total * 100) / 100,
    mean_share: percent(s.mean_share),
    spend_weighted_share: percent(s.spend_weighted_share),
    aggregate_share: percent(s.aggregate_share),
    budget_understated: s.budget_understated,
  };
}

/** `vafa share-of-wallet [--estimate segment=amount …]`: our part of each customer's category spend. */
export function shareOfWalletCommand(): Command {
  return new Command("share-of-wallet")
    .description(
      "each customer's spend with us over the last 12 months of data ÷ their annual category spend (declared category_budget, else a 'wallet' survey answer, else a market estimate for the segment), per customer and per segment; shares above 100% are shown, not capped",
    )
    .option(
      "--estimate <segment=amount>",
      "annual category spend per customer in a segment, for customers with no budget or survey answer (repeatable)",
      collectEstimate,
    )
    .action(async (opts: { estimate?: MarketEstimate[] }, command: Command) => {
      const { config, json } = globalOptions(command);
      const result = await withEmbedded(config, { feature: "share-of-wallet" }, (store) =>
        shareOfWallet(store.client, { estimates: opts.estimate ?? [] }),
      );
      if (json) {
        printJson(result);
        return;
      }
      if (!result.available) {
        process.stdout.write(
          "Share of wallet is not available: there is no category budget, no wallet survey answer and no market estimate. Load customers with a category_budget column, load wallet survey answers, or pass --estimate segment=amount.\n",
        );
        return;
      }
      process.stdout.write(
        `spend from ${result.from ?? "–"} to ${result.to ?? "–"}; totals from ${result.sources.category_budget} declared budget(s), ${result.sources.wallet_survey} survey answer(s), ${result.sources.market_estimate} market estimate(s)\n\n`,
      );
      printTable([...result.segments, result.overall].map(display), [
        ["segment", "segment"],
        ["customers", "customers"],
        ["spend", "spend"],
        ["total", "category total"],
        ["mean_share", "mean share"],
        ["spend_weighted_share", "spend-weighted"],
        ["aggregate_share", "Σspend ÷ Σtotal"],
        ["budget_understated", "budget understated"],
      ]);
      for (const note of result.notes) process.stdout.write(`\nnote: ${note}`);
      process.stdout.write("\n");
    });
}
