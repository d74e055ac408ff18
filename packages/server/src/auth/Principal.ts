import { HttpError } from "../http/HttpError.ts";
import type { Session, User } from "../state/StateStore.ts";

/** The caller of a request: a user signed in by session cookie, or by API token (no CSRF then). */
export interface Principal {
  readonly user: User;
  readonly via: "session" | "token";
  readonly session: Session | null;
}

/**
 * The caller of a protected route (the app has already refused anonymous calls to it).
 *
 * @example
 * const { user } = signedIn(principal);
 */
export function signedIn(principal: Principal | null): Principal {
  if (principal === null) throw new HttpError(401, "sign in first");
  return principal;
}
