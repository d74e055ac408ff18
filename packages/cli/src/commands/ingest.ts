import { writeFileSync } from "node:fs";
import {
  csvCell,
  fileFormats,
  IngestError,
  type IngestMapping,
  kinds,
  parseKind,
  presets,
  type RowProblem,
} from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { progressBar } from "../progressBar.ts";
import { withEngine } from "../withEngine.ts";

function collectMap(pair: string, previous: Record<string, string>): Record<string, string> {
  const at = pair.indexOf("=");
  if (at <= 0 || at === pair.length - 1) throw new Error(`--map expects field=column, got '${pair}'`);
  return { ...previous, [pair.slice(0, at)]: pair.slice(at + 1) };
}

function collectSet(pair: string, previous: Record<string, string>): Record<string, string> {
  const at = pair.indexOf("=");
  if (at <= 0) throw new Error(`--set expects field=value, got '${pair}'`);
  return { ...previous, [pair.slice(0, at).trim()]: pair.slice(at + 1) };
}

/** "id ← Customerid, survey = exit": which column fed each field, and the constants. */
function describeMapping(m: IngestMapping): string {
  return [
    ...Object.entries(m.columns).map(([field, column]) => `${field} ← ${column}`),
    ...Object.entries(m.set).map(([field, value]) => `${field} = ${value}`),
  ].join(", ");
}

/** "attributes: Contract (text), tenure (number), Partner (yes/no)": the columns kept as attributes. */
function describeAttributes(m: IngestMapping): string | null {
  const list = m.attributes ?? [];
  if (list.length === 0) return null;
  return `${m.file}: ${list.length} attribute${list.length === 1 ? "" : "s"}: ${list
    .map((a) => `${a.name} (${a.type === "empty" ? "empty: not kept" : a.type})`)
    .join(", ")}`;
}

function collectList(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// Quoted, and neutralised against spreadsheet formulas: rejected values are raw input.
const csvField = csvCell;

function writeRejects(path: string, problems: readonly RowProblem[]): void {
  const lines = ["file,line,field,column,value,reason"];
  for (const p of problems) {
    lines.push([p.file, p.line, p.field, p.column, p.value, p.reason].map(csvField).join(","));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** `vafa ingest <kind> <file…>`: loads files atomically and idempotently into the store. */
export function ingestCommand(): Command {
  return new Command("ingest")
    .description(
      `load ${kinds.join(", ")} from CSV, TSV, whitespace-separated, Parquet, JSON or JSON Lines files (optionally .gz); all or nothing, and loading the same rows twice adds nothing`,
    )
    .argument("<kind>", `what the files hold: ${kinds.join(" | ")}`)
    .argument("<files...>", "files to load, in one transaction")
    .option(
      "--map <field=column>",
      "read a canonical field from a differently named column (repeatable)",
      collectMap,
    )
    .option(
      "--set <field=value>",
      "give a field the same value on every row, for a field the file lacks, e.g. --set survey=exit --set occurred_at=2024-01-01 (repeatable)",
      collectSet,
    )
    .option(
      "--defected-value <value>",
      "customers: a status value that means defected, e.g. Churned (repeatable); every other value is then active. Default: churned, defected, left, yes, 1, … are defected; stayed, active, joined, no, 0, … active",
      collectList,
      [],
    )
    .option("--preset <name>", `recipe for a bundled data set: ${Object.keys(presets).join(" | ")}`)
    .option("--format <format>", `override the format guessed from the extension: ${fileFormats.join(" | ")}`)
    .option("--date-format <strptime>", "format of dates that are neither ISO nor YYYYMMDD, e.g. %d/%m/%Y")
    .option("--no-header", "CSV/TSV files have no header line (columns are then column1, column2, …)")
    .option(
      "--skip-bad-rows",
      "load the good rows and write the rejected ones with their reasons to a rejects file",
    )
    .option("--rejects <file>", "where --skip-bad-rows writes rejected rows", "rejects.csv")
    .action(async (kindArg: string, files: string[], opts, command: Command) => {
      const { config, json } = globalOptions(command);
      const kind = parseKind(kindArg);
      const bar = json ? undefined : progressBar(`loading ${kind}`);
      await withEngine(config, { feature: "ingest", create: true, needsData: false }, async (engine) => {
        try {
          const summary = await engine.ingest({
            kind,
            files,
            map: opts.map ?? {},
            set: opts.set ?? {},
            header: opts.header,
            skipBadRows: opts.skipBadRows === true,
            ...(opts.defectedValue.length > 0 ? { defectedValues: opts.defectedValue } : {}),
            ...(opts.preset ? { preset: opts.preset } : {}),
            ...(opts.format ? { format: opts.format } : {}),
            ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
            ...(bar ? { onProgress: (f: number, file: string) => bar(f, file) } : {}),
          });
          const { problems, ...counts } = summary;
          if (problems.length > 0) writeRejects(opts.rejects, problems);
          const report = { ...counts, ...(problems.length > 0 ? { rejects_file: opts.rejects } : {}) };
          if (json) printJson(report);
          else {
            process.stdout.write(
              `${kind}: ${counts.rows_read.toLocaleString("en-US")} rows read, ${counts.rows_loaded.toLocaleString("en-US")} loaded, ${counts.rows_rejected.toLocaleString("en-US")} rejected; ${counts.customers.toLocaleString("en-US")} customers\n`,
            );
            if (problems.length > 0) process.stdout.write(`rejected rows and reasons: ${opts.rejects}\n`);
            if ((counts.rows_skipped ?? 0) > 0)
              process.stdout.write(
                `${counts.rows_skipped?.toLocaleString("en-US")} rows without an answer (no score, reason or text) skipped\n`,
              );
            for (const m of counts.mappings ?? []) {
              process.stdout.write(`${m.file}: ${describeMapping(m)}\n`);
              const attributes = describeAttributes(m);
              if (attributes !== null) process.stdout.write(`${attributes}\n`);
            }
          }
        } catch (error) {
          if (error instanceof IngestError) {
            if (json)
              printJson({ error: error.message, rows_rejected: error.rejected, problems: error.problems });
            for (const p of error.problems) {
              process.stderr.write(
                `${p.file}:${p.line}: column ${p.column} (${p.field}): ${p.reason}: ${JSON.stringify(p.value)}\n`,
              );
            }
          }
          throw error;
        }
      });
    });
}
