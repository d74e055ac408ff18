/**
 * The operational store's placeholder for parameter `index` (`$1`, `$2`, …): the store speaks DuckDB
 * or PostgreSQL SQL whatever the analytic engine is.
 */
export const stateParam = (index: number): string => `$${index}`;
