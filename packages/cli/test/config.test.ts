import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../src/config.ts";
import { vafaBin } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-config-"));

/** Writes `text` as a config file in a fresh folder and returns the folder and file. */
function configFolder(text: string): { cwd: string; file: string } {
  const cwd = mkdtempSync(join(dir, "c-"));
  const file = join(cwd, "vafa.config.json");
  writeFileSync(file, text);
  return { cwd, file };
}

describe("resolveConfig: file, then environment, then flags", () => {
  it("defaults to DuckDB in ./vafa.duckdb with DuckDB state when nothing is set", () => {
    expect(resolveConfig({ cwd: dir, env: {}, flags: {} })).toEqual({
      db: "./vafa.duckdb",
      engine: "duckdb",
      clickhouse: null,
      state: "duckdb",
      file: null,
    });
  });

  it("reads vafa.config.json from the working directory, db relative to the file", () => {
    const { cwd, file } = configFolder(
      JSON.stringify({
        db: "data/v.duckdb",
        engine: "clickhouse",
        clickhouse: {
          url: "http://127.0.0.1:8123",
          database: "facts",
          cluster: "vafa",
          nodes: ["http://a:1", "http://b:2"],
        },
        state: "postgres://u@h/db",
      }),
    );
    expect(resolveConfig({ cwd, env: {}, flags: {} })).toEqual({
      db: join(cwd, "data/v.duckdb"),
      engine: "clickhouse",
      clickhouse: {
        url: "http://127.0.0.1:8123",
        database: "facts",
        cluster: "vafa",
        nodes: ["http://a:1", "http://b:2"],
      },
      state: "postgres://u@h/db",
      file,
    });
  });

  const layered: [
    string,
    Record<string, string>,
    { db?: string; engine?: string },
    Record<string, unknown>,
  ][] = [
    [
      "the environment overrides the file",
      { VAFA_ENGINE: "duckdb", VAFA_DB: "/e.duckdb" },
      {},
      { engine: "duckdb", db: "/e.duckdb" },
    ],
    [
      "flags override the environment",
      { VAFA_ENGINE: "duckdb", VAFA_DB: "/e.duckdb" },
      { engine: "clickhouse", db: "/f.duckdb" },
      { engine: "clickhouse", db: "/f.duckdb" },
    ],
    [
      "ClickHouse fields merge field by field",
      { VAFA_CLICKHOUSE_DATABASE: "other", VAFA_CLICKHOUSE_NODES: "http://x:1, http://y:2" },
      {},
      {
        clickhouse: {
          url: "http://127.0.0.1:8123",
          database: "other",
          cluster: null,
          nodes: ["http://x:1", "http://y:2"],
        },
      },
    ],
    ["state from the environment", { VAFA_STATE: "postgresql://h/db" }, {}, { state: "postgresql://h/db" }],
  ];
  it.each(layered)("%s", (_name, env, flags, expected) => {
    const { cwd } = configFolder(
      JSON.stringify({
        db: "/file.duckdb",
        engine: "clickhouse",
        clickhouse: { url: "http://127.0.0.1:8123" },
      }),
    );
    expect(resolveConfig({ cwd, env, flags })).toMatchObject(expected);
  });

  const invalid: [string, string | null, Record<string, string>, { db?: string; engine?: string }, RegExp][] =
    [
      ["not JSON", "{ engine: ", {}, {}, /vafa\.config\.json: not valid JSON/],
      ["not an object", "[1]", {}, {}, /vafa\.config\.json: must be a JSON object/],
      ["an unknown field", '{ "engin": "duckdb" }', {}, {}, /vafa\.config\.json: unknown field "engin"/],
      [
        "a bad engine",
        '{ "engine": "oracle" }',
        {},
        {},
        /vafa\.config\.json: "engine" must be "duckdb" or "clickhouse", got "oracle"/,
      ],
      [
        "a bad URL",
        '{ "clickhouse": { "url": "127.0.0.1:8123" } }',
        {},
        {},
        /"clickhouse\.url" must be an http/,
      ],
      [
        "a bad database name",
        '{ "clickhouse": { "url": "http://h:1", "database": "x; DROP" } }',
        {},
        {},
        /"clickhouse\.database" must be a name/,
      ],
      [
        "a bad node",
        '{ "clickhouse": { "url": "http://h:1", "nodes": ["http://a:1", 7] } }',
        {},
        {},
        /"clickhouse\.nodes\[1\]" must be an http/,
      ],
      [
        "an unknown ClickHouse field",
        '{ "clickhouse": { "host": "h" } }',
        {},
        {},
        /"clickhouse": unknown field "host"/,
      ],
      ["a bad state", '{ "state": "mysql://h" }', {}, {}, /"state" must be "duckdb" or a postgres:\/\/ URL/],
      ["an empty db", '{ "db": "" }', {}, {}, /"db" must be a file path/],
      [
        "ClickHouse without a URL",
        '{ "engine": "clickhouse" }',
        {},
        {},
        /engine is "clickhouse" but no ClickHouse URL.*vafa\.config\.json.*VAFA_CLICKHOUSE_URL/,
      ],
      ["a bad VAFA_ENGINE", null, { VAFA_ENGINE: "x" }, {}, /VAFA_ENGINE must be "duckdb" or "clickhouse"/],
      [
        "a bad VAFA_CLICKHOUSE_CLUSTER",
        null,
        { VAFA_CLICKHOUSE_CLUSTER: "a-b" },
        {},
        /VAFA_CLICKHOUSE_CLUSTER must be a name/,
      ],
      ["a bad --engine", null, {}, { engine: "mysql" }, /--engine must be "duckdb" or "clickhouse"/],
    ];
  it.each(invalid)("rejects %s, naming where", (_name, text, env, flags, message) => {
    const cwd = text === null ? dir : configFolder(text).cwd;
    expect(() => resolveConfig({ cwd, env, flags })).toThrow(ConfigError);
    expect(() => resolveConfig({ cwd, env, flags })).toThrow(message);
  });

  it("rejects a --config file that does not exist", () => {
    expect(() => resolveConfig({ configFile: "nope.json", cwd: dir, env: {}, flags: {} })).toThrow(
      /--config: no such file .*nope\.json/,
    );
  });
});

describe("vafa with a bad configuration", () => {
  it("exits 2 (bad input) with the file and field named", () => {
    const { file } = configFolder('{ "engine": "clickhouse", "clickhouse": { "url": "ftp://h" } }');
    const r = spawnSync(
      process.execPath,
      [vafaBin, "--config", file, "retention", "--period", "month", "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `vafa: ${file}: "clickhouse.url" must be an http:// or https:// URL, got "ftp://h"`,
    );
  }, 60_000);
});
