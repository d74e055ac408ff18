import { AppError } from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { checkState } from "../config.ts";
import { globalOptions } from "../globalOptions.ts";
import { portArg } from "../portArg.ts";

/** A whole number ≥ 1 (model fits at once) or a positive number (seconds), from a flag. */
function positiveArg(what: string, whole: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${what} must be a positive ${whole ? "whole " : ""}number`);
    return n;
  };
}

function hoursArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError("session hours must be a positive number");
  return n;
}

/**
 * `vafa serve`: the HTTP API and the dashboard, on the configured engine: the DuckDB file, or with
 * `--engine clickhouse` (or the config's engine, or VAFA_ENGINE) the facts in ClickHouse and the
 * DuckDB file beside them as the operational store; what ClickHouse cannot run answers 501. With
 * `--state postgres://…` users, sessions and settings live in PostgreSQL and the DuckDB file is
 * opened read-only, so several processes can serve the same data.
 */
export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) and the web dashboard")
    .option("--port <n>", "port to listen on (0: any free port)", portArg, 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--state <where>",
      'application state: "duckdb" (the --db file) or a postgres:// URL (default: the config\'s state, VAFA_STATE, else duckdb)',
    )
    .option("--session-hours <h>", "session lifetime in hours, slid forward on use", hoursArg, 12)
    .option("--secure-cookies", "mark the session cookie Secure (when served over HTTPS)")
    .option(
      "--trust-proxy",
      "behind a reverse proxy: take the scheme from X-Forwarded-Proto and the client address from the last X-Forwarded-For entry",
    )
    .option(
      "--max-fits <n>",
      "model fits and checks running at once, each in a worker thread (more wait their turn)",
      positiveArg("--max-fits", true),
      1,
    )
    .option(
      "--fit-budget <seconds>",
      "time budget of one model fit or check; past it the fit is stopped (503)",
      positiveArg("--fit-budget", false),
      600,
    )
    .action(
      async (
        opts: {
          maxFits: number;
          fitBudget: number;
          port: number;
          host: string;
          state?: string;
          sessionHours: number;
          secureCookies?: boolean;
          trustProxy?: boolean;
        },
        command: Command,
      ) => {
        const { db, config } = globalOptions(command);
        const c = config.clickhouse;
        if (config.engine === "clickhouse" && c === null)
          throw new AppError(
            "bad_input",
            'no ClickHouse connection: set "clickhouse": { "url": … } in vafa.config.json or VAFA_CLICKHOUSE_URL',
          );
        const { demoUsers, startServer } = await import("@vafa/server");
        const server = await startServer({
          db,
          state: opts.state === undefined ? config.state : checkState("--state", opts.state),
          ...(config.engine === "clickhouse" && c !== null
            ? {
                clickhouse: {
                  url: c.url,
                  database: c.database,
                  cluster: c.cluster,
                  ...(c.nodes === null ? {} : { nodes: c.nodes }),
                },
              }
            : {}),
          host: opts.host,
          port: opts.port,
          config: {
            sessionTtlMs: opts.sessionHours * 3_600_000,
            secureCookies: opts.secureCookies === true,
            trustProxy: opts.trustProxy === true,
            maxConcurrentFits: opts.maxFits,
            fitBudgetMs: opts.fitBudget * 1000,
          },
        });
        process.stdout.write(`Vafa serving ${server.url}\n`);
        const demo = demoUsers[0];
        if ((await server.context.state.findUserByEmail(demo.email)) !== null)
          process.stdout.write(`demo login: ${demo.email} / ${demo.password}\n`);
        const stop = () => {
          void server.close().then(() => process.exit(0));
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      },
    );
}
