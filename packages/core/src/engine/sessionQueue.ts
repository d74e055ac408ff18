/** Runs one piece of work at a time, in the order they were handed in. */
export type SessionQueue = <R>(work: () => Promise<R>) => Promise<R>;

/**
 * A queue of sessions for an engine with one connection: each `work` starts when the previous one
 * has settled, so two use cases never interleave their statements (and their temporary tables).
 * A failed work does not stop the queue.
 *
 * @example
 * const queue = sessionQueue();
 * const [a, b] = await Promise.all([queue(() => reportA()), queue(() => reportB())]); // one after the other
 */
export function sessionQueue(): SessionQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(work: () => Promise<R>): Promise<R> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
