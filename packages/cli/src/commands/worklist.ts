import { closeAlert, recordContact, takeAlert } from "@vafa/app";
import { CONTACT_OUTCOMES, DEFAULT_EXIT_REASONS, parseOutcome } from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { withEngine } from "../withEngine.ts";

/** `vafa worklist take|record|close`: work an alert from open to closed. */
export function worklistCommand(): Command {
  const root = new Command("worklist").description(
    "take alerts, record contact attempts and exit reasons, close alerts",
  );
  root
    .command("take")
    .description("take an alert: it becomes in_progress, assigned to --user")
    .argument("<alert>", "alert id")
    .requiredOption("--user <user>", "who takes it")
    .action(async (alert: string, opts: { user: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      await withEngine(config, { feature: "worklist", needsData: false }, (engine) =>
        takeAlert(engine, alert, opts.user),
      );
      if (json) printJson({ alert, state: "in_progress", assignee: opts.user });
      else process.stdout.write(`alert ${alert} taken by ${opts.user}\n`);
    });
  root
    .command("record")
    .description(`record a contact attempt; outcomes other than unreachable close the alert`)
    .argument("<alert>", "alert id")
    .requiredOption("--outcome <outcome>", CONTACT_OUTCOMES.join(" | "))
    .option("--reason <reason>", `exit reason: ${DEFAULT_EXIT_REASONS.join(" | ")}`)
    .option("--note <text>", "free text (what the customer said)")
    .option("--follow-up <date>", "when to try again, YYYY-MM-DD")
    .option("--user <user>", "who made the contact (default the assignee)")
    .option("--channel <channel>", "phone, visit, email, …")
    .action(
      async (
        alert: string,
        opts: {
          outcome: string;
          reason?: string;
          note?: string;
          followUp?: string;
          user?: string;
          channel?: string;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const result = await withEngine(config, { feature: "worklist", needsData: false }, (engine) =>
          recordContact(engine, {
            alertId: alert,
            outcome: parseOutcome(opts.outcome),
            ...(opts.reason === undefined ? {} : { exitReason: opts.reason }),
            ...(opts.note === undefined ? {} : { note: opts.note }),
            ...(opts.followUp === undefined ? {} : { followUp: opts.followUp }),
            ...(opts.user === undefined ? {} : { employee: opts.user }),
            ...(opts.channel === undefined ? {} : { channel: opts.channel }),
          }),
        );
        if (json) printJson({ alert, ...result });
        else
          process.stdout.write(`contact ${result.contactId} recorded; alert ${alert} is ${result.state}\n`);
      },
    );
  root
    .command("close")
    .description("close an alert without a contact")
    .argument("<alert>", "alert id")
    .requiredOption("--reason <reason>", "why (e.g. duplicate, not_worth_retaining)")
    .action(async (alert: string, opts: { reason: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      await withEngine(config, { feature: "worklist", needsData: false }, (engine) =>
        closeAlert(engine, alert, opts.reason),
      );
      if (json) printJson({ alert, state: "closed" });
      else process.stdout.write(`alert ${alert} closed\n`);
    });
  return root;
}
