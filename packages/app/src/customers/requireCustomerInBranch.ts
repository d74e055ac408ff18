import { AppError, type Engine, sql } from "@vafa/core";

/**
 * Refuses a customer outside the caller's branch: an agent sees only its branch's customers (and an
 * agent without a branch none). `branch` undefined means the caller sees every customer; then the
 * customer is only checked to exist when `mustExist` is set.
 *
 * @throws AppError `not_found` for an unknown customer, `forbidden` for one outside the branch.
 * @example
 * await requireCustomerInBranch(engine, "17850", "United Kingdom");
 */
export async function requireCustomerInBranch(
  engine: Engine,
  customerId: string,
  branch: string | null | undefined,
  mustExist = false,
): Promise<void> {
  if (branch === undefined && !mustExist) return;
  const [customer] = await engine.facts.all(
    sql(`SELECT branch FROM customers WHERE id = ${engine.dialect.param(1)}`, [customerId]),
  );
  if (customer === undefined) throw new AppError("not_found", `no customer ${customerId}`);
  if (branch !== undefined && (branch === null || customer.branch !== branch))
    throw new AppError("forbidden", "this customer is outside your branch");
}
