/**
 * The server's configuration, parsed once at the edge (the `vafa serve` flags) and passed in.
 *
 * @example
 * const config = serverConfig({ sessionTtlMs: 60 * 60_000 });
 */
export interface ServerConfig {
  /** Session lifetime, slid forward on use; default 12 h. */
  readonly sessionTtlMs: number;
  /** Mark the session cookie `Secure` (serve behind HTTPS); default false for plain loopback HTTP. */
  readonly secureCookies: boolean;
  /** Failed logins per email + address before 429; default 5. */
  readonly loginMaxFailures: number;
  /** Window of the login limit; default 15 min. */
  readonly loginWindowMs: number;
  /** Largest accepted upload; default 2 GiB. */
  readonly maxUploadBytes: number;
  /** The built dashboard (`packages/web/dist`); a hint page is served when it is missing. */
  readonly webDir: string;
}

const defaults: ServerConfig = {
  sessionTtlMs: 12 * 60 * 60_000,
  secureCookies: false,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
  maxUploadBytes: 2 * 1024 ** 3,
  webDir: new URL("../../web/dist", import.meta.url).pathname,
};

/** The configuration with defaults filled in. */
export function serverConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...defaults, ...overrides };
}
