import { sql } from "@vafa/core";
import {
  type ClvFit,
  type ClvModel,
  fitFromStore,
  latestFit,
  purchaseModels,
  recordFit,
  scoreCustomers,
  writeScoresCsv,
} from "@vafa/duckdb";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { type EmbeddedStore, withEmbedded } from "../withEngine.ts";
import { isoDay, positiveNumber, timeUnit, wholeNumber } from "./clvOptions.ts";

function purchaseModelName(text: string) {
  const found = purchaseModels.find((m) => m === text);
  if (found === undefined)
    throw new InvalidArgumentError(`expected ${purchaseModels.join(" | ")}, got '${text}'`);
  return found;
}

/**
 * The latest stored fit of `model` for the same calibration end and unit when it is newer than the
 * last load (so new data always refits), else a fresh fit, recorded.
 */
async function fitIfNeeded(
  store: EmbeddedStore,
  model: ClvModel,
  calibrationEnd: string | null,
  unit: "day" | "week",
): Promise<{ fit: ClvFit; reused: boolean }> {
  const stored = await latestFit(store.client, model);
  if (stored !== null && stored.calibrationEnd === calibrationEnd && stored.unit === unit) {
    const [row] = await store.client.all(
      sql("SELECT count(*) AS newer FROM loads WHERE started_at >= CAST($1 AS TIMESTAMP)", [
        stored.fitted_at,
      ]),
    );
    if (Number(row?.newer ?? 0) === 0) return { fit: stored, reused: true };
  }
  const fit = await fitFromStore(store.client, {
    model,
    unit,
    ...(calibrationEnd === null ? {} : { calibrationEnd }),
  });
  await recordFit(store.client, fit, { calibrationEnd, unit });
  return { fit, reused: false };
}

/** `vafa clv score`: scores every customer (P(alive), expected purchases and spend, CLV) and stores it. */
export function clvScoreCommand(): Command {
  return new Command("score")
    .description(
      "score every customer with a purchase model and Gamma-Gamma (fitted if needed) and store the scores in customer_scores",
    )
    .option("--model <name>", `purchase model: ${purchaseModels.join(" | ")}`, purchaseModelName, "bgnbd")
    .option("--horizon <days>", "horizon of expected purchases and CLV, in days", wholeNumber, 365)
    .option("--discount-rate <r>", "annual discount rate of future sales", positiveNumber(true), 0.1)
    .option(
      "--margin <m>",
      "profit margin applied to spend; the default 1 gives CLV in sales, not profit",
      positiveNumber(true),
      1,
    )
    .option("--calibration-end <date>", "score as of this day (default: last day with data)", isoDay)
    .option("--unit <unit>", "model time unit: day | week", timeUnit, "week")
    .option("--out <file.csv>", "also write the scores to a CSV file")
    .action(async (opts, command: Command) => {
      const { config, json } = globalOptions(command);
      const calibrationEnd: string | null = opts.calibrationEnd ?? null;
      const report = await withEmbedded(config, { feature: "clv-score" }, async (store) => {
        const purchase = await fitIfNeeded(store, opts.model, calibrationEnd, opts.unit);
        const spend = await fitIfNeeded(store, "gamma-gamma", calibrationEnd, opts.unit);
        const { p, q, v } = spend.fit.params;
        if (p === undefined || q === undefined || v === undefined)
          throw new Error("stored Gamma-Gamma fit lacks p, q, v");
        const summary = await scoreCustomers(store.client, {
          model: opts.model,
          params: purchase.fit.params,
          spendParams: { p, q, v },
          horizonDays: opts.horizon,
          discountRate: opts.discountRate,
          margin: opts.margin,
          unit: opts.unit,
          ...(calibrationEnd === null ? {} : { calibrationEnd }),
        });
        const written = opts.out === undefined ? null : await writeScoresCsv(store.client, opts.out);
        return {
          model: opts.model,
          unit: opts.unit,
          horizon_days: opts.horizon,
          discount_rate: opts.discountRate,
          margin: opts.margin,
          purchase_params: purchase.fit.params,
          spend_params: spend.fit.params,
          refitted: !(purchase.reused && spend.reused),
          ...summary,
          ...(written === null ? {} : { out: opts.out, rows_written: written }),
        };
      });
      if (json) {
        printJson(report);
        return;
      }
      process.stdout.write(
        `${report.customers.toLocaleString("en-US")} customers scored with ${report.model} + Gamma-Gamma over ${report.horizon_days} days ` +
          `(discount ${report.discount_rate} a year, margin ${report.margin}${report.margin === 1 ? ": CLV in sales" : ""})\n` +
          `total CLV ${report.total_clv.toFixed(2)}, mean P(alive) ${report.mean_p_alive.toFixed(4)}\n`,
      );
      if (report.out !== undefined) process.stdout.write(`scores written to ${report.out}\n`);
      process.stdout.write("top 10 by CLV:\n");
      printTable(report.top as unknown as Record<string, unknown>[], [
        ["customer_id", "customer"],
        ["clv", "CLV"],
        ["p_alive", "P(alive)"],
        ["expected_purchases", "exp. purchases"],
        ["expected_spend", "exp. spend"],
        ["historical_value", "sales to date"],
      ]);
    });
}
