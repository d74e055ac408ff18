import { customerSummaryQuery, type Engine, fromEpochDay } from "@vafa/core";
import { fitPurchaseModel } from "../clv/fitPurchaseModel.ts";
import { purchaseModel } from "../clv/purchaseModel.ts";
import { probabilityOfPurchase } from "./probabilityOfPurchase.ts";

/** The purchase models whose P(purchase) has the closed form of `probabilityOfPurchase`. */
export type AsOfModel = "bgnbd" | "mbgnbd";

/** The fit behind the model rules' figures, as a backtest or a run reports it. */
export interface ModelFitAsOf {
  readonly model: AsOfModel;
  /** Last day (`YYYY-MM-DD`) of the history the model saw: the as-of day, never later. */
  readonly calibrationEnd: string;
  readonly unit: "day";
  readonly params: Record<string, number>;
  /** Customers with a purchase up to the calibration end (those the model scores). */
  readonly customers: number;
  /** Days ahead of P(purchase), or null when only P(alive) was asked for. */
  readonly horizonDays: number | null;
}

/** Per-customer model figures as of a day, with the fit they come from. */
export interface ModelAsOf {
  readonly fit: ModelFitAsOf;
  readonly pAlive: ReadonlyMap<string, number>;
  /** Empty when no horizon was asked for. */
  readonly pPurchase: ReadonlyMap<string, number>;
}

/** Options of `fitModelAsOf`. */
export interface ModelAsOfOptions {
  readonly asOfDay: number;
  /** Days ahead for P(purchase); null for P(alive) only. */
  readonly horizonDays: number | null;
  /** Default "bgnbd": it converges on Online Retail where the MBG/NBD fit does not (both find no dropout there). */
  readonly model?: AsOfModel;
  /**
   * Fewest customers to fit on; default 100. Four parameters fitted on a handful of customers give
   * arbitrary figures (a converged fit on three customers put a one-time buyer at P(alive) 1), so
   * below this the fit is refused — a floor against meaningless fits, not a guarantee of good ones.
   */
  readonly minCustomers?: number;
}

/**
 * Fits the purchase model on the history up to `asOfDay` only — the customer summary with
 * calibration end = as-of, in days, so a purchase after as-of changes nothing — and computes each
 * customer's P(alive) and P(at least one purchase in the next `horizonDays`) as of that day. The
 * defection backtest uses it so the model rule sees no later data; a run uses it for P(purchase),
 * which no stored score holds. The fit is `fitPurchaseModel`'s (on the distinct (x, t_x, T)
 * patterns, so every engine gives the same fit); one more summary query gives each customer's figures.
 *
 * @throws Error when fewer than `minCustomers` purchased up to as-of; FitError when the fit does not converge.
 * @example
 * const m = await fitModelAsOf(engine, { asOfDay: toEpochDay("2011-09-01"), horizonDays: 90 });
 * m.fit.calibrationEnd; // "2011-09-01"
 * m.pPurchase.get("17850"); // 0.83
 */
export async function fitModelAsOf(engine: Engine, options: ModelAsOfOptions): Promise<ModelAsOf> {
  const name = options.model ?? "bgnbd";
  const calibrationEnd = fromEpochDay(options.asOfDay);
  const rows = await engine.facts.all(customerSummaryQuery(engine.dialect, { calibrationEnd, unit: "day" }));
  const n = rows.length;
  const minCustomers = options.minCustomers ?? 100;
  if (n < minCustomers) {
    throw new Error(
      `${n} customers purchased up to ${calibrationEnd}, fewer than the ${minCustomers} a fit needs`,
    );
  }
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  rows.forEach((r, i) => {
    x[i] = Number(r.x);
    tx[i] = Number(r.t_x);
    T[i] = Number(r.T);
  });
  // The fit itself is the CLV fit on the compressed summary, so it is the same on every engine.
  const fit = await fitPurchaseModel(engine, { model: name, calibrationEnd, unit: "day" });
  const model = purchaseModel(name);
  const alive = model.probabilityAlive(fit.params, x, tx, T);
  const buys =
    options.horizonDays === null ? null : probabilityOfPurchase(fit.params, alive, x, T, options.horizonDays);
  const pAlive = new Map<string, number>();
  const pPurchase = new Map<string, number>();
  rows.forEach((r, i) => {
    const id = String(r.customer_id);
    pAlive.set(id, alive[i] as number);
    if (buys !== null) pPurchase.set(id, buys[i] as number);
  });
  return {
    fit: {
      model: name,
      calibrationEnd,
      unit: "day",
      params: fit.params,
      customers: n,
      horizonDays: options.horizonDays,
    },
    pAlive,
    pPurchase,
  };
}
