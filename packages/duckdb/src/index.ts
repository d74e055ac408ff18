export * from "./analyses/index.ts";
export { DuckDBClient } from "./DuckDBClient.ts";
export type { RowProblem } from "./ingest/IngestError.ts";
export { IngestError } from "./ingest/IngestError.ts";
export type { IngestOptions, IngestSummary } from "./ingest/ingestFiles.ts";
export { ingestFiles } from "./ingest/ingestFiles.ts";
export { cohorts, lifecycle, preparePeriods, retention } from "./measures/index.ts";
export type { Store } from "./openStore.ts";
export { openStore } from "./openStore.ts";
