/**
 * A model task stopped before it finished: `cancelled` when its caller went away (a client that
 * disconnected, Ctrl-C), `budget` when it ran past its time budget. The worker was terminated.
 *
 * @example
 * if (error instanceof ModelWorkStopped && error.reason === "budget") answer503();
 */
export class ModelWorkStopped extends Error {
  override readonly name = "ModelWorkStopped";

  constructor(
    readonly reason: "cancelled" | "budget",
    message: string,
  ) {
    super(message);
  }
}
