import { ModelWorkStopped } from "@vafa/app";

/** One piece of model work in flight: its result, its cancellation and how many callers wait on it. */
interface InFlight {
  readonly result: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * The server's model fits and checks: at most `maxConcurrent` run at once (the rest wait their
 * turn), identical work (same key: data version and settings) runs once for every caller waiting
 * on it and is cancelled when the last of them goes away, and a finished result is kept under its
 * key — the data version is part of it, so a new load makes a new key — and answered from there.
 *
 * @example
 * const work = new ModelWork(2);
 * const check = await work.run(key, (signal) => runModelWorker(task, { signal }), request.signal);
 */
export class ModelWork {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly results = new Map<string, unknown>();
  private readonly queue: (() => void)[] = [];
  private running = 0;

  constructor(
    readonly maxConcurrent: number,
    readonly capacity = 32,
  ) {}

  /** The finished result stored under `key`, or undefined. */
  stored<T>(key: string): T | undefined {
    return this.results.get(key) as T | undefined;
  }

  /** Model work now running (not the queued). */
  get active(): number {
    return this.running;
  }

  /**
   * The result under `key`: stored, joined while in flight, or started with `start` once a slot is
   * free. When `signal` aborts, this caller stops waiting (rejects with `ModelWorkStopped`), and
   * the work is cancelled if no one else waits for it.
   */
  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.results.has(key)) return Promise.resolve(this.results.get(key) as T);
    let entry = this.inFlight.get(key);
    if (entry === undefined) {
      const controller = new AbortController();
      const result = this.slot(controller.signal)
        .then(async (release) => {
          try {
            return await start(controller.signal);
          } finally {
            release();
          }
        })
        .then((value) => {
          this.keep(key, value);
          return value;
        })
        .finally(() => this.inFlight.delete(key));
      // Each caller handles the outcome; a cancelled run nobody waits for must not go unhandled.
      result.catch(() => {});
      entry = { result, controller, waiters: 0 };
      this.inFlight.set(key, entry);
    }
    const current = entry;
    current.waiters += 1;
    const mine = current.result as Promise<T>;
    if (signal === undefined) return mine;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        current.waiters -= 1;
        if (current.waiters === 0) current.controller.abort();
        reject(new ModelWorkStopped("cancelled", "the caller went away"));
      };
      if (signal.aborted) {
        leave();
        return;
      }
      signal.addEventListener("abort", leave, { once: true });
      mine.then(
        (value) => {
          signal.removeEventListener("abort", leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", leave);
          reject(error);
        },
      );
    });
  }

  /** Waits for a free slot (or the work's cancellation) and gives back its release. */
  private slot(signal: AbortSignal): Promise<() => void> {
    const release = () => {
      this.running -= 1;
      this.queue.shift()?.();
    };
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener("abort", cancel);
        this.running += 1;
        resolve(release);
      };
      const cancel = () => {
        const i = this.queue.indexOf(turn);
        if (i >= 0) this.queue.splice(i, 1);
        reject(new ModelWorkStopped("cancelled", "cancelled while waiting for a free model slot"));
      };
      this.queue.push(turn);
      signal.addEventListener("abort", cancel, { once: true });
    });
  }

  private keep(key: string, value: unknown) {
    this.results.set(key, value);
    if (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
  }
}
