import { defaultCalibrationEnd, readCheckInputs } from "@vafa/app";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { withModelWorker } from "../withModelWorker.ts";
import { identificationNotice } from "./clvFit.ts";
import { isoDay, timeUnit } from "./clvOptions.ts";

/** Text output shows at most this many tracking rows (every k-th week, and always the last). */
const TRACKING_ROWS = 26;

/** `vafa clv check`: fits each purchase model on calibration data and checks it against the holdout. */
export function clvCheckCommand(): Command {
  return new Command("check")
    .description(
      "fit BG/NBD, Pareto/NBD and MBG/NBD on the calibration period and compare them: BIC, holdout accuracy, frequency fit, tracking curve",
    )
    .option(
      "--calibration-end <date>",
      "last day of the calibration period (default: two thirds into the data)",
      isoDay,
    )
    .option("--holdout-end <date>", "last day of the holdout period (default: last day with data)", isoDay)
    .option("--unit <unit>", "model time unit: day | week", timeUnit, "week")
    .action(async (opts, command: Command) => {
      const { config, json } = globalOptions(command);
      // The fits run in a worker thread: a progress line on a terminal, Ctrl-C stops them cleanly.
      const check = await withEngine(config, { feature: "clv-check" }, async (engine) => {
        const inputs = await readCheckInputs(engine, {
          calibrationEnd: opts.calibrationEnd ?? (await defaultCalibrationEnd(engine)),
          unit: opts.unit,
          ...(opts.holdoutEnd === undefined ? {} : { holdoutEnd: opts.holdoutEnd }),
        });
        return withModelWorker(json, (run) => run({ kind: "check", inputs }));
      });
      if (json) {
        printJson(check);
        return;
      }
      const models = check.comparison.map((c) => c.model);
      process.stdout.write(
        `calibration to ${check.calibration_end}, holdout to ${check.holdout_end} (${check.holdout_length.toFixed(1)} ${check.unit}s)\n\nmodels, best BIC first:\n`,
      );
      printTable(check.comparison as unknown as Record<string, unknown>[], [
        ["model", "model"],
        ["log_likelihood", "log-lik"],
        ["k", "k"],
        ["bic", "BIC"],
        ["holdout_mae", "holdout MAE"],
        ["holdout_correlation", "corr"],
        ["holdout_predicted", "predicted"],
        ["holdout_actual", "actual"],
        ["chi_square", "chi-sq"],
      ]);
      process.stdout.write(
        `\nbest at predicting the holdout: ${check.best.model} — ${check.best.reason}\n` +
          "(vafa clv score --model auto, the default, scores with it)\n",
      );
      for (const fit of check.fits) {
        const notice = identificationNotice(fit);
        if (notice !== "") process.stdout.write(`${fit.model}: ${notice}`);
      }
      process.stdout.write("\ncustomers by calibration repeat purchases:\n");
      printTable(check.frequency, [
        ["frequency", "x"],
        ["actual", "actual"],
        ...models.map((m) => [m, m] as const),
      ]);
      process.stdout.write("\ncumulative repeat purchases by week (* = holdout):\n");
      const every = Math.max(1, Math.ceil(check.tracking.length / TRACKING_ROWS));
      const rows = check.tracking
        .filter((_, i) => i % every === every - 1 || i === check.tracking.length - 1)
        .map((r) => ({ ...r, week: `${r.week}${r.holdout === true ? "*" : ""}` }));
      printTable(rows, [["week", "week"], ["actual", "actual"], ...models.map((m) => [m, m] as const)]);
    });
}
