import type { ClickHouseConfig } from "./connectClickHouse.ts";

/**
 * The ClickHouse connection from the environment, for a CLI or server choosing `engine: clickhouse`:
 * `VAFA_CLICKHOUSE_URL` (required), `VAFA_CLICKHOUSE_DATABASE` (default "vafa"),
 * `VAFA_CLICKHOUSE_CLUSTER` (optional) and `VAFA_CLICKHOUSE_NODES` (comma-separated HTTP URLs of every
 * node, for creating local tables; default the URL). Null when no URL is set.
 *
 * @example
 * const config = clickhouseConfigFromEnv(process.env);
 * const engine = config === null ? null : await connectClickHouse(config);
 */
export function clickhouseConfigFromEnv(env: Record<string, string | undefined>): ClickHouseConfig | null {
  const url = env.VAFA_CLICKHOUSE_URL;
  if (url === undefined || url === "") return null;
  const nodes = env.VAFA_CLICKHOUSE_NODES?.split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return {
    url,
    database: env.VAFA_CLICKHOUSE_DATABASE ?? "vafa",
    cluster: env.VAFA_CLICKHOUSE_CLUSTER ?? null,
    ...(nodes === undefined || nodes.length === 0 ? {} : { nodes }),
    ...(env.VAFA_CLICKHOUSE_USER === undefined ? {} : { username: env.VAFA_CLICKHOUSE_USER }),
    ...(env.VAFA_CLICKHOUSE_PASSWORD === undefined ? {} : { password: env.VAFA_CLICKHOUSE_PASSWORD }),
  };
}
