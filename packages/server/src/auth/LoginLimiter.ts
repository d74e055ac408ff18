import type { StateStore } from "../state/StateStore.ts";

/** How many login attempts are evaluated per window, per key (see `ServerConfig`). */
export interface LoginLimits {
  /** Per email + address; default 5. */
  readonly perPair: number;
  /** Per address over all emails; default 50. */
  readonly perAddress: number;
  /** Per email over all addresses; default 20 (past it: known devices only). */
  readonly perAccount: number;
  /** Over the whole server; default 500 (past it: known devices only). */
  readonly overall: number;
  /** Fixed window of every counter; default 15 min. */
  readonly windowMs: number;
}

/** Limits of a fresh install. */
export const defaultLoginLimits: LoginLimits = {
  perPair: 5,
  perAddress: 50,
  perAccount: 20,
  overall: 500,
  windowMs: 15 * 60_000,
};

/** Who is trying to sign in. */
export interface LoginAttempt {
  /** The e-mail as typed (compared lower-cased; unknown accounts are counted the same way). */
  readonly email: string;
  readonly address: string;
  /** The browser presented a device cookie of an earlier sign-in to this account. */
  readonly knownDevice: boolean;
}

/** The limiter's answer: evaluate the password (then report the outcome), or refuse with 429. */
export type LoginAdmission =
  | { readonly admitted: true; readonly ticket: LoginTicket }
  | { readonly admitted: false; readonly retryAfterMs: number; readonly reason: string };

/** An admitted attempt, handed back to `succeeded` or `failed` once the password was checked. */
export interface LoginTicket {
  readonly pairKey: string;
  readonly addressKey: string;
  /** The keys counted for this attempt, refunded when it succeeds. */
  readonly counted: readonly string[];
}

const overallKey = "login:all";
/** Password checks one address may have running at once in this process. */
const inFlightPerAddress = 4;

/**
 * The login throttle. Every attempt is counted *before* its password is checked, with an atomic
 * increment in the state store (so parallel attempts each see a distinct count, and several API
 * processes share the counts): per email + address (5 per 15 min), per address (50: one password
 * sprayed over many accounts), per email (20) and overall (500). Past the per-email or overall limit
 * only browsers holding a device cookie of an earlier sign-in to that account are still evaluated —
 * an attacker can slow new devices down but never lock the user out everywhere. Per process, one
 * email + address has at most one password check running at a time and an address at most four, so
 * parallel guesses are refused without costing a hash. A successful sign-in refunds its counts.
 *
 * @example
 * const limiter = new LoginLimiter(state, defaultLoginLimits);
 * const admission = await limiter.admit({ email, address, knownDevice: false });
 * if (!admission.admitted) return tooMany(admission.retryAfterMs);
 * // … check the password, then limiter.succeeded(admission.ticket) or limiter.failed(admission.ticket)
 */
export class LoginLimiter {
  private readonly pairsInFlight = new Set<string>();
  private readonly addressesInFlight = new Map<string, number>();

  constructor(
    private readonly state: StateStore,
    readonly limits: LoginLimits = defaultLoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the attempt and says whether its password may be checked. */
  async admit(attempt: LoginAttempt): Promise<LoginAdmission> {
    const email = attempt.email.trim().toLowerCase();
    const pairKey = `login:pair:${email}|${attempt.address}`;
    const addressKey = `login:address:${attempt.address}`;
    const busy = this.addressesInFlight.get(addressKey) ?? 0;
    // Synchronous check-and-claim: parallel requests cannot both pass it.
    if (this.pairsInFlight.has(pairKey) || busy >= inFlightPerAddress)
      return {
        admitted: false,
        retryAfterMs: 1000,
        reason: "a sign-in from this address is already being checked",
      };
    this.pairsInFlight.add(pairKey);
    this.addressesInFlight.set(addressKey, busy + 1);
    const ticket: LoginTicket = { pairKey, addressKey, counted: [] };
    const counted: string[] = [];
    const refuse = (reason: string): LoginAdmission => {
      this.release(ticket);
      return { admitted: false, retryAfterMs: this.limits.windowMs, reason };
    };
    try {
      const { windowMs } = this.limits;
      const now = this.now();
      if ((await this.state.incrementCounter(pairKey, windowMs, now)) > this.limits.perPair)
        return refuse("too many sign-in attempts for this account from this address");
      counted.push(pairKey);
      const byAddress = await this.state.incrementCounter(addressKey, windowMs, now);
      counted.push(addressKey);
      if (byAddress > this.limits.perAddress && !attempt.knownDevice)
        return refuse("too many sign-in attempts from this address");
      const accountKey = `login:account:${email}`;
      const byAccount = await this.state.incrementCounter(accountKey, windowMs, now);
      counted.push(accountKey);
      const overall = await this.state.incrementCounter(overallKey, windowMs, now);
      counted.push(overallKey);
      if ((byAccount > this.limits.perAccount || overall > this.limits.overall) && !attempt.knownDevice)
        return refuse("too many sign-in attempts for this account; sign in from a device you used before");
      return { admitted: true, ticket: { ...ticket, counted } };
    } catch (error) {
      this.release(ticket);
      throw error;
    }
  }

  /** The password was right: refund the attempt's counts and clear its email + address counter. */
  async succeeded(ticket: LoginTicket): Promise<void> {
    this.release(ticket);
    const now = this.now();
    for (const key of ticket.counted)
      await (key === ticket.pairKey ? this.state.deleteCounter(key) : this.state.decrementCounter(key, now));
  }

  /** The password was wrong: the counts stay. */
  failed(ticket: LoginTicket): void {
    this.release(ticket);
  }

  private release(ticket: LoginTicket): void {
    if (!this.pairsInFlight.delete(ticket.pairKey)) return;
    const busy = (this.addressesInFlight.get(ticket.addressKey) ?? 1) - 1;
    if (busy <= 0) this.addressesInFlight.delete(ticket.addressKey);
    else this.addressesInFlight.set(ticket.addressKey, busy);
  }
}
