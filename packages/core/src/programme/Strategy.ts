import { ProgrammeError } from "./ProgrammeError.ts";

/**
 * The retention strategies a campaign can carry (seed 001: customer club, discounts, lotteries, VIP
 * service, free tickets; seed 002: loyalty rewards, newsletters; plus a personal call).
 */
export const STRATEGIES = [
  "customer_club",
  "loyalty_points",
  "discount",
  "coupon",
  "lottery",
  "vip_service",
  "free_tickets_or_gifts",
  "newsletter",
  "personal_call",
] as const;

/** One of `STRATEGIES`. */
export type Strategy = (typeof STRATEGIES)[number];

/**
 * Checks a strategy name.
 *
 * @throws ProgrammeError listing the strategies.
 * @example
 * parseStrategy("lottery"); // "lottery"
 */
export function parseStrategy(text: string): Strategy {
  const found = STRATEGIES.find((s) => s === text.trim().toLowerCase());
  if (found === undefined)
    throw new ProgrammeError(`unknown strategy "${text}": use one of ${STRATEGIES.join(", ")}`);
  return found;
}
