export { type ClvFit, toClvFit } from "./ClvFit.ts";
export {
  type ClvModel,
  clvModels,
  type PurchaseModelName,
  parseClvModel,
  purchaseModels,
} from "./ClvModel.ts";
export { type FitPurchaseModelOptions, fitPurchaseModel } from "./fitPurchaseModel.ts";
export {
  type PatternPredictions,
  type Patterns,
  type PredictionHorizon,
  predictPatterns,
} from "./predictPatterns.ts";
export { type PurchaseModel, purchaseModel } from "./purchaseModel.ts";
