// Root causes of defection (seeds/000, 004): complaints, surveys, exit reasons, drivers, profiles.

export { analyseDrivers, type DriverAnalysisOptions } from "./analyseDrivers.ts";
export type { CauseCustomer } from "./CauseCustomer.ts";
export { CausesError } from "./CausesError.ts";
export { type CauseDriverOptions, causeDriverDataset } from "./causeDriverDataset.ts";
export { causeProfileInputs, PROFILE_DIMENSIONS } from "./causeProfileInputs.ts";
export { type CheckedAnswer, checkSurveyAnswers, type SurveyAnswer } from "./checkSurveyAnswers.ts";
export { choleskyFactor, choleskySolve } from "./choleskySolve.ts";
export { COMPLAINT_STATUSES, type ComplaintStatus, parseComplaintStatus } from "./complaintStatus.ts";
export type {
  CategoryColumn,
  DriverColumn,
  DriverDataset,
  DriverRole,
  FlagColumn,
  LeftOutColumn,
  ValueKind,
} from "./DriverDataset.ts";
export type { DriverReport, DriverResult } from "./DriverReport.ts";
export { type DatasetProfileReport, datasetProfiles } from "./datasetProfiles.ts";
export {
  defectorProfiles,
  type ProfileInput,
  type ProfileOptions,
  type ProfileReport,
  type ProfileRow,
} from "./defectorProfiles.ts";
export { detectLeak } from "./detectLeak.ts";
export { type DriverQueryOptions, driverQueries } from "./driverQueries.ts";
export { driverRole, type RoleOptions } from "./driverRole.ts";
export { type DriverSentenceInput, driverSentence } from "./driverSentence.ts";
export { type EncodedDriver, type EncodeOptions, encodeDrivers } from "./encodeDrivers.ts";
export { type ExitQuestionnaireOptions, exitQuestionnaire } from "./exitQuestionnaire.ts";
export {
  fitRidgeLogistic,
  type LogisticData,
  type RidgeLogisticFit,
  type RidgeLogisticOptions,
} from "./fitRidgeLogistic.ts";
export { type IdentifierKind, identifierKind } from "./identifierKind.ts";
export { leftOutNotes } from "./leftOutNotes.ts";
export { columnKey, type MatchedColumn, matchColumn } from "./matchColumn.ts";
export { type NpsCategory, npsCategory } from "./npsCategory.ts";
export { parseCsv } from "./parseCsv.ts";
export { questionnaireReason } from "./questionnaireReason.ts";
export { reasonsQuery } from "./reasonsQuery.ts";
export { type RelativeRisk, relativeRisk } from "./relativeRisk.ts";
export {
  type Localised,
  type Questionnaire,
  SURVEY_TYPES,
  type SurveyOption,
  type SurveyQuestion,
  type SurveyType,
} from "./SurveyQuestion.ts";
export {
  type ReasonDimension,
  type ReasonLevel,
  type ReasonPeriod,
  type ReasonReport,
  type ReasonRow,
  type ReasonTrendRow,
  type SummariseReasonsOptions,
  summariseReasons,
} from "./summariseReasons.ts";
export { parseSurveyType, surveyQuestionnaire } from "./surveyQuestionnaire.ts";
export { type TableDatasetOptions, tableDriverDataset } from "./tableDriverDataset.ts";
export { type TableReasonReport, type TableReasonsOptions, tableReasons } from "./tableReasons.ts";
export { tenureBucket } from "./tenureBucket.ts";
export { type CauseCustomerOptions, toCauseCustomers } from "./toCauseCustomers.ts";
