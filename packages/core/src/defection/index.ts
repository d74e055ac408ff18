// Defection (DESIGN.md §3; seeds/004): business-defined rules, statuses, reasons, worklist, webhooks.

export type { CustomerFeatures, WindowFigures } from "./CustomerFeatures.ts";
export { type ClassificationScores, classificationScores } from "./classificationScores.ts";
export { type CustomerFeaturesOptions, customerFeaturesQuery } from "./customerFeaturesQuery.ts";
export { DefectionError } from "./DefectionError.ts";
export type { DefectionEvaluation, ReasonFacts, RuleFinding } from "./DefectionEvaluation.ts";
export {
  type ContractRule,
  DEFECTION_RULE_KINDS,
  type DefectionRule,
  type DefectionRules,
  type DropRule,
  type ModelMeasure,
  type ModelRule,
  ruleName,
  type SilenceRule,
} from "./DefectionRule.ts";
export { DEFECTION_STATUSES, type DefectionStatus, type RuleLevel } from "./DefectionStatus.ts";
export { defaultDefectionRules } from "./defaultDefectionRules.ts";
export { defectionReason } from "./defectionReason.ts";
export { defectionWindows, type WindowPair } from "./defectionWindows.ts";
export { evaluateDefection, typicalGap } from "./evaluateDefection.ts";
export { formatLocaleNumber } from "./formatLocaleNumber.ts";
export { LOCALES, type Locale } from "./Locale.ts";
export { nextStatus, type StoredStatus } from "./nextStatus.ts";
export { parseDefectionRules } from "./parseDefectionRules.ts";
export { DEFAULT_PURCHASE_HORIZON_DAYS, purchaseHorizon } from "./purchaseHorizon.ts";
export { defaultRetryPolicy, type RetryPolicy, retryDelay } from "./retryDelay.ts";
export { toCustomerFeatures } from "./toCustomerFeatures.ts";
export { type ValueAtStake, valueAtStake } from "./valueAtStake.ts";
export { verifyWebhookSignature, webhookSignature } from "./webhookSignature.ts";
export { wilsonInterval } from "./wilsonInterval.ts";
export {
  ALERT_STATES,
  type AlertState,
  CONTACT_OUTCOMES,
  type ContactOutcome,
  DEFAULT_EXIT_REASONS,
  parseExitReason,
  parseOutcome,
} from "./worklistTaxonomy.ts";
