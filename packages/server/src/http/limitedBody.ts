/** Thrown (as the stream's error) when a streamed body passes its byte limit. */
export class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";

  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

/**
 * Wraps a request body so that it counts bytes as they stream through and fails with `BodyTooLarge`
 * the moment the count passes `limit` — whatever `Content-Length` said, chunked bodies included — and
 * stops reading the client's bytes then. Whoever consumes it (an upload written to disk) sees the
 * error and cleans up.
 *
 * @example
 * const body = limitedBody(c.req.raw.body, 2 * 1024 ** 3);
 * await pipeline(Readable.fromWeb(body), createWriteStream(file)); // rejects with BodyTooLarge
 */
export function limitedBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > limit) {
        controller.error(new BodyTooLarge(limit));
        await reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(value);
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {});
    },
  });
}
