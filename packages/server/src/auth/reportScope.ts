import type { BranchScope } from "@vafa/core";
import type { User } from "../state/StateStore.ts";
import { branchScope } from "./branchScope.ts";

/**
 * The branch a report is computed on: an agent's own branch whatever it asks (none at all for an
 * agent without a branch), for every other role the `branch=` it asks for, or every branch.
 *
 * @example
 * reportScope(agentOfLeeds, "York"); // "Leeds"
 * reportScope(admin, "York"); // "York"
 * reportScope(admin, undefined); // undefined: every branch
 */
export function reportScope(user: User, requested: string | undefined): BranchScope {
  const own = branchScope(user);
  return own !== undefined ? own : requested;
}
