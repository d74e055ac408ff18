import { AppError, type Engine, sql } from "@vafa/core";

/**
 * Refuses a customer outside the caller's branch: an agent sees only its branch's customers (and an
 * agent without a branch none). `branch` undefined means the caller sees every customer, and nothing
 * is read.
 *
 * @throws AppError `not_found` for an unknown customer, `forbidden` for one outside the branch.
 * @example
 * await requireCustomerInBranch(engine, "17850", "United Kingdom");
 */
export async function requireCustomerInBranch(
  engine: Engine,
  customerId: string,
  branch: string | null | undefined,
): Promise<void> {
  if (branch === undefined) return;
  const [customer] = await engine.facts.all(
    sql(`SELECT branch FROM customers WHERE id = ${engine.dialect.param(1)}`, [customerId]),
  );
  if (customer === undefined) throw new AppError("not_found", `no customer ${customerId}`);
  if (branch === null || customer.branch !== branch)
    throw new AppError("forbidden", "this customer is outside your branch");
}
