// Retention measurement (DESIGN.md §3): rates per period, cohorts, lifecycle — as SQL for an engine.

export type { ActivityRule } from "./ActivityRule.ts";
export type {
  Cohort,
  CohortMetric,
  CohortMode,
  CohortOptions,
  CohortRelativeTo,
  CohortTable,
} from "./CohortOptions.ts";
export { cohortQuery } from "./cohortQuery.ts";
export { cohortTable } from "./cohortTable.ts";
export { customerPeriodsSql } from "./customerPeriodsSql.ts";
export {
  CUSTOMER_DIMENSIONS,
  type Dimension,
  type DimensionSource,
  parseDimension,
  TRANSACTION_DIMENSIONS,
} from "./Dimension.ts";
export type { LifecycleRow } from "./LifecycleRow.ts";
export { periodFrame } from "./periodFrame.ts";
export {
  countsEvents,
  DAY_PERIOD_TABLE,
  dataRangeQuery,
  PERIODS_TABLE,
  periodMappingStatements,
} from "./periodMapping.ts";
export { RetentionError } from "./RetentionError.ts";
export type { RetentionOptions } from "./RetentionOptions.ts";
export type { RetentionRow } from "./RetentionRow.ts";
export { type ResolvedRetentionOptions, resolveRetentionOptions } from "./resolveRetentionOptions.ts";
export { retentionQuery } from "./retentionQuery.ts";
export { type PeriodFrame, retentionRows } from "./retentionRows.ts";
export { runCohorts, runLifecycle, runPreparePeriods, runRetention } from "./runRetention.ts";
export { SqlParams } from "./SqlParams.ts";
export { type Cte, withCtes } from "./withCtes.ts";
