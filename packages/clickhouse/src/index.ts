export { bindParams } from "./bindParams.ts";
export { CLICKHOUSE_SETTINGS, ClickHouseClient } from "./ClickHouseClient.ts";
export { clickhouseSink, removeUnfinishedLoads } from "./clickhouseSink.ts";
export { clickhouseConfigFromEnv } from "./configFromEnv.ts";
export { type ClickHouseConfig, type ClickHouseEngine, connectClickHouse } from "./connectClickHouse.ts";
export { copyFromDuckDB, type LoadSummary, loadCsv } from "./loadFacts.ts";
export {
  type ClickHouseAnalyticEngine,
  clickhouseFeatures,
  type OperationalStore,
  openClickHouseEngine,
} from "./openClickHouseEngine.ts";
export { FACT_TABLES, type FactTable, factColumns, schemaStatements } from "./schema.ts";
