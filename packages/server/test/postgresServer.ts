import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** A PostgreSQL server of a test suite's own, in a temporary folder, with trust auth on loopback. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/DATABASE`. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "install PostgreSQL's server binaries (Debian/Ubuntu: apt-get install -y postgresql; `npm test` does this there), or set VAFA_PG_BIN to the folder holding initdb and pg_ctl";

/**
 * The folder holding `initdb` and `pg_ctl`: `VAFA_PG_BIN`, else the newest Debian/Ubuntu
 * `/usr/lib/postgresql/<version>/bin`, else wherever `pg_ctl` is on PATH.
 *
 * @throws naming what to install when there is none.
 */
export function postgresBinDir(): string {
  const has = (dir: string) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"));
  const fromEnv = process.env.VAFA_PG_BIN;
  if (fromEnv) {
    if (has(fromEnv)) return fromEnv;
    throw new Error(`VAFA_PG_BIN=${fromEnv} holds no initdb and pg_ctl`);
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(debian, v, "bin"))) return join(debian, v, "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && has(dir)) return dir;
  throw new Error(
    `PostgreSQL is not installed: the PostgreSQL tests start their own server; ${INSTALL_HINT}`,
  );
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * How to run PostgreSQL's binaries: PostgreSQL refuses to run as root, so as root they run as an
 * unprivileged user (`VAFA_PG_USER`, default `postgres`, which Debian's package creates) through
 * `runuser`, and the folder is handed to that user.
 */
function runAs(): { wrap: (cmd: string, args: string[]) => [string, string[]]; owner?: [number, number] } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const user = process.env.VAFA_PG_USER ?? "postgres";
  let ids: [number, number];
  try {
    ids = [
      Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim()),
      Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim()),
    ];
  } catch {
    throw new Error(
      `PostgreSQL cannot run as root and there is no user "${user}" to run it as; ${INSTALL_HINT} (it creates the user), or set VAFA_PG_USER`,
    );
  }
  return { wrap: (cmd, args) => ["runuser", ["-u", user, "--", cmd, ...args]], owner: ids };
}

/**
 * Starts a PostgreSQL server of its own for a test suite: `initdb` into a fresh temporary folder
 * (superuser `postgres`, trust auth, UTF-8), `pg_ctl start` on a free loopback port with its socket
 * in the same folder, then creates `database`. Durability is off (fsync), which tests do not need.
 * Runs Debian's binaries as the `postgres` user when the tests run as root.
 *
 * @throws naming what to install when PostgreSQL is missing, or with the server log when it does not start.
 * @example
 * const postgres = await startPostgres();
 * // … use postgres.url …
 * await postgres.stop();
 */
export async function startPostgres(database = "vafa"): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const { wrap, owner } = runAs();
  const dir = mkdtempSync(join(tmpdir(), "vafa-postgres-"));
  if (owner) chownSync(dir, owner[0], owner[1]);
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const exec = async (cmd: string, args: string[]) => {
    const [file, argv] = wrap(join(bin, cmd), args);
    return await run(file, argv, { cwd: dir, env: { ...process.env, LC_ALL: "C" } });
  };
  const pgCtl = (args: string[]) => exec("pg_ctl", ["-D", data, ...args]);
  let running = false;
  const stop = async () => {
    process.off("exit", stopNow);
    if (running) {
      running = false;
      await pgCtl(["-m", "fast", "-w", "stop"]).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A process that exits without calling stop() (a script, not a Vitest worker, which is killed) ends it too.
  const stopNow = () => {
    if (!running) return;
    const [file, argv] = wrap(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    try {
      execFileSync(file, argv, { cwd: dir, stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while the process exits.
    }
  };
  process.on("exit", stopNow);
  try {
    await exec("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    let port = 0;
    for (let attempt = 1; !running; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await pgCtl(["-l", log, "-o", options, "-w", "-t", "60", "start"]);
        running = true;
      } catch (error) {
        // Another process may have taken the port between the probe and the start: try another.
        if (attempt >= 3) {
          const tail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
          throw new Error(`PostgreSQL did not start in ${dir}: ${(error as Error).message}\n${tail}`);
        }
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}`;
    const admin = new pg.Client({ connectionString: `${url}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
    return { url: `${url}/${database}`, port, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
