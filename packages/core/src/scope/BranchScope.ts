/**
 * Whose customers a report covers: `undefined` every branch (the default); a branch name only that
 * branch's customers (an agent's, or an admin's `branch=` filter); `null` no customers at all (an
 * agent without a branch). Anonymous transactions belong to no branch, so a scoped report leaves
 * them out.
 *
 * @example
 * const scope: BranchScope = "United Kingdom";
 */
export type BranchScope = string | null | undefined;
