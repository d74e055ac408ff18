import { runLifecycle } from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { measureOptions, withMeasureOptions } from "./retention.ts";

/** `vafa lifecycle --period P`: new, retained, resurrected and dormant customers per period. */
export function lifecycleCommand(): Command {
  return withMeasureOptions(
    new Command("lifecycle").description("customers per period: new, retained, resurrected, dormant (left)"),
  ).action(async (opts: Record<string, unknown>, command: Command) => {
    const { config, json } = globalOptions(command);
    const options = measureOptions(opts);
    const rows = await withEngine(config, { feature: "lifecycle" }, (engine) =>
      runLifecycle(engine.facts, engine.dialect, options),
    );
    if (json) {
      printJson({ period: typeof opts.period === "string" ? opts.period : "", rows });
      return;
    }
    printTable(
      rows.map((r) => ({ ...r, period: r.complete ? r.period : `${r.period}*` })),
      [
        ["period", "period"],
        ["new", "new"],
        ["retained", "retained"],
        ["resurrected", "resurrected"],
        ["dormant", "dormant"],
      ],
    );
    if (rows.some((r) => !r.complete)) process.stdout.write("* incomplete period\n");
  });
}
