import {
  type ClassificationScores,
  classificationScores,
  type DefectionRules,
  defaultDefectionRules,
  type Engine,
  evaluateDefection,
  fromEpochDay,
  sql,
  toEpochDay,
} from "@vafa/core";
import type { ModelFitAsOf } from "./fitModelAsOf.ts";
import { loadFeatures } from "./loadFeatures.ts";
import { median } from "./median.ts";

/** Options of `defectionBacktest`. */
export interface BacktestOptions {
  readonly rules?: DefectionRules;
  /** "YYYY-MM-DD": the rules see only data up to this day. */
  readonly asOf: string;
  /** Days after as-of in which a customer who makes no purchase "really defected". */
  readonly windowDays: number;
  /** Customers judged: those with a purchase in this many days up to as-of; default 365. */
  readonly lookbackDays?: number;
  /** The naive comparison rule: silent for more than this many days; default 90. */
  readonly naiveDays?: number;
}

/** A flagging rule's backtest scores. */
export interface BacktestScores extends ClassificationScores {
  /**
   * Median lead time over true positives, in days: from the day the rule first fired (for silence,
   * the day the threshold was crossed; for the drop rules, the as-of day) to as-of + window, the day
   * the defection is confirmed. Larger is earlier warning.
   */
  readonly medianLeadDays: number | null;
}

/** What `defectionBacktest` reports. */
export interface BacktestReport {
  readonly asOf: string;
  readonly windowDays: number;
  readonly windowEnd: string;
  /** Customers judged, and how many of them made no purchase in (as-of, as-of + window]. */
  readonly customers: number;
  readonly actualDefectors: number;
  /** The rules, flagging at risk or defected. */
  readonly rules: BacktestScores;
  /** The rules, flagging defected only. */
  readonly rulesDefectedOnly: BacktestScores;
  readonly naive: BacktestScores & { readonly silentDays: number };
  /** True when the rules' precision AND recall are both higher than the naive rule's (so is F1). */
  readonly beatsNaive: boolean;
  /**
   * The purchase model behind the model rules, fitted on the history up to as-of only
   * (`calibrationEnd` = as-of); null when the rules have no model rule or it could not be fitted.
   */
  readonly model: ModelFitAsOf | null;
  readonly notes: readonly string[];
}

function scored(
  flags: readonly { flagged: boolean; firedDay: number | null; defected: boolean }[],
  actual: number,
  end: number,
): BacktestScores {
  const hits = flags.filter((f) => f.flagged && f.defected);
  return {
    ...classificationScores(flags.filter((f) => f.flagged).length, hits.length, actual),
    medianLeadDays: median(hits.map((h) => end - (h.firedDay ?? end))),
  };
}

/**
 * Runs the rules on history only up to `asOf` and checks them against what happened next: a customer
 * (with a purchase in the lookback before as-of) really defected when it made no purchase in
 * (as-of, as-of + window]. Reports flagged, true positives, precision, recall, F1 and median lead
 * time for the rules and for a naive "silent for more than 90 days" rule, so a business can tune its
 * thresholds on its own history. Stored scores are not used (they were fitted on later data): a model
 * rule reads P(alive) or P(purchase) from the purchase model (BG/NBD, in days) fitted on the history
 * up to as-of only, so no purchase after as-of reaches the rules; the report names that fit. Where the
 * model cannot be fitted the model rule is left out with a note.
 *
 * @example
 * const r = await defectionBacktest(engine, { asOf: "2011-09-01", windowDays: 90 });
 * console.log(r.rules.precision, r.rules.recall, r.naive.f1);
 */
export async function defectionBacktest(engine: Engine, options: BacktestOptions): Promise<BacktestReport> {
  const asOfDay = toEpochDay(options.asOf);
  const window = Math.trunc(options.windowDays);
  const end = asOfDay + window;
  const naiveDays = options.naiveDays ?? 90;
  const loaded = await loadFeatures(engine, options.rules ?? defaultDefectionRules, {
    asOfDay,
    figures: "as-of",
    lookbackDays: options.lookbackDays ?? 365,
  });
  const { dialect, facts } = engine;
  const day = dialect.epochDay("occurred_at", null);
  const buyers = new Set(
    (
      await facts.all(
        sql(
          `SELECT DISTINCT customer_id FROM transactions WHERE customer_id IS NOT NULL AND amount > 0 AND ${day} > ${dialect.param(1)} AND ${day} <= ${dialect.param(2)}`,
          [asOfDay, end],
        ),
      )
    ).map((r) => String(r.customer_id)),
  );
  const [range] = await facts.all(sql(`SELECT max(${day}) AS last_day FROM transactions`));
  const notes = [...loaded.notes];
  if (Number(range?.last_day ?? 0) < end) {
    notes.push(
      `data ends ${fromEpochDay(Number(range?.last_day ?? 0))}, before as-of + window (${fromEpochDay(end)}): defection is overstated`,
    );
  }
  const rows = loaded.features.map((f) => {
    const e = evaluateDefection(f, loaded.rules, asOfDay);
    return { f, e, defected: !buyers.has(f.customerId) };
  });
  const actual = rows.filter((r) => r.defected).length;
  const rules = scored(
    rows.map((r) => ({ flagged: r.e.level !== "active", firedDay: r.e.firedDay, defected: r.defected })),
    actual,
    end,
  );
  const naive = scored(
    rows.map((r) => ({
      flagged: asOfDay - r.f.lastDay > naiveDays,
      firedDay: r.f.lastDay + naiveDays + 1,
      defected: r.defected,
    })),
    actual,
    end,
  );
  return {
    asOf: options.asOf,
    windowDays: window,
    windowEnd: fromEpochDay(end),
    customers: rows.length,
    actualDefectors: actual,
    rules,
    rulesDefectedOnly: scored(
      rows.map((r) => ({ flagged: r.e.level === "defected", firedDay: r.e.firedDay, defected: r.defected })),
      actual,
      end,
    ),
    naive: { ...naive, silentDays: naiveDays },
    beatsNaive: (rules.precision ?? 0) > (naive.precision ?? 0) && (rules.recall ?? 0) > (naive.recall ?? 0),
    model: loaded.model,
    notes,
  };
}
