import { AppError } from "@vafa/core";
import { fitBgBb, fitGammaGamma, fitSbg } from "@vafa/models";
import { type ClvFit, toClvFit } from "./ClvFit.ts";
import type { ClvModel } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { readSummaryFile } from "./readSummaryFile.ts";

type Columns = Record<string, Float64Array>;

/** Options of {@link fitFromSummaryFile}. */
export interface FitFromSummaryFileOptions {
  readonly model: ClvModel;
  /** sBG: the survivor column of the survival table (e.g. `highend_alive`). */
  readonly column?: string;
  /** sBG: fit periods 1..N after the cohort at period 0 (default: every row). */
  readonly periods?: number;
  /** L2 penalty as in lifetimes (default 0). */
  readonly penalizer?: number;
}

/** The first of `names` present among the columns (case-insensitive), or undefined. */
function findColumn(columns: Columns, names: readonly string[]): string | undefined {
  const keys = Object.keys(columns);
  for (const name of names) {
    const exact = keys.find((k) => k === name);
    if (exact !== undefined) return exact;
    const loose = keys.find((k) => k.toLowerCase() === name.toLowerCase());
    if (loose !== undefined) return loose;
  }
  return undefined;
}

function requireColumn(columns: Columns, names: readonly string[], path: string): Float64Array {
  const name = findColumn(columns, names);
  const column = name === undefined ? undefined : columns[name];
  if (column === undefined)
    throw new AppError("bad_input", `${path} has no column ${names.map((n) => `'${n}'`).join(" or ")}`);
  return column;
}

function optionalColumn(columns: Columns, names: readonly string[]): Float64Array | undefined {
  const name = findColumn(columns, names);
  return name === undefined ? undefined : columns[name];
}

/** Keeps the rows where `keep` holds, in every column. */
function filterRows(keep: (i: number) => boolean, ...columns: Float64Array[]): Float64Array[] {
  const index: number[] = [];
  const len = columns[0]?.length ?? 0;
  for (let i = 0; i < len; i++) if (keep(i)) index.push(i);
  return columns.map((c) => Float64Array.from(index, (i) => c[i] as number));
}

/**
 * Fits a model on a published summary file (CSV or TSV, gzipped or not; see readSummaryFile). Column names follow lifetimes — `frequency, recency, T` (and `monetary_value`)
 * — or the papers — `x, t_x, T, zbar`; an optional `weights`/`count` column gives customers per row.
 * BG/BB reads `frequency, recency, periods, weights`; sBG reads the survivor column `column` of a
 * survival table, periods 0..`periods` (period 0 is the cohort size).
 *
 * @example
 * await fitFromSummaryFile("cdnow_customers_summary.csv", { model: "bgnbd" }); // r ≈ 0.243, LL ≈ −9582.43
 * await fitFromSummaryFile("survival.csv", { model: "sbg", column: "highend_alive", periods: 7 }); // α ≈ 0.668
 */
export async function fitFromSummaryFile(path: string, options: FitFromSummaryFileOptions): Promise<ClvFit> {
  const columns = await readSummaryFile(path);
  const fitOptions = options.penalizer === undefined ? {} : { penalizer: options.penalizer };
  const count = optionalColumn(columns, ["weights", "count", "n"]);
  const { model } = options;
  switch (model) {
    case "bgnbd":
    case "mbgnbd":
    case "pareto-nbd": {
      const x = requireColumn(columns, ["frequency", "x"], path);
      const tx = requireColumn(columns, ["recency", "t_x"], path);
      const T = requireColumn(columns, ["T"], path);
      return purchaseModel(model).fit(count === undefined ? { x, tx, T } : { x, tx, T, count }, fitOptions);
    }
    case "gamma-gamma": {
      const x0 = requireColumn(columns, ["frequency", "x"], path);
      const m0 = requireColumn(columns, ["monetary_value", "zbar", "monetary", "m"], path);
      const c0 = count ?? new Float64Array(x0.length).fill(1);
      // The model describes the mean spend of repeat purchases: customers without any have none.
      const [x, m, c] = filterRows((i) => (x0[i] as number) > 0 && (m0[i] as number) > 0, x0, m0, c0);
      if (x === undefined || m === undefined || c === undefined || x.length === 0) {
        throw new AppError("bad_input", `${path} has no customer with a repeat purchase and positive spend`);
      }
      return toClvFit("gamma-gamma", fitGammaGamma({ x, m, count: c }, fitOptions));
    }
    case "bgbb": {
      const x = requireColumn(columns, ["frequency", "x"], path);
      const tx = requireColumn(columns, ["recency", "t_x"], path);
      const n = requireColumn(columns, ["periods", "n"], path);
      const weights = optionalColumn(columns, ["weights", "count"]);
      return toClvFit(
        "bgbb",
        fitBgBb(weights === undefined ? { x, tx, n } : { x, tx, n, count: weights }, fitOptions),
      );
    }
    case "sbg": {
      if (options.column === undefined)
        throw new AppError("bad_input", "sbg needs --column: the survivor column to fit");
      const survivors = requireColumn(columns, [options.column], path);
      const periods = options.periods ?? survivors.length - 1;
      if (!Number.isInteger(periods) || periods < 1 || periods >= survivors.length) {
        throw new AppError(
          "bad_input",
          `--periods must be a whole number from 1 to ${survivors.length - 1}, got ${periods}`,
        );
      }
      return toClvFit("sbg", fitSbg(survivors.subarray(0, periods + 1), fitOptions));
    }
  }
}
