import type { CsvBytes } from "./CsvBytes.ts";
import { formatMoney } from "./formatMoney.ts";
import { formatTimestamp } from "./formatTimestamp.ts";
import type { CustomerTruth, SimulatedCustomer, SimulatedTransaction } from "./SimulatedHistory.ts";

/** Header of `customers.csv`; `vafa ingest` maps these names onto the canonical schema. */
export const customerCsvColumns = [
  "customer_id",
  "created_at",
  "segment",
  "region",
  "country",
  "branch",
  "owner",
  "channel",
  "acquisition_cost",
  "category_budget",
] as const;

/** Header of `transactions.csv`; `vafa ingest` maps these names onto the canonical schema. */
export const transactionCsvColumns = [
  "transaction_id",
  "customer_id",
  "occurred_at",
  "amount",
  "cost",
  "quantity",
  "product",
  "category",
  "channel",
  "branch",
  "employee",
  "discount",
  "order_id",
] as const;

/** Header of `truth.csv`, the planted per-customer truth. */
export const truthCsvColumns = ["customer_id", "lambda", "p", "nu", "dropout_at"] as const;

/**
 * One `customers.csv` line (with its newline), fields in `customerCsvColumns` order. No quoting is
 * needed: the simulator's values never contain commas, quotes or newlines.
 *
 * @example
 * customerCsvRow(history.customer); // "1,2022-01-01 10:12:45,retail,Europe,Germany,Berlin,E061,walk_in,4.37,\n"
 */
export function customerCsvRow(c: SimulatedCustomer): string {
  const budget = c.categoryBudget === null ? "" : formatMoney(c.categoryBudget);
  return `${c.id},${formatTimestamp(c.createdAt)},${c.segment},${c.region},${c.country},${c.branch},${c.owner},${c.channel},${formatMoney(c.acquisitionCost)},${budget}\n`;
}

/**
 * One `transactions.csv` line (with its newline), fields in `transactionCsvColumns` order. Money has at
 * most 2 decimals.
 *
 * @example
 * transactionCsvRow(row); // "1,1,2022-01-01 10:12:45,31.5,20.1,1,GRO-001,Groceries,store,Berlin,E061,0,1\n"
 */
export function transactionCsvRow(t: SimulatedTransaction): string {
  return `${t.id},${t.customerId},${formatTimestamp(t.occurredAt)},${formatMoney(t.amount)},${formatMoney(t.cost)},${t.quantity},${t.product},${t.category},${t.channel},${t.branch},${t.employee},${formatMoney(t.discount)},${t.orderId}\n`;
}

/**
 * One `truth.csv` line (with its newline): λ, p and ν at full precision, the dropout time formatted
 * like the other timestamps, or empty when the customer was still alive at the end.
 *
 * @example
 * truthCsvRow(history.truth); // "1,0.0213,0.31,0.162,2023-04-05 18:00:12\n"
 */
export function truthCsvRow(t: CustomerTruth): string {
  const dropout = t.dropoutAt === null ? "" : formatTimestamp(t.dropoutAt);
  return `${t.customerId},${t.lambda},${t.p},${t.nu},${dropout}\n`;
}

/**
 * Encodes one `customers.csv` line into `out`, byte-identical to `customerCsvRow` but without
 * building strings (the fast path for large files).
 *
 * @example
 * encodeCustomerRow(out, history.customer);
 */
export function encodeCustomerRow(out: CsvBytes, c: SimulatedCustomer): void {
  out.int(c.id);
  out.comma();
  out.timestamp(c.createdAt);
  out.comma();
  out.text(c.segment);
  out.comma();
  out.text(c.region);
  out.comma();
  out.text(c.country);
  out.comma();
  out.text(c.branch);
  out.comma();
  out.text(c.owner);
  out.comma();
  out.text(c.channel);
  out.comma();
  out.money(c.acquisitionCost);
  out.comma();
  if (c.categoryBudget !== null) out.money(c.categoryBudget);
  out.newline();
}

/**
 * Encodes one `transactions.csv` line into `out`, byte-identical to `transactionCsvRow` but without
 * building strings (the fast path for large files).
 *
 * @example
 * for (const row of history.transactions) encodeTransactionRow(out, row);
 */
export function encodeTransactionRow(out: CsvBytes, t: SimulatedTransaction): void {
  out.int(t.id);
  out.comma();
  out.int(t.customerId);
  out.comma();
  out.timestamp(t.occurredAt);
  out.comma();
  out.money(t.amount);
  out.comma();
  out.money(t.cost);
  out.comma();
  out.int(t.quantity);
  out.comma();
  out.text(t.product);
  out.comma();
  out.text(t.category);
  out.comma();
  out.text(t.channel);
  out.comma();
  out.text(t.branch);
  out.comma();
  out.text(t.employee);
  out.comma();
  out.money(t.discount);
  out.comma();
  out.int(t.orderId);
  out.newline();
}
