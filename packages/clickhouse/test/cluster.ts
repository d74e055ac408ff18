import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One running `clickhouse-server` of the test cluster. */
export interface ClusterNode {
  readonly httpPort: number;
  readonly tcpPort: number;
  readonly interserverPort: number;
  readonly dir: string;
  readonly process: ChildProcess;
}

/** A local two-shard ClickHouse cluster named `vafa`, for tests and benchmarks. */
export interface TestCluster {
  /** HTTP URL of the first node, where Distributed queries are sent. */
  readonly url: string;
  readonly cluster: string;
  readonly nodes: readonly ClusterNode[];
  stop(): Promise<void>;
}

/** The cluster name written into every node's `remote_servers`. */
export const CLUSTER_NAME = "vafa";

/** The `clickhouse-server` binary on PATH, or an error saying how to install it. */
export function clickhouseServerBinary(): string {
  try {
    return execFileSync("sh", ["-c", "command -v clickhouse-server"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "clickhouse-server is not installed: the ClickHouse contract suite needs it (apt-get install -y clickhouse-server clickhouse-client; .ci/run does this)",
    );
  }
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

function configXml(dir: string, ports: { http: number; tcp: number; interserver: number }, shards: number[]) {
  const shardXml = shards
    .map((tcp) => `<shard><replica><host>127.0.0.1</host><port>${tcp}</port></replica></shard>`)
    .join("\n        ");
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/server.err.log</errorlog>
    <size>100M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <${CLUSTER_NAME}>
        ${shardXml}
    </${CLUSTER_NAME}>
  </remote_servers>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>600</default_session_timeout>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>8000000000</max_memory_usage>
      <load_balancing>random</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/?query=${encodeURIComponent("SELECT 1")}`);
    return response.ok && (await response.text()).trim() === "1";
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopNode(node: ClusterNode): Promise<void> {
  const child = node.process;
  if (!exited(child)) {
    const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000));
    if ((await Promise.race([done, timer])) === "timeout" && !exited(child)) {
      child.kill("SIGKILL");
      await done;
    }
  }
  rmSync(node.dir, { recursive: true, force: true });
}

/**
 * Starts `shards` `clickhouse-server` processes on free loopback ports, each with its own temporary
 * folder and generated config, all defining cluster `vafa` (one shard per node, one replica each),
 * and waits until every node answers `SELECT 1`. Each call makes a fresh cluster, so it is safe to
 * re-run; `stop()` ends the processes (SIGTERM, then SIGKILL after 10 s) and removes their folders.
 *
 * @throws when clickhouse-server is not installed or a node does not come up within 60 s.
 * @example
 * const cluster = await startCluster();
 * const engine = await connectClickHouse({ url: cluster.url, database: "vafa_test", cluster: cluster.cluster });
 * await cluster.stop();
 */
export async function startCluster(shards = 2): Promise<TestCluster> {
  const binary = clickhouseServerBinary();
  const root = mkdtempSync(join(tmpdir(), "vafa-clickhouse-"));
  const ports: { http: number; tcp: number; interserver: number }[] = [];
  const taken = new Set<number>();
  const pick = async () => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  for (let i = 0; i < shards; i++)
    ports.push({ http: await pick(), tcp: await pick(), interserver: await pick() });
  const nodes: ClusterNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map(stopNode));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    for (const [i, p] of ports.entries()) {
      const dir = join(root, `node${i + 1}`);
      for (const sub of ["data", "tmp", "user_files", "log", "format_schemas"]) {
        mkdirSync(join(dir, sub), { recursive: true });
      }
      writeFileSync(join(dir, "users.xml"), USERS_XML);
      writeFileSync(
        join(dir, "config.xml"),
        configXml(
          dir,
          p,
          ports.map((q) => q.tcp),
        ),
      );
      const child = spawn(binary, [`--config-file=${join(dir, "config.xml")}`], {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      child.unref();
      nodes.push({ httpPort: p.http, tcpPort: p.tcp, interserverPort: p.interserver, dir, process: child });
      Object.defineProperty(child, "vafaStderr", { get: () => stderr });
    }
    const deadline = Date.now() + 60_000;
    for (const node of nodes) {
      const url = `http://127.0.0.1:${node.httpPort}`;
      while (!(await answers(url))) {
        if (exited(node.process)) {
          const err = (node.process as unknown as { vafaStderr: string }).vafaStderr;
          throw new Error(`clickhouse-server in ${node.dir} exited (${node.process.exitCode}): ${err}`);
        }
        if (Date.now() > deadline)
          throw new Error(`clickhouse-server on port ${node.httpPort} did not answer in 60 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const first = nodes[0];
  return {
    url: `http://127.0.0.1:${first?.httpPort ?? 0}`,
    cluster: CLUSTER_NAME,
    nodes,
    stop,
  };
}
