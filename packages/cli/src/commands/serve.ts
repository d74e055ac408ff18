import { AppError } from "@vafa/core";
import { Command, InvalidArgumentError } from "commander";
import { checkState } from "../config.ts";
import { globalOptions } from "../globalOptions.ts";
import { portArg } from "../portArg.ts";

function hoursArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError("session hours must be a positive number");
  return n;
}

/**
 * `vafa serve`: the HTTP API and the dashboard. With `--state postgres://…` users, sessions and
 * settings live in PostgreSQL and the facts file is opened read-only, so several processes can serve
 * the same data.
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
    .action(
      async (
        opts: { port: number; host: string; state?: string; sessionHours: number; secureCookies?: boolean },
        command: Command,
      ) => {
        const { db, config } = globalOptions(command);
        // The server reads the DuckDB file; until its routes run on the engine, it refuses ClickHouse
        // rather than serving figures from a store the user did not choose.
        if (config.engine !== "duckdb")
          throw new AppError("not_supported", "serving the dashboard is not available on ClickHouse yet");
        const { demoUsers, startServer } = await import("@vafa/server");
        const server = await startServer({
          db,
          state: opts.state === undefined ? config.state : checkState("--state", opts.state),
          host: opts.host,
          port: opts.port,
          config: { sessionTtlMs: opts.sessionHours * 3_600_000, secureCookies: opts.secureCookies === true },
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
