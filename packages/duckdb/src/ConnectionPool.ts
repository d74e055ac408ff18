/**
 * A fixed set of resources lent out one borrower at a time. DuckDB report queries create session
 * temp tables, so two reports must never share a connection at once; the pool guarantees that while
 * still running up to `size` reports in parallel.
 *
 * @example
 * const pool = new ConnectionPool([a, b]);
 * const rows = await pool.use((client) => client.all(q));
 */
export class ConnectionPool<T> {
  private readonly idle: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(readonly items: readonly T[]) {
    this.idle = [...items];
  }

  /** Lends one item to `work` and takes it back when `work` settles. */
  async use<R>(work: (item: T) => Promise<R>): Promise<R> {
    const item = this.idle.pop() ?? (await new Promise<T>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(item);
    } finally {
      const next = this.waiting.shift();
      if (next) next(item);
      else this.idle.push(item);
    }
  }
}
