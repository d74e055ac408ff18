export { clusters } from "./clusters.ts";
export {
  type RfmOptions,
  type RfmResult,
  type RfmSegmentRow,
  type RfmTransitions,
  rfm,
  rfmCustomers,
} from "./rfm.ts";
export { resolveAsOfDay, rfmFrame } from "./rfmFrame.ts";
export {
  defineSegment,
  deleteSegment,
  getSegment,
  hasCustomerScores,
  listSegments,
  resolveRule,
  type SavedSegment,
  segmentContext,
  segmentMembers,
  segmentMembersQueryFor,
} from "./savedSegments.ts";
export { type SegmentMemberPage, segmentMemberPage } from "./segmentMemberPage.ts";
export { type TargetsOptions, targets } from "./targets.ts";
