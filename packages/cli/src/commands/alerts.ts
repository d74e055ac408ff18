import { writeFileSync } from "node:fs";
import { type AlertRow, listAlerts } from "@vafa/app";
import { ALERT_STATES, csvCell } from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { withEngine } from "../withEngine.ts";

const COLUMNS: readonly (keyof AlertRow)[] = [
  "id",
  "customer_id",
  "created_at",
  "status",
  "rule",
  "reason",
  "value_at_stake",
  "value_basis",
  "priority",
  "p_alive",
  "owner",
  "branch",
  "assignee",
  "state",
  "closed_at",
  "closed_reason",
];

// Quoted, and neutralised against spreadsheet formulas (reasons and ids come from the data).
const csvField = csvCell;

/** `vafa alerts export`: alerts as CSV (UTF-8 with a BOM so spreadsheets read Persian and Arabic). */
export function alertsCommand(): Command {
  const root = new Command("alerts").description("alerts of the defection early warning");
  root
    .command("export")
    .description("write alerts as CSV (all states by default)")
    .option("--format <format>", "csv", "csv")
    .option("--out <file>", "write here instead of stdout")
    .option("--state <state>", `only this state: ${ALERT_STATES.join(" | ")}`)
    .action(async (opts: { format: string; out?: string; state?: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      if (opts.format !== "csv") throw new Error(`--format must be csv, got "${opts.format}"`);
      if (opts.state !== undefined && !ALERT_STATES.some((s) => s === opts.state)) {
        throw new Error(`--state must be one of ${ALERT_STATES.join(", ")}`);
      }
      const rows = await withEngine(config, { feature: "worklist", needsData: false }, (engine) =>
        listAlerts(engine, {
          states: opts.state === undefined ? [...ALERT_STATES] : [opts.state as string],
        }),
      );
      const csv = `${[COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(","))].join("\n")}\n`;
      if (opts.out === undefined) process.stdout.write(csv);
      else {
        writeFileSync(opts.out, `\uFEFF${csv}`);
        if (json) printJson({ file: opts.out, alerts: rows.length });
        else process.stdout.write(`${rows.length} alerts written to ${opts.out}\n`);
      }
    });
  return root;
}
