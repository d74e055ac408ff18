import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { AppError } from "@vafa/core";

/** The engines the analyses can run on. */
export const ENGINES = ["duckdb", "clickhouse"] as const;
/** Where the analyses read the facts. */
export type Engine = (typeof ENGINES)[number];

/** Where the ClickHouse facts are (see `connectClickHouse` of `@vafa/clickhouse`). */
export interface ClickHouseSettings {
  /** HTTP URL of the node queries go to. */
  readonly url: string;
  /** Database holding the fact tables; default "vafa". */
  readonly database: string;
  /** Cluster name for sharded Distributed tables; null for one server. */
  readonly cluster: string | null;
  /** HTTP URLs of every node (for the local tables); null: just `url`. */
  readonly nodes: readonly string[] | null;
}

/**
 * The resolved configuration: `vafa.config.json` (or `--config FILE`), then the environment, then
 * flags, validated once here and passed to the commands.
 */
export interface VafaConfig {
  /** The DuckDB file (the embedded store; the source of `vafa engine copy`). */
  readonly db: string;
  readonly engine: Engine;
  /** Required when `engine` is "clickhouse". */
  readonly clickhouse: ClickHouseSettings | null;
  /** Application state: "duckdb" (the `db` file) or a postgres:// URL. */
  readonly state: string;
  /** The configuration file read, if any. */
  readonly file: string | null;
}

/** A configuration value that is missing or malformed; the message names the file or variable and the field. */
export class ConfigError extends AppError {
  override readonly name = "ConfigError";

  constructor(message: string) {
    super("bad_input", message);
  }
}

/** The file looked for in the working directory when no `--config` is given. */
export const CONFIG_FILE = "vafa.config.json";

/** The fields one source (file, environment, flags) sets. */
export interface ConfigLayer {
  db?: string;
  engine?: Engine;
  state?: string;
  clickhouse?: {
    url?: string;
    database?: string;
    cluster?: string | null;
    nodes?: string[] | null;
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function httpUrl(where: string, value: unknown): string {
  if (typeof value === "string") {
    try {
      const u = new URL(value);
      if (u.protocol === "http:" || u.protocol === "https:") return value;
    } catch {
      // reported below
    }
  }
  throw new ConfigError(`${where} must be an http:// or https:// URL, got ${JSON.stringify(value)}`);
}

function name(where: string, value: unknown): string {
  if (typeof value === "string" && NAME.test(value)) return value;
  throw new ConfigError(
    `${where} must be a name of letters, digits and _ (not starting with a digit), got ${JSON.stringify(value)}`,
  );
}

function engine(where: string, value: unknown): Engine {
  if (value === "duckdb" || value === "clickhouse") return value;
  throw new ConfigError(`${where} must be "duckdb" or "clickhouse", got ${JSON.stringify(value)}`);
}

/**
 * Checks an application-state setting: "duckdb" or a postgres:// URL.
 *
 * @throws ConfigError naming `where`.
 */
export function checkState(where: string, value: unknown): string {
  if (value === "duckdb") return value;
  if (typeof value === "string" && /^postgres(ql)?:\/\/\S+$/.test(value)) return value;
  throw new ConfigError(`${where} must be "duckdb" or a postgres:// URL, got ${JSON.stringify(value)}`);
}

function path(where: string, value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new ConfigError(`${where} must be a file path, got ${JSON.stringify(value)}`);
}

function only(where: string, o: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(o))
    if (!allowed.includes(key))
      throw new ConfigError(`${where}: unknown field "${key}" (known: ${allowed.join(", ")})`);
}

/**
 * Reads the text of a configuration file into its fields, checking every one. A relative `db` is
 * taken relative to the file's folder.
 *
 * @throws ConfigError naming `file` and the field.
 * @example
 * parseConfigFile('{ "engine": "clickhouse", "clickhouse": { "url": "http://127.0.0.1:8123" } }', "vafa.config.json");
 */
export function parseConfigFile(text: string, file: string): ConfigLayer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ConfigError(`${file}: must be a JSON object`);
  const o = value as Record<string, unknown>;
  only(file, o, ["db", "engine", "clickhouse", "state"]);
  const out: ConfigLayer = {};
  if (o.db !== undefined) {
    const db = path(`${file}: "db"`, o.db);
    out.db = isAbsolute(db) || db === ":memory:" ? db : resolve(dirname(file), db);
  }
  if (o.engine !== undefined) out.engine = engine(`${file}: "engine"`, o.engine);
  if (o.state !== undefined) out.state = checkState(`${file}: "state"`, o.state);
  if (o.clickhouse !== undefined) {
    const c = o.clickhouse;
    if (c === null || typeof c !== "object" || Array.isArray(c))
      throw new ConfigError(`${file}: "clickhouse" must be an object with url, database, cluster, nodes`);
    const ch = c as Record<string, unknown>;
    only(`${file}: "clickhouse"`, ch, ["url", "database", "cluster", "nodes"]);
    out.clickhouse = {};
    if (ch.url !== undefined) out.clickhouse.url = httpUrl(`${file}: "clickhouse.url"`, ch.url);
    if (ch.database !== undefined)
      out.clickhouse.database = name(`${file}: "clickhouse.database"`, ch.database);
    if (ch.cluster !== undefined)
      out.clickhouse.cluster = ch.cluster === null ? null : name(`${file}: "clickhouse.cluster"`, ch.cluster);
    if (ch.nodes !== undefined) {
      if (ch.nodes !== null && !Array.isArray(ch.nodes))
        throw new ConfigError(`${file}: "clickhouse.nodes" must be a list of URLs`);
      out.clickhouse.nodes =
        ch.nodes === null
          ? null
          : ch.nodes.map((n: unknown, i: number) => httpUrl(`${file}: "clickhouse.nodes[${i}]"`, n));
    }
  }
  return out;
}

