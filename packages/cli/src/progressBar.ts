/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal so that pipes and CI logs
 * get nothing but the result.
 *
 * @example
 * const bar = progressBar("loading");
 * bar?.(0.5); // [##########          ]  50% loading
 */
export function progressBar(label: string): ((fraction: number, detail?: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (fraction, detail) => {
    const pct = Math.round(fraction * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const done = Math.round((pct / 100) * width);
    process.stderr.write(
      `\r[${"#".repeat(done)}${" ".repeat(width - done)}] ${String(pct).padStart(3)}% ${label} ${detail ?? ""}`,
    );
    if (pct >= 100) process.stderr.write("\n");
  };
}
