export {
  type BestModel,
  BIC_TIE,
  bestModel,
  HOLDOUT_TIE,
  type ModelRank,
  type RankedFigures,
} from "./bestModel.ts";
export { type ClvFit, toClvFit } from "./ClvFit.ts";
export {
  type ClvModel,
  clvModels,
  type PurchaseModelName,
  parseClvModel,
  purchaseModels,
} from "./ClvModel.ts";
export {
  type CheckInputs,
  type CheckOptions,
  checkModels,
  computeCheck,
  defaultCalibrationEnd,
  type ModelCheck,
  type ModelComparison,
  readCheckInputs,
} from "./checkModels.ts";
export { type ChooseModelOptions, chooseModel, type ModelChoice } from "./chooseModel.ts";
export { dataVersion } from "./dataVersion.ts";
export { type FitFromSummaryFileOptions, fitFromSummaryFile } from "./fitFromSummaryFile.ts";
export { type CurrentFit, fitAndRecord, fitIfNeeded, fitSettings } from "./fitIfNeeded.ts";
export {
  type FitInputs,
  type FitPurchaseModelOptions,
  fitInputs,
  fitPurchaseModel,
  readFitInputs,
} from "./fitPurchaseModel.ts";
export { groupPatterns, type PatternGroups } from "./groupPatterns.ts";
export { type ListScoresOptions, listScores, type ScoreList, scoreOrders } from "./listScores.ts";
export {
  type PatternPredictions,
  type Patterns,
  type PredictionHorizon,
  predictPatterns,
} from "./predictPatterns.ts";
export { type PurchaseModel, purchaseModel } from "./purchaseModel.ts";
export { type QuantileSummary, quantileSummary } from "./quantileSummary.ts";
export { readSummaryFile } from "./readSummaryFile.ts";
export { type FitContext, latestFit, matchingFit, recordFit, type StoredFit } from "./recordFit.ts";
export {
  type CustomerScore,
  type ScoreOptions,
  type ScoreSummary,
  scoreCustomers,
} from "./scoreCustomers.ts";
export {
  lastDay,
  openScoreFrame,
  round6,
  type ScoreFrame,
  type ScoreFrameOptions,
  scoreFrameQuery,
} from "./scoreFrame.ts";
export { type ScoreReport, type ScoreStoreOptions, scoreStore } from "./scoreStore.ts";
export { scoreCsvColumns, writeScoresCsv } from "./writeScoresCsv.ts";
