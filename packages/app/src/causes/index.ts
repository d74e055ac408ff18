export { type CauseSource, causeSource } from "./causeSource.ts";
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
export {
  type CauseWindowOptions,
  type LoadedCauseCustomers,
  loadCauseCustomers,
} from "./loadCauseCustomers.ts";
export { type SnapshotOptions, snapshotDataset } from "./snapshotDataset.ts";
export { type SnapshotTable, snapshotCounts, snapshotTable } from "./snapshotTable.ts";
