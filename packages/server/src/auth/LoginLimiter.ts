/**
 * Counts failed logins per key (email + client address) in a sliding window and says when to refuse:
 * by default 5 failures per 15 minutes, then 429 until the oldest failure leaves the window. Kept in
 * process memory: with several API processes each enforces its own limit.
 *
 * @example
 * const limiter = new LoginLimiter();
 * if (limiter.retryAfter(key) > 0) return tooMany();
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    return (recent[0] ?? 0) + this.windowMs - this.now();
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
