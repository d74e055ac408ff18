import { purchaseModels, scoreStore, writeScoresCsv } from "@vafa/app";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { isoDay, positiveNumber, timeUnit, wholeNumber } from "./clvOptions.ts";

function purchaseModelName(text: string) {
  const found = purchaseModels.find((m) => m === text);
  if (found === undefined)
    throw new InvalidArgumentError(`expected ${purchaseModels.join(" | ")}, got '${text}'`);
  return found;
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
      const report = await withEngine(config, { feature: "clv-score" }, async (engine) => {
        const scored = await scoreStore(engine, {
          model: opts.model,
          horizonDays: opts.horizon,
          discountRate: opts.discountRate,
          margin: opts.margin,
          unit: opts.unit,
          ...(opts.calibrationEnd === undefined ? {} : { calibrationEnd: opts.calibrationEnd }),
        });
        const written = opts.out === undefined ? null : await writeScoresCsv(engine, opts.out);
        return { ...scored, ...(written === null ? {} : { out: opts.out, rows_written: written }) };
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
