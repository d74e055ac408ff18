export { cohorts } from "./cohorts.ts";
export { lifecycle } from "./lifecycle.ts";
export { preparePeriods } from "./preparePeriods.ts";
export { retention } from "./retention.ts";
