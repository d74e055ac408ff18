import {
  chooseModel,
  type ModelChoice,
  type PurchaseModelName,
  purchaseModels,
  type QuantileSummary,
  scoreStore,
  writeScoresCsv,
} from "@vafa/app";
import { Command, InvalidArgumentError } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { withModelWorker } from "../withModelWorker.ts";
import { identificationNotice } from "./clvFit.ts";
import { isoDay, positiveNumber, timeUnit, wholeNumber } from "./clvOptions.ts";

function purchaseModelName(text: string): PurchaseModelName | "auto" {
  if (text === "auto") return "auto";
  const found = purchaseModels.find((m) => m === text);
  if (found === undefined)
    throw new InvalidArgumentError(`expected auto | ${purchaseModels.join(" | ")}, got '${text}'`);
  return found;
}

/**
 * A distribution in one line: median, the middle half and the middle 80%.
 *
 * @example
 * spread(q, 3); // "median 0.998, middle half 0.993–1.000, 80% within 0.970–1.000"
 */
export function spread(q: QuantileSummary, digits: number): string {
  const f = (v: number) => v.toFixed(digits);
  return `median ${f(q.median)}, middle half ${f(q.p25)}–${f(q.p75)}, 80% within ${f(q.p10)}–${f(q.p90)}`;
}

/** `vafa clv score`: scores every customer (P(alive), expected purchases and spend, CLV) and stores it. */
export function clvScoreCommand(): Command {
  return new Command("score")
    .description(
      "score every customer with a purchase model and Gamma-Gamma (fitted if needed) and store the scores in customer_scores",
    )
    .option(
      "--model <name>",
      `purchase model: auto (the one that predicts a held-out last third best, see vafa clv check) | ${purchaseModels.join(" | ")}`,
      purchaseModelName,
      "auto",
    )
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
      // Fits run in a worker thread: a progress line on a terminal, Ctrl-C stops them cleanly.
      const report = await withEngine(config, { feature: "clv-score" }, (engine) =>
        withModelWorker(json, async (run) => {
          const choice: ModelChoice | null =
            opts.model === "auto"
              ? await chooseModel(engine, {
                  unit: opts.unit,
                  ...(opts.calibrationEnd === undefined ? {} : { asOf: opts.calibrationEnd }),
                  runCheck: (inputs) => run({ kind: "check", inputs }),
                })
              : null;
          const scored = await scoreStore(engine, {
            model: choice?.model ?? (opts.model as PurchaseModelName),
            runFit: (inputs) => run({ kind: "fit", inputs }),
            horizonDays: opts.horizon,
            discountRate: opts.discountRate,
            margin: opts.margin,
            unit: opts.unit,
            ...(opts.calibrationEnd === undefined ? {} : { calibrationEnd: opts.calibrationEnd }),
          });
          const written = opts.out === undefined ? null : await writeScoresCsv(engine, opts.out);
          return { ...scored, choice, ...(written === null ? {} : { out: opts.out, rows_written: written }) };
        }),
      );
      if (json) {
        printJson(report);
        return;
      }
      process.stdout.write(
        `${report.customers.toLocaleString("en-US")} customers scored with ${report.model} + Gamma-Gamma over ${report.horizon_days} days ` +
          `(discount ${report.discount_rate} a year, margin ${report.margin}${report.margin === 1 ? ": CLV in sales" : ""})\n` +
          `total CLV ${report.total_clv.toFixed(2)}\n` +
          `P(alive): ${spread(report.distribution.p_alive, 3)}\n` +
          `expected purchases in ${report.horizon_days} days: ${spread(report.distribution.expected_purchases, 2)}\n`,
      );
      if (report.choice !== null) process.stdout.write(`model ${report.model}: ${report.choice.reason}\n`);
      if (report.identification !== null)
        process.stdout.write(identificationNotice({ identification: report.identification }));
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
