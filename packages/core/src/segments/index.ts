// Customer identification: RFM, saved segments, target-customer analysis, clusters (DESIGN.md §2, seed 003).
export {
  type ClusterOptions,
  type CustomerCluster,
  type CustomerClusters,
  clusterCustomers,
  clusterFeatures,
  clusterFeaturesQuery,
  describeCentroid,
} from "./clusterCustomers.ts";
export { type KMeansOptions, type KMeansResult, kmeans } from "./kmeans.ts";
export { parseRule } from "./parseRule.ts";
export {
  type RfmSegmentId,
  rfmGrid,
  rfmSegmentIds,
  rfmSegmentLabels,
  rfmSegmentOf,
  rfmSegmentSql,
  toFivePoint,
} from "./rfmGrid.ts";
export {
  lastTransactionDayQuery,
  type RfmCuts,
  type RfmFrame,
  rfmBaseSql,
  rfmCustomersQuery,
  rfmCutsFromCounts,
  rfmScoredSql,
  rfmSegmentsQuery,
  rfmTransitionsQuery,
  rfmValueCountsQuery,
} from "./rfmQuery.ts";
export { runRfmFrame } from "./runRfmFrame.ts";
export { SegmentError } from "./SegmentError.ts";
export type { RuleCondition, RuleOperator, RuleValue, SegmentRule } from "./SegmentRule.ts";
export {
  checkSegmentName,
  defineSegmentQuery,
  deleteSegmentQuery,
  getSegmentQuery,
  listSegmentsQuery,
} from "./savedSegmentQueries.ts";
export { checkBins, scoreCuts, scoreOf, type ValueCount } from "./scoreCuts.ts";
export { seededRandom } from "./seededRandom.ts";
export {
  findField,
  type SegmentField,
  type SegmentFieldSource,
  type SegmentFieldType,
  segmentFields,
} from "./segmentFields.ts";
export {
  type RuleNeeds,
  ruleNeeds,
  type SegmentContext,
  segmentMembersQuery,
  segmentMembersSql,
} from "./segmentMembersQuery.ts";
export { silhouette } from "./silhouette.ts";
export {
  type TargetGroups,
  type TargetOptions,
  type TargetRow,
  type Targets,
  targetsQuery,
  toTargets,
} from "./targetsQuery.ts";
