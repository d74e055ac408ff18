import {
  type ClvFit,
  clvModels,
  fitAndRecord,
  fitFromSummaryFile,
  parseClvModel,
  readFitInputs,
} from "@vafa/app";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { withModelWorker } from "../withModelWorker.ts";
import { isoDay, positiveNumber, timeUnit, wholeNumber } from "./clvOptions.ts";

/**
 * The identification notice in plain words, when the data do not pin the fit down (see
 * `identification.notice`), else "". Every text surface of a fit prints it under the fit.
 *
 * @example
 * identificationNotice(fit); // "note: The data cannot separate customers who stopped from …\n"
 */
export function identificationNotice(fit: Pick<ClvFit, "identification">): string {
  const id = fit.identification;
  return id?.notice === true ? `note: ${id.message}\n` : "";
}

/** Prints a fit as text: one line per parameter with its standard error and 95% interval, then the notice. */
export function printFit(fit: ClvFit): void {
  process.stdout.write(
    `${fit.model}: log-likelihood ${fit.log_likelihood.toFixed(2)}, ${fit.n.toLocaleString("en-US")} customers${fit.converged ? "" : " (did not converge)"}\n`,
  );
  printTable(
    Object.entries(fit.params).map(([name, value]) => {
      const ci = fit.intervals?.[name];
      return {
        name,
        value,
        se: fit.std_errors[name] ?? null,
        ci: ci === undefined ? "" : `${ci.lower.toPrecision(3)} – ${ci.upper.toPrecision(3)}`,
      };
    }),
    [
      ["name", "parameter"],
      ["value", "estimate"],
      ["se", "std. error"],
      ["ci", "95% interval"],
    ],
  );
  process.stdout.write(identificationNotice(fit));
}

/** `vafa clv fit`: fits one model on the store's transactions or on a published summary file. */
export function clvFitCommand(): Command {
  return new Command("fit")
    .description("fit a purchase, spend or retention model and print its parameters")
    .requiredOption("--model <name>", `model: ${clvModels.join(" | ")}`, parseClvModel)
    .option("--summary <file>", "fit on a summary CSV (lifetimes or paper column names) instead of the store")
    .option("--column <name>", "sbg: survivor column of the survival table")
    .option("--periods <n>", "sbg: fit periods 1..N after the cohort at period 0", wholeNumber)
    .option(
      "--calibration-end <date>",
      "last day of the calibration period (default: last day with data)",
      isoDay,
    )
    .option("--unit <unit>", "time unit of recency and age: day | week", timeUnit, "week")
    .option(
      "--penalizer <l>",
      "L2 penalty on the parameters, as in lifetimes (default 0)",
      positiveNumber(true),
    )
    .action(async (opts, command: Command) => {
      const { config, json } = globalOptions(command);
      let fit: ClvFit;
      if (opts.summary !== undefined) {
        fit = await fitFromSummaryFile(opts.summary, {
          model: opts.model,
          ...(opts.column === undefined ? {} : { column: opts.column }),
          ...(opts.periods === undefined ? {} : { periods: opts.periods }),
          ...(opts.penalizer === undefined ? {} : { penalizer: opts.penalizer }),
        });
      } else {
        const options = {
          model: opts.model,
          unit: opts.unit,
          ...(opts.calibrationEnd === undefined ? {} : { calibrationEnd: opts.calibrationEnd }),
          ...(opts.penalizer === undefined ? {} : { penalizer: opts.penalizer }),
        };
        // The fit runs in a worker thread: a progress line on a terminal, Ctrl-C stops it cleanly.
        const { fit: fresh } = await withEngine(config, { feature: "clv-fit" }, (engine) =>
          withModelWorker(json, async (run) =>
            fitAndRecord(engine, options, async () =>
              run({ kind: "fit", inputs: await readFitInputs(engine, options) }),
            ),
          ),
        );
        fit = fresh;
      }
      if (json) printJson(fit);
      else printFit(fit);
    });
}
