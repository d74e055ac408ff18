export {
  type ClassificationRules,
  defaultClassificationRules,
  type Threshold,
} from "./ClassificationRules.ts";
export type { CustomerProfile } from "./CustomerProfile.ts";
export {
  type ClassificationFlag,
  type CustomerClassification,
  classifyCustomers,
  RETENTION_CLASSES,
  type ResolvedThresholds,
  type RetentionClass,
} from "./classifyCustomers.ts";
export {
  type ArmsEvaluation,
  evaluateArms,
  type MemberOutcome,
  MIN_CONTROL_MEMBERS,
} from "./evaluateArms.ts";
export { expectedYears } from "./expectedYears.ts";
export { membersCsv } from "./membersCsv.ts";
export { newcombeUplift } from "./newcombeUplift.ts";
export { normalCdf } from "./normalCdf.ts";
export { ProgrammeError } from "./ProgrammeError.ts";
export { parseClassificationRules } from "./parseClassificationRules.ts";
export { type CampaignMoney, type ProgrammeTotals, programmeTotals } from "./programmeTotals.ts";
export { type EconomicsInput, type RetentionEconomics, retentionEconomics } from "./retentionEconomics.ts";
export { parseStrategy, STRATEGIES, type Strategy } from "./Strategy.ts";
export { type Arm, armHash, stableArm } from "./stableArm.ts";
export { studentTCdf, studentTQuantile } from "./studentT.ts";
export { parseTargetMetric, TARGET_METRICS, type TargetMetric } from "./TargetMetric.ts";
export { type CustomerPeriodValue, targetMetricSeries } from "./targetMetricSeries.ts";
export {
  type ForecastMethod,
  type ProgressRow,
  type Target,
  type TargetProgress,
  targetProgress,
} from "./targetProgress.ts";
export type { UpliftEstimate } from "./UpliftEstimate.ts";
export { welchUplift } from "./welchUplift.ts";
