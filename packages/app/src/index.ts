export * from "./causes/index.ts";
export * from "./clv/index.ts";
export { complaintCustomer } from "./complaints/complaintCustomer.ts";
export { branchCustomerIds } from "./customers/branchCustomerIds.ts";
export {
  type CustomerPage,
  type CustomerPageOptions,
  customerPage,
} from "./customers/customerPage.ts";
export {
  type CustomerList,
  type CustomerListRow,
  type ListCustomersOptions,
  listCustomers,
} from "./customers/listCustomers.ts";
export { requireCustomerInBranch } from "./customers/requireCustomerInBranch.ts";
export * from "./defection/index.ts";
export { type FactsSummary, factsSummary } from "./factsSummary.ts";
export { type Overview, type OverviewOptions, overview } from "./overview/overview.ts";
export * from "./segments/index.ts";
export { storedScoreCount } from "./storedScoreCount.ts";
export {
  type ModelProgress,
  type ModelTask,
  type ModelTaskResult,
  runModelTask,
} from "./workers/ModelTask.ts";
export { ModelWorkStopped } from "./workers/ModelWorkStopped.ts";
export { type ModelWorkerOptions, runModelWorker } from "./workers/runModelWorker.ts";
