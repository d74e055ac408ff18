/**
 * Report results kept in memory, keyed by the report and its parameters, so the dashboard's
 * repeated requests (overview, retention, cohorts) do not re-scan the facts. Cleared whenever a load
 * completes or the settings change. The oldest entry goes first once `capacity` is reached.
 *
 * @example
 * const cache = new ReportCache();
 * const rows = await cache.get(["retention", period], () => retention(client, dialect, options));
 */
export class ReportCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(readonly capacity = 200) {}

  /** The cached result for `key`, computing it once; a failed computation is not kept. */
  get<T>(key: readonly unknown[], compute: () => Promise<T>): Promise<T> {
    const k = JSON.stringify(key);
    const hit = this.entries.get(k);
    if (hit) return hit as Promise<T>;
    const value = compute();
    this.entries.set(k, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => this.entries.delete(k));
    return value;
  }

  /** Drops the entries of one report (the first element of their key), e.g. "alerts". */
  forget(report: string): void {
    const prefix = JSON.stringify([report]).slice(0, -1);
    for (const k of [...this.entries.keys()])
      if (k === `${prefix}]` || k.startsWith(`${prefix},`)) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
