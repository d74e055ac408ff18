import type { DefectionStatus, RuleLevel } from "./DefectionStatus.ts";

/** A customer's stored status: what it is and since which epoch day. */
export interface StoredStatus {
  readonly status: DefectionStatus;
  readonly sinceDay: number;
}

/**
 * The status after a run, from the stored one and the rules' fresh verdict. A defected customer who
 * has bought since it was marked defected (a purchase day after `sinceDay`) is `reactivated`, whatever
 * the drop rules still say; a reactivated customer the rules see as active stays `reactivated` (it
 * is active, and the history keeps that it came back); otherwise the verdict stands.
 *
 * @example
 * nextStatus({ status: "defected", sinceDay: 15000 }, "defected", 15010); // "reactivated"
 * nextStatus(null, "at_risk", 15010); // "at_risk"
 */
export function nextStatus(
  previous: StoredStatus | null,
  verdict: RuleLevel,
  lastPurchaseDay: number,
): DefectionStatus {
  if (previous === null) return verdict;
  if (previous.status === "defected" && lastPurchaseDay > previous.sinceDay) return "reactivated";
  if (previous.status === "reactivated" && verdict === "active") return "reactivated";
  return verdict;
}
