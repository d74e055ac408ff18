import { Command } from "commander";
import { clvCheckCommand } from "./clvCheck.ts";
import { clvFitCommand } from "./clvFit.ts";
import { clvScoreCommand } from "./clvScore.ts";

/** `vafa clv`: purchase and lifetime-value models — fit, score customers, check the models. */
export function clvCommand(): Command {
  return new Command("clv")
    .description("purchase and lifetime-value models: fit them, score every customer, check them")
    .addCommand(clvFitCommand().configureHelp({ showGlobalOptions: true }))
    .addCommand(clvScoreCommand().configureHelp({ showGlobalOptions: true }))
    .addCommand(clvCheckCommand().configureHelp({ showGlobalOptions: true }));
}
