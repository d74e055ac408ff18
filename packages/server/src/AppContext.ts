import type { Engine } from "@vafa/core";
import type { LoginLimiter } from "./auth/LoginLimiter.ts";
import type { ReportCache } from "./facts/ReportCache.ts";
import type { JobRunner } from "./jobs/JobRunner.ts";
import type { ModelWork } from "./jobs/ModelWork.ts";
import type { ServerConfig } from "./ServerConfig.ts";
import type { StateStore } from "./state/StateStore.ts";
import type { Worklist } from "./worklist/Worklist.ts";

/** The parts every route handler may use, built once by `createApp`. */
export interface AppContext {
  readonly config: ServerConfig;
  readonly state: StateStore;
  /**
   * Where the data lives, opened once by `startServer`: the analytic store (the DuckDB file, or
   * ClickHouse) and the operational store. Routes run their use cases on it (multi-statement ones in
   * `engine.session`); a route whose feature the engine lacks is refused before its handler runs.
   */
  readonly engine: Engine;
  /**
   * Writes to the analytic store answer 409: the DuckDB engine's file is open read-only because
   * state is in PostgreSQL (several servers share the file). False on ClickHouse, which takes loads.
   */
  readonly readOnly: boolean;
  readonly cache: ReportCache;
  readonly jobs: JobRunner;
  /** Model fits and checks in worker threads: at most `config.maxConcurrentFits` at once, results kept per data version. */
  readonly models: ModelWork;
  readonly worklist: Worklist;
  readonly limiter: LoginLimiter;
}
