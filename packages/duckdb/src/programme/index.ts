export {
  type AssignmentSummary,
  assignMembers,
  type Campaign,
  type CampaignMember,
  campaignMembers,
  createCampaign,
  exportMembersCsv,
  getCampaign,
  listCampaigns,
  type NewCampaign,
  recordRedemptions,
} from "./campaigns.ts";
export { type ClassificationReport, type ClassifyOptions, classifyStore } from "./classifyStore.ts";
export { type EconomicsOptions, type EconomicsReport, programmeEconomics } from "./economics.ts";
export {
  type CampaignEvaluation,
  type EvaluateOptions,
  evaluateCampaign,
  type ProgrammeView,
  programmeView,
} from "./evaluateCampaign.ts";
export {
  createTarget,
  getTarget,
  listTargets,
  type NewTarget,
  type StoredTarget,
  type TargetReport,
  targetProgressFor,
} from "./targets.ts";
