export * from "./clv/index.ts";
export * from "./defection/index.ts";
export * from "./segments/index.ts";
export { storedScoreCount } from "./storedScoreCount.ts";
