import { AppError } from "../AppError.ts";

/** One bad value in an input file, located well enough to fix it. */
export interface RowProblem {
  readonly file: string;
  /** 1-based line in the file (record number for formats without lines). */
  readonly line: number;
  readonly field: string;
  readonly column: string;
  readonly value: string | null;
  readonly reason: string;
}

/**
 * A strict load found bad rows; nothing was written. `problems` lists the first of them, each naming
 * the file, line, column and value.
 */
export class IngestError extends AppError {
  override readonly name = "IngestError";

  constructor(
    readonly problems: readonly RowProblem[],
    readonly rejected: number,
  ) {
    const first = problems[0];
    super(
      "bad_input",
      first
        ? `${first.file}: line ${first.line}, column ${first.column} (${first.field}): ${first.reason}: ${JSON.stringify(first.value)}` +
            (rejected > 1
              ? ` (and ${rejected - 1} more bad rows; nothing was loaded)`
              : " (nothing was loaded)")
        : "bad input (nothing was loaded)",
      { rows_rejected: rejected, problems },
    );
  }
}
