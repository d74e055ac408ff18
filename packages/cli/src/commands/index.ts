import type { Command } from "commander";
import { demoCommand } from "./demo.ts";
import { ingestCommand } from "./ingest.ts";
import { simulateCommand } from "./simulate.ts";

/** Every `vafa` subcommand, in the order `vafa --help` lists them. */
export function commands(): Command[] {
  return [demoCommand(), ingestCommand(), simulateCommand()];
}
