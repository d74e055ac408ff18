import { listAlerts } from "@vafa/app";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";

/** `vafa at-risk`: the worklist — open alerts, highest value at risk first. */
export function atRiskCommand(): Command {
  return new Command("at-risk")
    .description(
      "customers about to defect or defected: open alerts with the reason and value at stake, highest value at risk first",
    )
    .option("--owner <owner>", "only alerts owned by this employee (or branch)")
    .option("--branch <branch>", "only this branch")
    .option("--limit <n>", "at most this many", "50")
    .action(async (opts: { owner?: string; branch?: string; limit: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0)
        throw new Error(`--limit expects a whole number, got "${opts.limit}"`);
      const rows = await withEngine(config, { feature: "worklist", needsData: false }, (engine) =>
        listAlerts(engine, {
          limit,
          ...(opts.owner === undefined ? {} : { owner: opts.owner }),
          ...(opts.branch === undefined ? {} : { branch: opts.branch }),
        }),
      );
      if (json) return printJson(rows);
      printTable(
        rows.map((r) => ({
          ...r,
          value_at_stake: Math.round(r.value_at_stake ?? 0),
          priority: Math.round(r.priority ?? 0),
        })),
        [
          ["id", "alert"],
          ["customer_id", "customer"],
          ["status", "status"],
          ["priority", "value at risk"],
          ["value_at_stake", "value"],
          ["owner", "owner"],
          ["state", "state"],
          ["reason", "reason"],
        ],
      );
    });
}
