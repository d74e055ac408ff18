import type { IngestError } from "@vafa/core";
import { JobFailure } from "./JobRunner.ts";
import { clipValue, publicMessage } from "./publicMessage.ts";

/** Most bad rows a failed upload's job lists. */
const maxProblems = 20;

/**
 * A strict load's failure as its job shows it: the message and each bad row name the uploaded file
 * by its own name (not the server's temp path), the line, column and reason, and a value clipped to
 * 80 characters; at most 20 rows are listed.
 *
 * @example
 * throw jobFailureOf(error, "sales.csv");
 * // job.error: 'sales.csv: line 12, column amount (amount): not a number: "abc" (nothing was loaded)'
 */
export function jobFailureOf(error: IngestError, fileName: string): JobFailure {
  const problems = error.problems.slice(0, maxProblems).map((p) => ({
    file: fileName,
    line: p.line,
    field: p.field,
    column: publicMessage(p.column),
    value: clipValue(p.value),
    reason: publicMessage(p.reason),
  }));
  const first = problems[0];
  const more =
    error.rejected > 1
      ? ` (and ${error.rejected - 1} more bad rows; nothing was loaded)`
      : " (nothing was loaded)";
  const message = first
    ? `${fileName}: line ${first.line}, column ${first.column} (${first.field}): ${first.reason}: ${JSON.stringify(first.value)}${more}`
    : publicMessage(error.message);
  return new JobFailure(message, problems);
}
