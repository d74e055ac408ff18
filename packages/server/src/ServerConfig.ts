import { tmpdir } from "node:os";

/**
 * The server's configuration, parsed once at the edge (the `vafa serve` flags) and passed in.
 *
 * @example
 * const config = serverConfig({ sessionTtlMs: 60 * 60_000 });
 */
export interface ServerConfig {
  /** Session lifetime, slid forward on use; default 12 h. */
  readonly sessionTtlMs: number;
  /**
   * Always mark the session cookie `Secure` and send HSTS; default false. Requests that arrive over
   * HTTPS (or, with `trustProxy`, whose proxy says `X-Forwarded-Proto: https`) get both anyway.
   */
  readonly secureCookies: boolean;
  /**
   * Trust the reverse proxy in front of the server: read the scheme from `X-Forwarded-Proto` and the
   * client address from the last `X-Forwarded-For` entry; default false (both headers are ignored,
   * since any client can send them).
   */
  readonly trustProxy: boolean;
  /** Login attempts per email + address evaluated per window, before 429; default 5. */
  readonly loginMaxFailures: number;
  /** Login attempts from one address, over all emails, per window (password spraying); default 50. */
  readonly loginMaxPerAddress: number;
  /**
   * Login attempts on one email, from all addresses, per window; default 20. Past it, only a browser
   * that signed in to that account before (its device cookie) is still evaluated, so an attacker
   * spread over many addresses cannot lock the user out everywhere.
   */
  readonly loginMaxPerAccount: number;
  /** Login attempts on the whole server per window; default 500 (past it: known devices only). */
  readonly loginMaxOverall: number;
  /** Window of the login limits; default 15 min. */
  readonly loginWindowMs: number;
  /** Largest accepted JSON request body; default 1 MiB (larger: 413 before the body is read). */
  readonly maxJsonBytes: number;
  /** Largest accepted upload, counted as it streams in (chunked uploads too); default 2 GiB. */
  readonly maxUploadBytes: number;
  /** Where uploads are saved while they load; default the system temp directory. */
  readonly uploadDir: string;
  /** The built dashboard (`packages/web/dist`); a hint page is served when it is missing. */
  readonly webDir: string;
  /**
   * Model fits and checks running at once, each in its own worker thread; more wait their turn.
   * Default 1, so a fit leaves the other core to the requests.
   */
  readonly maxConcurrentFits: number;
  /** Wall-clock budget of one model fit or check; past it the worker is stopped. Default 10 min. */
  readonly fitBudgetMs: number;
}

const defaults: ServerConfig = {
  sessionTtlMs: 12 * 60 * 60_000,
  secureCookies: false,
  trustProxy: false,
  loginMaxFailures: 5,
  loginMaxPerAddress: 50,
  loginMaxPerAccount: 20,
  loginMaxOverall: 500,
  loginWindowMs: 15 * 60_000,
  maxJsonBytes: 1024 ** 2,
  maxUploadBytes: 2 * 1024 ** 3,
  uploadDir: tmpdir(),
  webDir: new URL("../../web/dist", import.meta.url).pathname,
  maxConcurrentFits: 1,
  fitBudgetMs: 10 * 60_000,
};

/** The configuration with defaults filled in. */
export function serverConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...defaults, ...overrides };
}