/**
 * The fields set by the environment: `VAFA_DB`, `VAFA_ENGINE`, `VAFA_STATE`, `VAFA_CLICKHOUSE_URL`,
 * `VAFA_CLICKHOUSE_DATABASE`, `VAFA_CLICKHOUSE_CLUSTER`, `VAFA_CLICKHOUSE_NODES` (comma-separated).
 * Empty variables count as unset.
 *
 * @throws ConfigError naming the variable.
 */
export function configFromEnvironment(env: Readonly<Record<string, string | undefined>>): ConfigLayer {
  const get = (key: string) => {
    const v = env[key];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };
  const out: ConfigLayer = {};
  const db = get("VAFA_DB");
  if (db !== undefined) out.db = db;
  const e = get("VAFA_ENGINE");
  if (e !== undefined) out.engine = engine("VAFA_ENGINE", e);
  const s = get("VAFA_STATE");
  if (s !== undefined) out.state = checkState("VAFA_STATE", s);
  const url = get("VAFA_CLICKHOUSE_URL");
  const database = get("VAFA_CLICKHOUSE_DATABASE");
  const cluster = get("VAFA_CLICKHOUSE_CLUSTER");
  const nodes = get("VAFA_CLICKHOUSE_NODES");
  if ([url, database, cluster, nodes].some((v) => v !== undefined)) {
    out.clickhouse = {};
    if (url !== undefined) out.clickhouse.url = httpUrl("VAFA_CLICKHOUSE_URL", url);
    if (database !== undefined) out.clickhouse.database = name("VAFA_CLICKHOUSE_DATABASE", database);
    if (cluster !== undefined) out.clickhouse.cluster = name("VAFA_CLICKHOUSE_CLUSTER", cluster);
    if (nodes !== undefined)
      out.clickhouse.nodes = nodes
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "")
        .map((n, i) => httpUrl(`VAFA_CLICKHOUSE_NODES[${i}]`, n));
  }
  return out;
}

/** What `resolveConfig` reads: flags as given (undefined = not given), the environment and the folder. */
export interface ConfigSources {
  /** `--config FILE`: must exist. Without it `vafa.config.json` in `cwd` is read when present. */
  readonly configFile?: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: { readonly db?: string | undefined; readonly engine?: string | undefined };
}

/**
 * The configuration from file, then environment, then flags (each overriding the one before),
 * validated: the engine is duckdb or clickhouse, ClickHouse needs a URL, state is duckdb or postgres.
 *
 * @throws ConfigError naming the file, variable or flag and the field.
 * @example
 * const config = resolveConfig({ cwd: process.cwd(), env: process.env, flags: { db: undefined } });
 * if (config.engine === "clickhouse") … config.clickhouse.url …
 */
export function resolveConfig(sources: ConfigSources): VafaConfig {
  let file: string | null = null;
  if (sources.configFile !== undefined) {
    file = resolve(sources.cwd, sources.configFile);
    if (!existsSync(file)) throw new ConfigError(`--config: no such file ${file}`);
  } else {
    const candidate = resolve(sources.cwd, CONFIG_FILE);
    if (existsSync(candidate)) file = candidate;
  }
  const fromFile = file === null ? {} : parseConfigFile(readFileSync(file, "utf8"), file);
  const fromEnv = configFromEnvironment(sources.env);
  const flags: ConfigLayer = {};
  if (sources.flags.db !== undefined) flags.db = path("--db", sources.flags.db);
  if (sources.flags.engine !== undefined) flags.engine = engine("--engine", sources.flags.engine);
  const layers: ConfigLayer[] = [fromFile, fromEnv, flags];
  const pick = <K extends "db" | "engine" | "state">(key: K): ConfigLayer[K] | undefined => {
    let value: ConfigLayer[K] | undefined;
    for (const layer of layers) value = layer[key] ?? value;
    return value;
  };
  // ClickHouse fields merge one by one: the environment may set the database of the file's server.
  const ch: NonNullable<ConfigLayer["clickhouse"]> = {};
  for (const layer of layers) Object.assign(ch, layer.clickhouse ?? {});
  const chosen = pick("engine") ?? "duckdb";
  let clickhouse: ClickHouseSettings | null = null;
  if (ch.url !== undefined) {
    clickhouse = {
      url: ch.url,
      database: ch.database ?? "vafa",
      cluster: ch.cluster ?? null,
      nodes: ch.nodes ?? null,
    };
  } else if (chosen === "clickhouse") {
    throw new ConfigError(
      `engine is "clickhouse" but no ClickHouse URL is set: add "clickhouse": { "url": "http://…:8123" } to ${file ?? CONFIG_FILE} or set VAFA_CLICKHOUSE_URL`,
    );
  }
  return {
    db: pick("db") ?? "./vafa.duckdb",
    engine: chosen,
    clickhouse,
    state: pick("state") ?? "duckdb",
    file,
  };
}
