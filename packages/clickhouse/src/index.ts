export { bindParams } from "./bindParams.ts";
export { CLICKHOUSE_SETTINGS, ClickHouseClient } from "./ClickHouseClient.ts";
export { clickhouseConfigFromEnv } from "./configFromEnv.ts";
export { type ClickHouseConfig, type ClickHouseEngine, connectClickHouse } from "./connectClickHouse.ts";
export { copyFromDuckDB, type LoadSummary, loadCsv } from "./loadFacts.ts";
export { cohorts, lifecycle, profitability, repurchaseCycle, retention } from "./measures.ts";
export { FACT_TABLES, type FactTable, factColumns, schemaStatements } from "./schema.ts";
