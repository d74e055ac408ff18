/** One simulated customer as it goes into `customers` (DESIGN.md §5). Times are epoch milliseconds (UTC). */
export interface SimulatedCustomer {
  /** 1 … N in order of acquisition. */
  readonly id: number;
  /** Time of the first purchase, which is when the customer was acquired. */
  readonly createdAt: number;
  readonly segment: string;
  readonly region: string;
  readonly country: string;
  /** Home branch. */
  readonly branch: string;
  /** Account owner: an employee of the home branch. */
  readonly owner: string;
  /** Acquisition channel. */
  readonly channel: string;
  readonly acquisitionCost: number;
  /** Declared total yearly spend in the category (for share of wallet), or null when not declared. */
  readonly categoryBudget: number | null;
}

/**
 * One row of `transactions`: a sales line, or a return (negative amount, cost and quantity) of an
 * earlier line of the same product. Money is rounded to cents.
 */
export interface SimulatedTransaction {
  /** Unique over the whole data set, increasing in generation order. */
  readonly id: number;
  readonly customerId: number;
  /** Epoch milliseconds (UTC), whole seconds. */
  readonly occurredAt: number;
  /** Net amount paid (after discount); negative for a return. */
  readonly amount: number;
  readonly cost: number;
  readonly quantity: number;
  readonly product: string;
  readonly category: string;
  /** Sales channel: store, online, app or phone. */
  readonly channel: string;
  readonly branch: string;
  readonly employee: string;
  /** Money taken off the gross price (0 when not discounted). */
  readonly discount: number;
  /** The order (basket) the line belongs to; a return carries the order of the line it returns. */
  readonly orderId: number;
}

/** The planted truth for one customer, what a fitted model should recover. */
export interface CustomerTruth {
  readonly customerId: number;
  /** BG/NBD purchase rate while alive, per day. */
  readonly lambda: number;
  /** BG/NBD probability of dropping out after each repeat purchase. */
  readonly p: number;
  /** Gamma-Gamma rate of the customer's order values (mean order = p / ν). */
  readonly nu: number;
  /** Epoch milliseconds of the purchase after which the customer dropped out; null if alive at the end. */
  readonly dropoutAt: number | null;
  /** Number of repeat purchases (orders after the first) in the observation window. */
  readonly repeatPurchases: number;
}

/** Everything generated for one customer: the record, its rows sorted by time, and its truth. */
export interface SimulatedHistory {
  readonly customer: SimulatedCustomer;
  readonly transactions: readonly SimulatedTransaction[];
  readonly truth: CustomerTruth;
}
