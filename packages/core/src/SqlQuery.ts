/** A value that may be bound to a SQL parameter. */
export type SqlValue = string | number | bigint | boolean | null | Date;

/**
 * A statement and its positional parameters (`$1`, `$2`, …). Core code never splices a user value
 * into SQL text: it returns a `SqlQuery` and the engine adapter binds `params`.
 *
 * @example
 * const q: SqlQuery = { sql: "SELECT count(*) FROM transactions WHERE customer_id = $1", params: ["17850"] };
 */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Builds a `SqlQuery` with no parameters. */
export function sql(text: string, params: readonly SqlValue[] = []): SqlQuery {
  return { sql: text, params };
}
