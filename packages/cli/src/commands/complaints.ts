import { COMPLAINT_STATUSES, parseComplaintStatus } from "@vafa/core";
import { createComplaint, listComplaints, updateComplaint } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEmbedded } from "../withEngine.ts";

/** `vafa complaints add|list|resolve`: record complaints and move them to resolved. */
export function complaintsCommand(): Command {
  const root = new Command("complaints").description(
    "record complaints, list them with resolution times, resolve or close them (files: vafa ingest complaints)",
  );
  root
    .command("add")
    .description("record a new open complaint")
    .requiredOption("--customer <id>", "customer id")
    .requiredOption("--category <category>", "what it is about, e.g. late_delivery, billing_error")
    .option("--at <date>", "when, YYYY-MM-DD or ISO timestamp (default now)")
    .option("--channel <channel>", "phone, branch, email, …")
    .option("--severity <severity>", "low, medium, high, …")
    .option("--employee <employee>", "the employee concerned")
    .option("--branch <branch>", "the branch concerned")
    .option("--text <text>", "what the customer said")
    .action(
      async (
        opts: {
          customer: string;
          category: string;
          at?: string;
          channel?: string;
          severity?: string;
          employee?: string;
          branch?: string;
          text?: string;
        },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const id = await withEmbedded(
          config,
          { feature: "complaints", needsData: false, create: true },
          (store) =>
            createComplaint(store.client, {
              customerId: opts.customer,
              category: opts.category,
              ...(opts.at === undefined ? {} : { occurredAt: opts.at }),
              ...(opts.channel === undefined ? {} : { channel: opts.channel }),
              ...(opts.severity === undefined ? {} : { severity: opts.severity }),
              ...(opts.employee === undefined ? {} : { employee: opts.employee }),
              ...(opts.branch === undefined ? {} : { branch: opts.branch }),
              ...(opts.text === undefined ? {} : { text: opts.text }),
            }),
        );
        if (json) printJson({ id, status: "open" });
        else process.stdout.write(`complaint ${id} recorded (open)\n`);
      },
    );
  root
    .command("list")
    .description("complaints, newest first, with resolution time in hours")
    .option("--status <status>", COMPLAINT_STATUSES.join(" | "))
    .option("--customer <id>", "one customer's complaints")
    .option("--limit <n>", "how many", "50")
    .action(async (opts: { status?: string; customer?: string; limit: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const rows = await withEmbedded(config, { feature: "complaints", needsData: false }, (store) =>
        listComplaints(store.client, {
          limit: Number.parseInt(opts.limit, 10) || 50,
          ...(opts.status === undefined ? {} : { status: parseComplaintStatus(opts.status) }),
          ...(opts.customer === undefined ? {} : { customerId: opts.customer }),
        }),
      );
      if (json) return printJson(rows);
      printTable(
        rows.map((r) => ({
          ...r,
          hours: r.resolutionHours === null ? "" : r.resolutionHours.toFixed(1),
        })),
        [
          ["id", "id"],
          ["customerId", "customer"],
          ["occurredAt", "at"],
          ["category", "category"],
          ["status", "status"],
          ["hours", "hours to resolve"],
          ["resolution", "resolution"],
        ],
      );
    });
  root
    .command("resolve")
    .description("resolve (or close, or move to in_progress) a complaint, with how it was resolved")
    .argument("<id>", "complaint id")
    .option("--status <status>", COMPLAINT_STATUSES.join(" | "), "resolved")
    .option("--resolution <text>", "how it was resolved")
    .option("--assignee <user>", "who works it")
    .action(
      async (
        id: string,
        opts: { status: string; resolution?: string; assignee?: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const status = parseComplaintStatus(opts.status);
        await withEmbedded(config, { feature: "complaints", needsData: false }, (store) =>
          updateComplaint(store.client, id, {
            status,
            ...(opts.resolution === undefined ? {} : { resolution: opts.resolution }),
            ...(opts.assignee === undefined ? {} : { assignee: opts.assignee }),
          }),
        );
        if (json) printJson({ id, status });
        else process.stdout.write(`complaint ${id} is ${status}\n`);
      },
    );
  return root;
}
