/**
 * Remembers, per session token hash, when this process last slid the session's expiry, so only one
 * request per session and interval writes it. Entries older than the interval are pruned as new
 * claims come in, so the map holds only the sessions active in the last interval.
 *
 * @example
 * const guard = new SlideGuard();
 * guard.claim(hash, Date.now(), 60_000); // true: this request slides
 * guard.claim(hash, Date.now(), 60_000); // false: another one just did
 */
export class SlideGuard {
  private readonly claimed = new Map<string, number>();

  /** Whether the caller should slide `tokenHash` now (and, if so, the claim is taken). */
  claim(tokenHash: string, now: number, everyMs: number): boolean {
    const last = this.claimed.get(tokenHash);
    if (last !== undefined && now - last < everyMs) return false;
    if (this.claimed.size > 10_000)
      for (const [hash, at] of this.claimed) if (now - at >= everyMs) this.claimed.delete(hash);
    this.claimed.set(tokenHash, now);
    return true;
  }

  /** Gives a claim back (the write failed), so the next request may try again. */
  release(tokenHash: string): void {
    this.claimed.delete(tokenHash);
  }
}
