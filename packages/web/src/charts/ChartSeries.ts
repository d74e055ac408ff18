/** One line or bar series of a chart: the data key, its legend name and colour. */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /** Bars with the same stack id are stacked. */
  readonly stack?: string;
}

/** One point of a chart: the x label plus a value per series key. */
export type ChartPoint = Readonly<Record<string, string | number | null>>;

/** How the y values are shown. */
export type ValueKind = "percent" | "number" | "money";
