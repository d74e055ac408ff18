import type { JobRecord, StateStore } from "../state/StateStore.ts";
import { publicMessage, withoutPaths } from "./publicMessage.ts";

/** What a job's work reports back while it runs. */
export type ReportProgress = (fraction: number) => void;

/** A job's failure with machine-readable details (e.g. the bad rows of a strict load). */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly problems: unknown,
  ) {
    super(message);
  }
}

/**
 * Runs long work (uploads now, model fits later) in the background under a job id. Live progress is
 * kept in memory (polled often, so not written on every tick); each state change is saved to the
 * state store, so a job's outcome survives and is visible to other API processes.
 *
 * @example
 * const id = await jobs.start("transactions", userId, async (progress) => { progress(0.5); return summary; });
 * (await jobs.get(id))?.state; // "running" | "done" | …
 */
export class JobRunner {
  private readonly live = new Map<string, JobRecord>();

  constructor(
    private readonly state: StateStore,
    private readonly onDone: () => void = () => {},
  ) {}

  async start(kind: string, createdBy: string | null, work: (progress: ReportProgress) => Promise<unknown>) {
    const job: JobRecord = {
      id: crypto.randomUUID(),
      kind,
      state: "queued",
      progress: 0,
      result: null,
      error: null,
      problems: null,
      createdBy,
      createdAt: Date.now(),
      finishedAt: null,
    };
    await this.save(job);
    // Start on the next turn so the caller answers with the id before the work takes the CPU.
    setImmediate(() => void this.run(job, work));
    return job.id;
  }

  /** The job as last known: live progress in this process, else the stored record. */
  async get(id: string): Promise<JobRecord | null> {
    return this.live.get(id) ?? (await this.state.getJob(id));
  }

  private async run(job: JobRecord, work: (progress: ReportProgress) => Promise<unknown>) {
    let current: JobRecord = { ...job, state: "running" };
    await this.save(current);
    const progress: ReportProgress = (fraction) => {
      current = { ...current, progress: Math.max(current.progress, Math.min(1, Math.max(0, fraction))) };
      this.live.set(job.id, current);
    };
    try {
      const result = await work(progress);
      // Before the job shows done: a client polling for "done" must not then read stale reports.
      this.onDone();
      await this.save({
        ...current,
        state: "done",
        progress: 1,
        result: withoutPaths(result),
        finishedAt: Date.now(),
      });
    } catch (error) {
      const problems = error instanceof JobFailure ? withoutPaths(error.problems) : null;
      // A JobFailure's message is written for the caller; anything else may carry server paths or
      // raw data, so the caller sees its scrubbed first line and the log keeps the whole error.
      if (!(error instanceof JobFailure)) console.error(`job ${job.id} (${job.kind}) failed:`, error);
      await this.save({
        ...current,
        state: "failed",
        error: publicMessage(error instanceof Error ? error.message : String(error)),
        problems,
        finishedAt: Date.now(),
      });
    }
    // Finished jobs are read from the store from now on.
    setTimeout(() => this.live.delete(job.id), 60_000).unref();
  }

  private async save(job: JobRecord) {
    this.live.set(job.id, job);
    await this.state.saveJob(job);
  }
}
