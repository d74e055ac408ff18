import type { Command } from "commander";
import { cohortsCommand } from "./cohorts.ts";
import { demoCommand } from "./demo.ts";
import { ingestCommand } from "./ingest.ts";
import { lifecycleCommand } from "./lifecycle.ts";
import { profitabilityCommand } from "./profitability.ts";
import { repurchaseCycleCommand } from "./repurchaseCycle.ts";
import { retentionCommand } from "./retention.ts";
import { shareOfWalletCommand } from "./shareOfWallet.ts";
import { simulateCommand } from "./simulate.ts";

/** Every `vafa` subcommand, in the order `vafa --help` lists them. */
export function commands(): Command[] {
  return [
    demoCommand(),
    ingestCommand(),
    simulateCommand(),
    retentionCommand(),
    cohortsCommand(),
    lifecycleCommand(),
    repurchaseCycleCommand(),
    profitabilityCommand(),
    shareOfWalletCommand(),
  ];
}
