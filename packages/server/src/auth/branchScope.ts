import type { User } from "../state/StateStore.ts";

/**
 * The branch an agent is confined to; `undefined` for roles that see everything. An agent without
 * a branch gets `null`: it sees no customers (only alerts it owns).
 *
 * @example
 * branchScope({ role: "agent", branch: "Leeds", … }); // "Leeds"
 */
export function branchScope(user: User): string | null | undefined {
  return user.role === "agent" ? user.branch : undefined;
}
