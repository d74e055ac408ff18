export { type CauseSource, causeSource } from "./causeSource.ts";
export { createComplaint, type NewComplaint } from "./createComplaint.ts";
export {
  type DefectionDriversOptions,
  type DefectionDriversReport,
  defectionDrivers,
} from "./defectionDrivers.ts";
export {
  type DefectionProfilesOptions,
  type DefectionProfilesReport,
  defectionProfiles,
} from "./defectionProfiles.ts";
export { type DefectionReasonsOptions, defectionReasons } from "./defectionReasons.ts";
export { type ComplaintRow, type ListComplaintsOptions, listComplaints } from "./listComplaints.ts";
export {
  type CauseWindowOptions,
  type LoadedCauseCustomers,
  loadCauseCustomers,
} from "./loadCauseCustomers.ts";
export { recordSurveyResponse, type SurveyResponse } from "./recordSurveyResponse.ts";
export { type SnapshotOptions, snapshotDataset } from "./snapshotDataset.ts";
export { type SnapshotTable, snapshotCounts, snapshotTable } from "./snapshotTable.ts";
export { type ComplaintUpdate, updateComplaint } from "./updateComplaint.ts";
