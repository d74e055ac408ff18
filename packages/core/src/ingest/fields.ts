/** The kinds of file `vafa ingest` loads, each into its canonical table. */
export const kinds = ["customers", "transactions", "activity", "complaints", "surveys"] as const;
export type Kind = (typeof kinds)[number];

/**
 * How a field's text is read. `id` is text with `17850.0`-style float ids read as `17850`; `status`
 * is a customer's status in a snapshot export (`Churned`, `Stayed`, `Yes`/`No`, …; see
 * `statusWords`), read as `defected`, `active`, `at_risk` or `reactivated`.
 */
export type FieldType = "id" | "text" | "number" | "timestamp" | "status";

/** One canonical field: its column in the table, type, whether a row needs it, and common aliases. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly aliases: readonly string[];
}

function f(name: string, type: FieldType, aliases: readonly string[] = [], required = false): FieldSpec {
  return { name, type, required, aliases };
}

/** The table each kind loads into. */
export const kindTable: Readonly<Record<Kind, string>> = {
  customers: "customers",
  transactions: "transactions",
  activity: "activity",
  complaints: "complaints",
  surveys: "survey_responses",
};

/**
 * The canonical fields of each kind (DESIGN.md §5). `id` is the record key: where a file has no id
 * column, the loader keys each row on a hash of its content and its occurrence number.
 *
 * @example
 * kindFields.transactions.find((x) => x.name === "amount")?.type; // "number"
 */
export const kindFields: Readonly<Record<Kind, readonly FieldSpec[]>> = {
  customers: [
    f("id", "id", ["customer_id", "customerid", "customer", "client_id"], true),
    f("created_at", "timestamp", ["signup_date", "created", "acquired_at", "acquisition_date"]),
    f("segment", "text"),
    f("region", "text"),
    f("country", "text"),
    f("branch", "text", ["store"]),
    f("owner", "text", ["account_manager", "manager", "employee"]),
    f("channel", "text", ["acquisition_channel"]),
    f("acquisition_cost", "number", ["cac"]),
    f("category_budget", "number", ["budget", "wallet"]),
    f("tags", "text", ["roles"]),
    // A snapshot export's status, defection date and exit reason with its category (two levels).
    f("status", "status", ["customer_status", "churn", "churn_label", "churned", "churn_status"]),
    f("defected_at", "timestamp", ["churn_date", "churned_at", "defection_date", "left_at"]),
    f("exit_reason", "text", ["churn_reason", "reason", "exit_reason_code"]),
    f("reason_category", "text", ["churn_category", "exit_category", "reason_group"]),
  ],
  transactions: [
    f("id", "id", ["transaction_id", "txn_id", "line_id"]),
    f("customer_id", "id", ["customerid", "customer", "client_id"]),
    f(
      "occurred_at",
      "timestamp",
      ["date", "timestamp", "time", "invoice_date", "invoicedate", "order_date"],
      true,
    ),
    f("amount", "number", ["value", "sales", "revenue", "total", "dollar_value"]),
    f("cost", "number", ["cogs"]),
    f("quantity", "number", ["qty", "units", "number_of_cds"]),
    f("unit_price", "number", ["unitprice", "price"]),
    f("product", "text", ["sku", "product_id", "stockcode", "stock_code", "item"]),
    f("description", "text"),
    f("category", "text", ["product_category"]),
    f("channel", "text"),
    f("branch", "text", ["store"]),
    f("employee", "text", ["staff", "seller"]),
    f("country", "text"),
    f("discount", "number"),
    f("payment_status", "text", ["payment"]),
    f("order_id", "id", ["order", "invoice", "invoiceno", "invoice_no", "basket_id", "basket"]),
  ],
  activity: [
    f("id", "id", ["activity_id", "event_id"]),
    f("customer_id", "id", ["customerid", "customer"], true),
    f("occurred_at", "timestamp", ["date", "timestamp", "time"], true),
    f("type", "text", ["event", "event_type", "activity"], true),
  ],
  complaints: [
    f("id", "id", ["complaint_id", "ticket_id"]),
    f("customer_id", "id", ["customerid", "customer"], true),
    f("occurred_at", "timestamp", ["date", "timestamp", "opened_at", "created_at"], true),
    f("channel", "text"),
    f("category", "text", ["issue", "type"]),
    f("severity", "text", ["priority"]),
    f("employee", "text", ["staff"]),
    f("branch", "text"),
    f("status", "text", ["state"]),
    f("resolved_at", "timestamp", ["closed_at"]),
    f("text", "text", ["description", "comment"]),
  ],
  surveys: [
    f("id", "id", ["response_id"]),
    f("customer_id", "id", ["customerid", "customer"], true),
    f("occurred_at", "timestamp", ["date", "timestamp", "answered_at"], true),
    f("survey", "text", ["survey_type", "kind"], true),
    f("question", "text"),
    f("score", "number", ["rating", "answer"]),
    f("reason", "text", ["reason_code", "exit_reason", "churn_reason"]),
    // The reason's category (two levels: "Competitor had better devices" in "Competitor").
    f("reason_category", "text", ["category", "churn_category", "exit_category", "reason_group"]),
    f("text", "text", ["comment", "free_text"]),
  ],
};

/** Narrows a user-supplied string to a `Kind`, with an error naming the allowed values. */
export function parseKind(value: string): Kind {
  const k = kinds.find((x) => x === value);
  if (!k) throw new Error(`unknown kind '${value}': expected one of ${kinds.join(", ")}`);
  return k;
}
