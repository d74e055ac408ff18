/** A stored target: a metric to move from a baseline to a goal by a deadline. */
export interface Target {
  readonly id: string;
  readonly name: string | null;
  readonly metric: string;
  /** "all", "<dimension>=<value>" (e.g. "branch=Tehran") or "segment:<name or rule>". */
  readonly scope: string;
  readonly baseline: number | null;
  readonly goal: number;
  /** Epoch day the plan starts. */
  readonly startDay: number;
  /** Epoch day of the deadline. */
  readonly deadlineDay: number;
}

/** One observed period against the straight-line plan. */
export interface ProgressRow {
  readonly period: string;
  /** Epoch day the period ends (exclusive): the point the plan is read at. */
  readonly endDay: number;
  readonly actual: number | null;
  readonly planned: number;
  /** Actual − planned, signed so that positive is ahead of plan. */
  readonly ahead: number | null;
  readonly onTrack: boolean | null;
}

/** How to forecast the value at the deadline: the linear trend of the observed periods, or the latest value held. */
export type ForecastMethod = "trend" | "hold";

/** Progress and forecast of one target. */
export interface TargetProgress {
  readonly baseline: number;
  readonly goal: number;
  readonly rows: readonly ProgressRow[];
  readonly forecastMethod: ForecastMethod;
  /** The forecast value at the deadline; null with no observed value. */
  readonly forecast: number | null;
  /** Whether the forecast reaches the goal (in the goal's direction). */
  readonly willMeet: boolean | null;
  readonly notes: readonly string[];
}

/**
 * Compares observed periods with the straight line from `baseline` at the start day to `goal` at
 * the deadline (read at each period's end), and forecasts the value at the deadline: "trend" fits a
 * least-squares line through the observed values (by period end day; needs 2 points, else holds),
 * "hold" keeps the latest value. "Meeting" means reaching the goal in the direction it lies from the
 * baseline (a defection-rate goal below the baseline is met by going down).
 *
 * @example
 * targetProgress({ …, baseline: 0.3, goal: 0.2, startDay: 0, deadlineDay: 100 }, [{ period: "P1", endDay: 50, value: 0.26 }], "trend");
 * // rows[0]: planned 0.25, ahead -0.01, onTrack false
 */
export function targetProgress(
  target: Target,
  baseline: number,
  observed: readonly { period: string; endDay: number; value: number | null }[],
  method: ForecastMethod = "trend",
): TargetProgress {
  const span = Math.max(1, target.deadlineDay - target.startDay);
  const up = target.goal >= baseline;
  const sign = up ? 1 : -1;
  const planAt = (day: number) =>
    baseline + ((target.goal - baseline) * Math.min(span, Math.max(0, day - target.startDay))) / span;
  const rows = observed.map((o): ProgressRow => {
    const planned = planAt(o.endDay);
    const ahead = o.value === null ? null : sign * (o.value - planned);
    return {
      period: o.period,
      endDay: o.endDay,
      actual: o.value,
      planned,
      ahead,
      onTrack: ahead === null ? null : ahead >= -1e-12,
    };
  });
  const points = observed.filter(
    (o): o is { period: string; endDay: number; value: number } => o.value !== null,
  );
  const notes: string[] = [];
  let forecast: number | null = null;
  let used: ForecastMethod = method;
  if (points.length === 0) notes.push("no observed period yet: no forecast");
  else if (method === "hold" || points.length < 2) {
    if (method === "trend") notes.push("one observed period: the forecast holds the latest value");
    used = "hold";
    forecast = (points.at(-1) as { value: number }).value;
  } else {
    const n = points.length;
    const mx = points.reduce((s, p) => s + p.endDay, 0) / n;
    const my = points.reduce((s, p) => s + p.value, 0) / n;
    const sxx = points.reduce((s, p) => s + (p.endDay - mx) ** 2, 0);
    const slope = sxx === 0 ? 0 : points.reduce((s, p) => s + (p.endDay - mx) * (p.value - my), 0) / sxx;
    forecast = my + slope * (target.deadlineDay - mx);
  }
  const willMeet = forecast === null ? null : sign * (forecast - target.goal) >= -1e-12;
  return { baseline, goal: target.goal, rows, forecastMethod: used, forecast, willMeet, notes };
}
