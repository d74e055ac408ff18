/** Back-off settings of webhook retries. */
export interface RetryPolicy {
  /** Delay before the first retry, in ms; default 5000. */
  readonly baseDelayMs: number;
  /** Longest delay, in ms; default one hour. */
  readonly maxDelayMs: number;
  /** Attempts after which a delivery is given up as failed; default 12. */
  readonly maxAttempts: number;
}

/** The default retry policy: 5 s doubling to at most 1 h, 12 attempts (about a day in all). */
export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 5000, maxDelayMs: 3_600_000, maxAttempts: 12 };

/**
 * Delay before the next attempt after `attempts` failed ones: exponential (base × 2^(attempts − 1),
 * capped) with "equal jitter" — half fixed, half random — so many failed deliveries do not retry in
 * lockstep. `random` is injectable for tests.
 *
 * @example
 * retryDelay(3, defaultRetryPolicy, () => 0.5); // 15000 (20 s × (0.5 + 0.5 × 0.5))
 */
export function retryDelay(
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
