export type { AppErrorKind } from "./AppError.ts";
export { AppError, isAppError } from "./AppError.ts";
export * from "./analyses/index.ts";
export * from "./baskets/index.ts";
export * from "./causes/index.ts";
export { chiSquare } from "./clv/chiSquare.ts";
export type { CumulativeTrackingInput, TrackingWeek } from "./clv/cumulativeTracking.ts";
export { cumulativeTracking } from "./clv/cumulativeTracking.ts";
export {
  compressedSpendQuery,
  compressedSummaryQuery,
  customerSummaryQuery,
} from "./clv/customerSummaryQuery.ts";
export type { HoldoutAccuracy } from "./clv/holdoutAccuracy.ts";
export { holdoutAccuracy } from "./clv/holdoutAccuracy.ts";
export type { SummaryOptions } from "./clv/SummaryOptions.ts";
export { trackingDataQuery } from "./clv/trackingDataQuery.ts";
export { csvCell } from "./csvCell.ts";
export type { Dialect, DialectCapabilities, SqlType } from "./Dialect.ts";
export * from "./defection/index.ts";
export {
  CLICKHOUSE_18_CAPABILITIES,
  clickhouseCapabilities,
  clickhouseDialect,
  clickhouseDialectFor,
  clickhouseLiteral,
  clickhousePlaceholder,
  clickhouseString,
} from "./dialects/clickhouseDialect.ts";
export { duckdbDialect } from "./dialects/duckdbDialect.ts";
export type { CustomerFrame, CustomerScores } from "./engine/CustomerFrame.ts";
export { countFacts } from "./engine/countFacts.ts";
export type {
  Engine,
  EngineName,
  FactCounts,
  IngestMapping,
  IngestRequest,
  IngestResult,
} from "./engine/Engine.ts";
export type { Feature } from "./engine/Feature.ts";
export { featureLabel, features, requireFeature } from "./engine/Feature.ts";
export { type SessionQueue, sessionQueue } from "./engine/sessionQueue.ts";
export type { AttributeType, IngestedAttribute } from "./ingest/AttributeType.ts";
export { NO_WORDS, STATUS_WORDS, YES_WORDS } from "./ingest/answerWords.ts";
export type { FieldSpec, FieldType, Kind } from "./ingest/fields.ts";
export { kindFields, kinds, kindTable, parseKind } from "./ingest/fields.ts";
export type { RowProblem } from "./ingest/IngestError.ts";
export { IngestError } from "./ingest/IngestError.ts";
export type { FileFormat, Preset } from "./ingest/presets.ts";
export { fileFormats, getPreset, presets } from "./ingest/presets.ts";
export type { FieldMapping } from "./ingest/resolveMapping.ts";
export { resolveMapping } from "./ingest/resolveMapping.ts";
export { insertRows } from "./insertRows.ts";
export * from "./periods/index.ts";
export * from "./programme/index.ts";
export { quoteIdent } from "./quoteIdent.ts";
export * from "./retention/index.ts";
export type { Row, SqlClient } from "./SqlClient.ts";
export type { SqlQuery, SqlValue } from "./SqlQuery.ts";
export { sql } from "./SqlQuery.ts";
export type { Migration } from "./schema/migrations.ts";
export { migrations } from "./schema/migrations.ts";
export * from "./scope/index.ts";
export * from "./segments/index.ts";
export { dayText, secondText, timestampText } from "./sqlTime.ts";
export * from "./state/StateStore.ts";
export { counterTableDdl, isWriteConflict, sqlStateStore } from "./state/sqlStateStore.ts";
