import { type ModelTask, type ModelTaskResult, ModelWorkStopped, runModelWorker } from "@vafa/app";

/** Runs one model task in the worker, with the progress line and Ctrl-C of {@link withModelWorker}. */
export type RunModel = <T extends ModelTask>(task: T) => Promise<ModelTaskResult<T>>;

/**
 * Runs a command's model fits and checks in a worker thread, so the CLI stays responsive: on a
 * terminal (or with VAFA_PROGRESS=1; never with `--json`) one line on stderr says what is being fitted and for how long,
 * redrawn every 200 ms and cleared at the end; Ctrl-C terminates the worker at once and the command
 * ends with exit code 130 and "stopped", having recorded nothing of the interrupted fit.
 *
 * @example
 * const fit = await withModelWorker(json, (run) => run({ kind: "fit", inputs }));
 */
export async function withModelWorker<T>(json: boolean, work: (run: RunModel) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  const line = !json && (process.stderr.isTTY === true || process.env.VAFA_PROGRESS === "1");
  let stage = "reading the data";
  let step = "";
  const started = performance.now();
  const draw = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\r\x1b[2K${stage}${step} … ${seconds} s (Ctrl-C stops)`);
  };
  const ticker = line ? setInterval(draw, 200) : undefined;
  const run: RunModel = (task) =>
    runModelWorker(task, {
      signal: controller.signal,
      onProgress: (p) => {
        stage = p.stage;
        step = p.total > 1 ? ` (${p.done + 1} of ${p.total})` : "";
        if (line) draw();
      },
    });
  try {
    return await work(run);
  } catch (error) {
    if (error instanceof ModelWorkStopped && error.reason === "cancelled")
      throw new ModelWorkStopped("cancelled", "stopped (Ctrl-C): the interrupted fit was not recorded");
    throw error;
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    if (line) process.stderr.write("\r\x1b[2K");
    process.off("SIGINT", onSigint);
  }
}
