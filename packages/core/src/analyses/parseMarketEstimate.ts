import { AnalysisError } from "./AnalysisError.ts";
import type { MarketEstimate } from "./ShareOfWallet.ts";

/**
 * Parses `segment=amount`, a market estimate of one segment's annual category spend per customer.
 * The segment is everything before the last `=` (segment names may contain `=`), the amount a
 * positive number.
 *
 * @throws AnalysisError on a malformed pair or an amount that is not positive.
 * @example
 * parseMarketEstimate("retail=12000"); // { segment: "retail", amount: 12000 }
 */
export function parseMarketEstimate(text: string): MarketEstimate {
  const at = text.lastIndexOf("=");
  const segment = at > 0 ? text.slice(0, at).trim() : "";
  const amountText = at > 0 ? text.slice(at + 1).trim() : "";
  const amount = Number(amountText);
  if (segment === "" || amountText === "" || !Number.isFinite(amount) || amount <= 0) {
    throw new AnalysisError(
      `an estimate is segment=amount with a positive annual amount, e.g. retail=12000; got "${text}"`,
    );
  }
  return { segment, amount };
}
