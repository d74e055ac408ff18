import type { LoginLimiter } from "./auth/LoginLimiter.ts";
import type { Facts } from "./facts/Facts.ts";
import type { ReportCache } from "./facts/ReportCache.ts";
import type { JobRunner } from "./jobs/JobRunner.ts";
import type { ServerConfig } from "./ServerConfig.ts";
import type { StateStore } from "./state/StateStore.ts";
import type { Worklist } from "./worklist/Worklist.ts";

/** The parts every route handler may use, built once by `createApp`. */
export interface AppContext {
  readonly config: ServerConfig;
  readonly state: StateStore;
  readonly facts: Facts;
  readonly cache: ReportCache;
  readonly jobs: JobRunner;
  readonly worklist: Worklist;
  readonly limiter: LoginLimiter;
}
