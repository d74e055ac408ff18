export * from "./clv/index.ts";
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
export * from "./defection/index.ts";
export { type FactsSummary, factsSummary } from "./factsSummary.ts";
export { type Overview, type OverviewOptions, overview } from "./overview/overview.ts";
export * from "./segments/index.ts";
export { storedScoreCount } from "./storedScoreCount.ts";
