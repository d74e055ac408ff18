import { addWebhook, type DeliveryPass, deliverWebhooks } from "@vafa/app";
import { defaultRetryPolicy } from "@vafa/core";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { withEngine } from "../withEngine.ts";

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${flag} expects a positive whole number, got "${value}"`);
  return n;
}

/** `vafa webhooks add|run`: subscribers of new alerts and the delivery worker. */
export function webhooksCommand(): Command {
  const root = new Command("webhooks").description(
    "outgoing webhooks on new alerts (signed with HMAC-SHA256)",
  );
  root
    .command("add")
    .description("subscribe a URL to new alerts")
    .argument("<url>", "http(s) URL receiving POSTed JSON")
    .requiredOption("--secret <secret>", "shared secret for the X-Vafa-Signature HMAC (8+ characters)")
    .action(async (url: string, opts: { secret: string }, command: Command) => {
      const { config, json } = globalOptions(command);
      const { id } = await withEngine(
        config,
        { feature: "webhooks", needsData: false, create: true },
        (engine) => addWebhook(engine, { url, secret: opts.secret }),
      );
      if (json) printJson({ id, url });
      else process.stdout.write(`webhook ${id} → ${url}\n`);
    });
  root
    .command("run")
    .description("deliver pending webhooks, retrying with back-off, until SIGTERM (or one pass with --once)")
    .option("--once", "attempt every due delivery once, then exit")
    .option("--poll-ms <ms>", "pause between passes", "1000")
    .option(
      "--base-delay-ms <ms>",
      "first retry delay (doubles each attempt, with jitter)",
      String(defaultRetryPolicy.baseDelayMs),
    )
    .option(
      "--max-attempts <n>",
      "attempts before a delivery is marked failed",
      String(defaultRetryPolicy.maxAttempts),
    )
    .action(
      async (
        opts: { once?: boolean; pollMs: string; baseDelayMs: string; maxAttempts: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const policy = {
          ...defaultRetryPolicy,
          baseDelayMs: positive(opts.baseDelayMs, "--base-delay-ms"),
          maxAttempts: positive(opts.maxAttempts, "--max-attempts"),
        };
        const pollMs = positive(opts.pollMs, "--poll-ms");
        let stopping = false;
        let wake: (() => void) | null = null;
        const stop = () => {
          stopping = true;
          wake?.();
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
        const total = { attempted: 0, delivered: 0, retrying: 0, failed: 0, pending: 0 };
        const report = (pass: DeliveryPass) => {
          total.attempted += pass.attempted;
          total.delivered += pass.delivered;
          total.retrying += pass.retrying;
          total.failed += pass.failed;
          total.pending = pass.pending;
          if (!json && pass.attempted > 0) {
            process.stdout.write(
              `${new Date().toISOString()} attempted ${pass.attempted}: ${pass.delivered} delivered, ${pass.retrying} to retry, ${pass.failed} failed; ${pass.pending} pending\n`,
            );
          }
        };
        do {
          // The store is opened per pass so other `vafa` commands can use the file between passes.
          report(
            await withEngine(config, { feature: "webhooks", needsData: false }, (engine) =>
              deliverWebhooks(engine, { policy }),
            ),
          );
          if (opts.once === true || stopping) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        } while (!stopping);
        process.off("SIGTERM", stop);
        process.off("SIGINT", stop);
        if (json) printJson(total);
      },
    );
  return root;
}
