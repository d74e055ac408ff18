export type { BranchScope } from "./BranchScope.ts";
export { branchCustomerFilter } from "./branchCustomerFilter.ts";
export { type Suppressible, suppressRow, suppressSmallGroups } from "./suppressSmallGroups.ts";
