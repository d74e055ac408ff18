/** A customer's defection status. `reactivated`: was defected and bought again. */
export type DefectionStatus = "active" | "at_risk" | "defected" | "reactivated";

/** Every status, in order of severity for the first three. */
export const DEFECTION_STATUSES: readonly DefectionStatus[] = [
  "active",
  "at_risk",
  "defected",
  "reactivated",
];

/** The level a rule gives a customer; `reactivated` is a history fact, never a rule's verdict. */
export type RuleLevel = "active" | "at_risk" | "defected";
