import { DefectionError } from "./DefectionError.ts";

/** Outcomes of a contact attempt; all but `unreachable` close the alert. */
export const CONTACT_OUTCOMES = ["saved", "lost", "unreachable", "not_worth_retaining"] as const;

/** A contact attempt's outcome. */
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** The default exit-reason taxonomy; a business passes its own list (free text goes in the note). */
export const DEFAULT_EXIT_REASONS: readonly string[] = [
  "price",
  "competitor_offer",
  "staff_behaviour",
  "service_quality",
  "product",
  "moved",
  "no_longer_needs",
  "payment_problem",
  "other",
];

/** States of an alert on the worklist. */
export const ALERT_STATES = ["open", "in_progress", "closed"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * Checks an outcome typed by a user.
 *
 * @throws DefectionError listing the accepted outcomes.
 * @example
 * parseOutcome("saved"); // "saved"
 */
export function parseOutcome(value: string): ContactOutcome {
  const found = CONTACT_OUTCOMES.find((o) => o === value.trim().toLowerCase());
  if (found === undefined) {
    throw new DefectionError(`outcome "${value}" is not one of ${CONTACT_OUTCOMES.join(", ")}`);
  }
  return found;
}

/**
 * Checks an exit reason against the business's taxonomy (default `DEFAULT_EXIT_REASONS`).
 *
 * @throws DefectionError listing the accepted reasons.
 * @example
 * parseExitReason("price"); // "price"
 */
export function parseExitReason(value: string, taxonomy: readonly string[] = DEFAULT_EXIT_REASONS): string {
  const v = value.trim().toLowerCase();
  if (!taxonomy.includes(v)) {
    throw new DefectionError(
      `exit reason "${value}" is not one of ${taxonomy.join(", ")} (free text goes in the note)`,
    );
  }
  return v;
}
