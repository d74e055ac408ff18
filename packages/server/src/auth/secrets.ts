import { createHash, randomBytes } from "node:crypto";

/**
 * A random secret for a session, CSRF or API token: 32 bytes, base64url, with an optional prefix
 * that tells a leaked value's kind at a glance (`vafa_` for API tokens).
 *
 * @example
 * randomToken("vafa_"); // "vafa_3q2-…"
 */
export function randomToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** SHA-256 of a token, hex: what the state store keeps, so a database leak yields no usable token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
