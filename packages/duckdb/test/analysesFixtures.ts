import { type SqlClient, sql } from "@vafa/core";

/** A transaction line for a test; unset columns are NULL. */
export interface TestLine {
  readonly customer: string | null;
  readonly at: string;
  readonly amount: number;
  readonly cost?: number;
  readonly category?: string;
  readonly branch?: string;
  readonly country?: string;
}

/** A customer row for a test; unset columns are NULL. */
export interface TestCustomer {
  readonly id: string;
  readonly segment?: string;
  readonly acquisition_cost?: number;
  readonly category_budget?: number;
}

/** A survey answer for a test. */
export interface TestAnswer {
  readonly customer: string;
  readonly at: string;
  readonly survey: string;
  readonly score: number;
}

/** Inserts rows straight into the canonical tables, every value as a bound parameter. */
export async function insertRows(
  client: SqlClient,
  data: {
    readonly lines?: readonly TestLine[];
    readonly customers?: readonly TestCustomer[];
    readonly answers?: readonly TestAnswer[];
  },
): Promise<void> {
  for (const [i, l] of (data.lines ?? []).entries()) {
    await client.run(
      sql(
        `INSERT INTO transactions (id, customer_id, occurred_at, amount, cost, category, branch, country)
         VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7, $8)`,
        [
          `t${i}`,
          l.customer,
          l.at,
          l.amount,
          l.cost ?? null,
          l.category ?? null,
          l.branch ?? null,
          l.country ?? null,
        ],
      ),
    );
  }
  for (const c of data.customers ?? []) {
    await client.run(
      sql("INSERT INTO customers (id, segment, acquisition_cost, category_budget) VALUES ($1, $2, $3, $4)", [
        c.id,
        c.segment ?? null,
        c.acquisition_cost ?? null,
        c.category_budget ?? null,
      ]),
    );
  }
  for (const [i, a] of (data.answers ?? []).entries()) {
    await client.run(
      sql(
        "INSERT INTO survey_responses (id, customer_id, occurred_at, survey, score) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5)",
        [`s${i}`, a.customer, a.at, a.survey, a.score],
      ),
    );
  }
}
