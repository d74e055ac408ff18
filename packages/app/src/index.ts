export * from "./clv/index.ts";
