import type { DriverRole } from "./DriverDataset.ts";
import { columnKey } from "./matchColumn.ts";

/** Words of a column name that mark a descriptor of the customer rather than a service issue. */
const DESCRIPTOR_WORDS = new Set([
  "tenure",
  "age",
  "gender",
  "sex",
  "senior",
  "partner",
  "married",
  "marital",
  "dependents",
  "children",
  "kids",
  "region",
  "country",
  "city",
  "state",
  "province",
  "branch",
  "segment",
  "income",
  "education",
  "language",
  "nationality",
  "occupation",
  "since",
  "total",
  "lifetime",
  "band",
]);

/** The words of a header: "SeniorCitizen" → ["senior", "citizen"], "Tenure in Months" → ["tenure", "in", "months"]. */
function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** The user's say on which columns are service issues and which describe the customer. */
export interface RoleOptions {
  /** Columns to treat as service issues (`--service`), matched ignoring case and spaces. */
  readonly service?: readonly string[];
  /** Columns to treat as descriptors (`--descriptor`). */
  readonly descriptor?: readonly string[];
}

/**
 * Whether a column of customer attributes is a service issue or a descriptor: what the user said
 * (`service`, `descriptor`), else a descriptor when a word of its name says it describes the
 * customer — tenure, age, gender, senior, partner, dependents, region, country, city, branch,
 * segment, income, education, "customer since", totals to date (TotalCharges grows with tenure),
 * value band — else a service issue (contract, tech support, offer, payment method, charges).
 *
 * @example
 * driverRole("tenure"); // "descriptor"
 * driverRole("Contract"); // "service"
 * driverRole("SeniorCitizen"); // "descriptor"
 * driverRole("Offer", { descriptor: ["offer"] }); // "descriptor"
 */
export function driverRole(name: string, options: RoleOptions = {}): DriverRole {
  const key = columnKey(name);
  if ((options.service ?? []).some((x) => columnKey(x) === key)) return "service";
  if ((options.descriptor ?? []).some((x) => columnKey(x) === key)) return "descriptor";
  return words(name).some((w) => DESCRIPTOR_WORDS.has(w)) ? "descriptor" : "service";
}
