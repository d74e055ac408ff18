import { Command } from "commander";
import { commands } from "./commands/index.ts";
import { exitCode } from "./exitCode.ts";

const program = new Command("vafa")
  .description("Vafa: customer retention — measure it, predict it, act on it.")
  .option("--db <path>", "DuckDB file holding the data (default: the config's db, else ./vafa.duckdb)")
  .option("--config <file>", "configuration file (default: ./vafa.config.json when present)")
  .option(
    "--engine <engine>",
    "where analyses run: duckdb | clickhouse (default: the config's engine, else duckdb)",
  )
  .option("--json", "print one JSON document on stdout and nothing else there")
  .configureHelp({ showGlobalOptions: true });

for (const command of commands()) program.addCommand(command.configureHelp({ showGlobalOptions: true }));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`vafa: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(exitCode(error));
}
