export { basketRules } from "./basketRules.ts";
export { type CustomerRecommendations, type RecommendOptions, recommend } from "./recommend.ts";
