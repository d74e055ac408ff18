import { csvCell } from "../csvCell.ts";

/**
 * Campaign members as CSV for the delivering channel (mail, SMS, call list): a header and one line
 * per member, RFC 4180 quoting; cells that a spreadsheet would run as formulas are neutralised.
 *
 * @example
 * membersCsv([{ campaign_id: "c1", customer_id: "17850", arm: "treatment", assigned_at: "2011-09-01", redeemed_at: null }]);
 * // "campaign_id,customer_id,arm,assigned_at,redeemed_at\nc1,17850,treatment,2011-09-01,\n"
 */
export function membersCsv(
  rows: readonly {
    campaign_id: string;
    customer_id: string;
    arm: string;
    assigned_at: string | null;
    redeemed_at: string | null;
  }[],
): string {
  const lines = ["campaign_id,customer_id,arm,assigned_at,redeemed_at"];
  for (const r of rows)
    lines.push([r.campaign_id, r.customer_id, r.arm, r.assigned_at, r.redeemed_at].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}
