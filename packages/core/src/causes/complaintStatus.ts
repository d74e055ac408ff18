import { CausesError } from "./CausesError.ts";

/** The life of a complaint: opened, being worked, resolved for the customer, closed (filed away). */
export const COMPLAINT_STATUSES = ["open", "in_progress", "resolved", "closed"] as const;

/** A complaint's status. */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * Checks a status typed by a user (case and surrounding spaces ignored).
 *
 * @throws CausesError listing the accepted statuses.
 * @example
 * parseComplaintStatus("Resolved"); // "resolved"
 */
export function parseComplaintStatus(value: string): ComplaintStatus {
  const found = COMPLAINT_STATUSES.find((s) => s === value.trim().toLowerCase());
  if (found === undefined) {
    throw new CausesError(`complaint status "${value}" is not one of ${COMPLAINT_STATUSES.join(", ")}`);
  }
  return found;
}
