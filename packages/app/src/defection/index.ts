export { type AlertPageFilter, alertPage } from "./alertPage.ts";
export type { AlertRow } from "./alertRow.ts";
export {
  type BacktestOptions,
  type BacktestReport,
  type BacktestScores,
  defectionBacktest,
} from "./defectionBacktest.ts";
export {
  type DefectionRanking,
  type DefectionRateGroup,
  type DefectionRateOptions,
  type DefectionRateReport,
  type DefectionRateRow,
  defectionRate,
} from "./defectionRate.ts";
export {
  type AsOfModel,
  fitModelAsOf,
  type ModelAsOf,
  type ModelAsOfOptions,
  type ModelFitAsOf,
} from "./fitModelAsOf.ts";
export { getAlert } from "./getAlert.ts";
export { type ListAlertsOptions, listAlerts } from "./listAlerts.ts";
export { listWebhooks, type WebhookRow } from "./listWebhooks.ts";
export { type LoadedFeatures, loadFeatures, type ModelFigures } from "./loadFeatures.ts";
export { checkOutboundTarget, outboundAllowlist, outboundSettingKey } from "./outboundTarget.ts";
export { probabilityOfPurchase } from "./probabilityOfPurchase.ts";
export { type DefectionRunSummary, type RunDefectionOptions, runDefection } from "./runDefection.ts";
export { sourceId } from "./sourceId.ts";
export { readStatuses, type StoredStatusRow } from "./statusTables.ts";
export { addWebhook, type DeliverOptions, type DeliveryPass, deliverWebhooks } from "./webhooks.ts";
export { type ContactRecord, closeAlert, recordContact, takeAlert } from "./worklist.ts";
