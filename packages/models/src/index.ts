export type { BoundaryTest } from "./assessIdentification.ts";
export {
  assessIdentification,
  BOUNDARY_THRESHOLD,
  CURVATURE_THRESHOLD,
  DROPOUT_NOT_IDENTIFIED_MESSAGE,
} from "./assessIdentification.ts";
export type { BfgsOptions } from "./bfgs.ts";
export { bfgs } from "./bfgs.ts";
export type { BgBbData, BgBbFit, BgBbParams } from "./bgbb.ts";
export {
  bgBbConditionalExpectedTransactions,
  bgBbExpectedTransactions,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  bgBbProbabilityOfTransactions,
  fitBgBb,
} from "./bgbb.ts";
export type { BgNbdFit, BgNbdParams } from "./bgnbd.ts";
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
} from "./bgnbd.ts";
export type { CompressedPatterns } from "./compressPatterns.ts";
export { compressPatterns } from "./compressPatterns.ts";
export type { CustomerLifetimeValueInput } from "./customerLifetimeValue.ts";
export { customerLifetimeValue } from "./customerLifetimeValue.ts";
export { digamma } from "./digamma.ts";
export { FitError } from "./FitError.ts";
export type { MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
export { fitMaximumLikelihood } from "./fitMaximumLikelihood.ts";
export type { NbdFit, NbdParams } from "./fitNbd.ts";
export { fitNbd } from "./fitNbd.ts";
export { expectedFrequencyCounts, observedFrequencyCounts } from "./frequencyCounts.ts";
export type { GammaGammaData, GammaGammaFit, GammaGammaParams } from "./gammaGamma.ts";
export { fitGammaGamma, gammaGammaConditionalExpectedSpend, gammaGammaLogLikelihood } from "./gammaGamma.ts";
export type { Hyp2f1Evaluation, LogSigned } from "./hyp2f1.ts";
export {
  HYP2F1_MAX_TERMS,
  hyp2f1,
  hyp2f1TermBound,
  hyp2f1TermCap,
  logHyp2f1,
  logHyp2f1Batch,
  logHyp2f1Signed,
  logHyp2f1Work,
} from "./hyp2f1.ts";
export { aic, bic } from "./informationCriteria.ts";
export { logBeta } from "./logBeta.ts";
export { logGamma } from "./logGamma.ts";
export { log1mExp, logAddExp, logSumExp } from "./logSumExp.ts";
export type { MbgNbdFit, MbgNbdParams } from "./mbgnbd.ts";
export {
  fitMbgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
} from "./mbgnbd.ts";
export type { MinimizeResult, NelderMeadOptions } from "./nelderMead.ts";
export { nelderMead } from "./nelderMead.ts";
export { invertMatrix, numericGradient, numericHessian } from "./numericDerivatives.ts";
export type { ParetoNbdFit, ParetoNbdParams } from "./paretoNbd.ts";
export {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
} from "./paretoNbd.ts";
export type { RfmData } from "./rfmData.ts";
export type { SbgFit, SbgParams } from "./sbg.ts";
export {
  fitSbg,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgLogLikelihood,
  sbgProjectSurvivors,
  sbgRetentionRate,
  sbgSurvival,
} from "./sbg.ts";
export type { SymmetricEigen } from "./symmetricEigen.ts";
export { symmetricEigen } from "./symmetricEigen.ts";
export type {
  FitOptions,
  FitResult,
  FitStop,
  Identification,
  IdentificationCode,
  IdentificationEvidence,
  NumericArray,
  ParameterInterval,
} from "./types.ts";
