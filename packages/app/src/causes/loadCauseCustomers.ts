import {
  type CauseCustomer,
  CausesError,
  driverQueries,
  duckdbDialect,
  type Engine,
  fromEpochDay,
  sql,
  toCauseCustomers,
  toEpochDay,
} from "@vafa/core";

/** Options shared by `defectionDrivers` and `defectionProfiles`. */
export interface CauseWindowOptions {
  /** "YYYY-MM-DD": drivers are read up to this day; default the last transaction day − window. */
  readonly asOf?: string;
  /** Days after as-of in which no purchase means defected; default 90. */
  readonly windowDays?: number;
  /** Customers with a purchase in this many days up to as-of are judged; default 365. */
  readonly lookbackDays?: number;
  /** "window" (default): no purchase in the window; "status": `customer_status` says defected. */
  readonly outcome?: "window" | "status";
}

/** The customers of a cause analysis and the window actually used. */
export interface LoadedCauseCustomers {
  readonly customers: CauseCustomer[];
  readonly asOf: string;
  readonly windowDays: number;
  readonly windowEnd: string;
  readonly notes: string[];
}

/**
 * Reads every customer with a purchase in the lookback as of a day, with its complaints, survey
 * scores (from the operational store), value and outcome (see `driverQueries`, `toCauseCustomers`).
 *
 * @throws CausesError when there are no transactions, or the window runs past the last one.
 * @example
 * const { customers } = await loadCauseCustomers(engine, { asOf: "2011-09-01", windowDays: 90 });
 */
export async function loadCauseCustomers(
  engine: Pick<Engine, "facts" | "dialect" | "state">,
  options: CauseWindowOptions = {},
): Promise<LoadedCauseCustomers> {
  const windowDays = options.windowDays ?? 90;
  const lookbackDays = options.lookbackDays ?? 365;
  const outcome = options.outcome ?? "window";
  const [last] = await engine.facts.all(
    sql(`SELECT max(${engine.dialect.epochDay("occurred_at", null)}) AS d FROM transactions`),
  );
  if (last?.d === null || last?.d === undefined) throw new CausesError("no transactions: ingest some first");
  const lastDay = Number(last.d);
  const asOfDay = options.asOf === undefined ? lastDay - windowDays : toEpochDay(options.asOf);
  const notes: string[] = [];
  if (outcome === "window" && asOfDay + windowDays > lastDay) {
    throw new CausesError(
      `the outcome window ${fromEpochDay(asOfDay)} + ${windowDays} days runs past the last transaction (${fromEpochDay(lastDay)}): use an earlier --as-of`,
    );
  }
  const window = { asOfDay, windowDays, lookbackDays };
  // Purchases are facts (the analytic store); complaints and survey answers are the operational store's.
  const facts = driverQueries(engine.dialect, window);
  const state = driverQueries(duckdbDialect, window);
  const customers = toCauseCustomers(
    {
      customers: await engine.facts.all(facts.customers),
      complaints: await engine.state.all(state.complaints),
      surveys: await engine.state.all(state.surveys),
    },
    { asOfDay, outcome },
  );
  if (outcome === "status") notes.push("outcome: the defection status of `vafa defection run`");
  return {
    customers,
    asOf: fromEpochDay(asOfDay),
    windowDays,
    windowEnd: fromEpochDay(asOfDay + windowDays),
    notes,
  };
}
