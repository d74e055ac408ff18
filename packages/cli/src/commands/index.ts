import type { Command } from "commander";
import { alertsCommand } from "./alerts.ts";
import { atRiskCommand } from "./atRisk.ts";
import { basketsCommand } from "./baskets.ts";
import { causesCommand } from "./causes.ts";
import { clvCommand } from "./clv.ts";
import { cohortsCommand } from "./cohorts.ts";
import { complaintsCommand } from "./complaints.ts";
import { defectionCommand } from "./defection.ts";
import { demoCommand } from "./demo.ts";
import { engineCommand } from "./engine.ts";
import { ingestCommand } from "./ingest.ts";
import { lifecycleCommand } from "./lifecycle.ts";
import { profitabilityCommand } from "./profitability.ts";
import { programmeCommand } from "./programme.ts";
import { recommendCommand } from "./recommend.ts";
import { repurchaseCycleCommand } from "./repurchaseCycle.ts";
import { retentionCommand } from "./retention.ts";
import { segmentsCommand } from "./segments.ts";
import { serveCommand } from "./serve.ts";
import { shareOfWalletCommand } from "./shareOfWallet.ts";
import { simulateCommand } from "./simulate.ts";
import { surveysCommand } from "./surveys.ts";
import { webhooksCommand } from "./webhooks.ts";
import { worklistCommand } from "./worklist.ts";

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
    serveCommand(),
    engineCommand(),
    clvCommand(),
    segmentsCommand(),
    basketsCommand(),
    recommendCommand(),
    defectionCommand(),
    atRiskCommand(),
    worklistCommand(),
    alertsCommand(),
    webhooksCommand(),
    programmeCommand(),
    complaintsCommand(),
    surveysCommand(),
    causesCommand(),
  ];
}
