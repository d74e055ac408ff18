import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Two transaction files touching the same days: a return-only day that a later purchase turns into
 * a purchase day, a return booked a load later on a purchase day, and an anonymous line. Loading
 * `first`, then `second` twice, exercises the purchase-day table's merges and idempotence.
 */
export function purchaseDayLoads(): { first: string; second: string } {
  const dir = mkdtempSync(join(tmpdir(), "vafa-days-"));
  const header = "id,customer_id,occurred_at,amount\n";
  const first = join(dir, "first.csv");
  writeFileSync(
    first,
    `${header}1,a,2024-01-01 09:00,10\n2,a,2024-01-01 18:00,-3\n3,a,2024-01-05 10:00,-5\n4,a,2024-01-10 10:00,20\n5,b,2024-01-03 23:59:59,4\n6,,2024-01-03 10:00,9\n`,
  );
  const second = join(dir, "second.csv");
  writeFileSync(
    second,
    `${header}7,a,2024-01-05 12:00,8\n8,a,2024-01-10 11:00,-4\n9,b,2024-02-01 00:00,5\n10,c,2024-02-02 10:00,-2\n11,b,2024-01-20 10:00,-1\n`,
  );
  return { first, second };
}
