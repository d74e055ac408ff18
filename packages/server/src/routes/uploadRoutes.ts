import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { IngestError, kinds } from "@vafa/core";
import { z } from "zod";
import { audit } from "../audit.ts";
import { signedIn } from "../auth/Principal.ts";
import { HttpError } from "../http/HttpError.ts";
import { BodyTooLarge } from "../http/limitedBody.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { jobFailureOf } from "../jobs/jobFailureOf.ts";

/** A safe file name for the temp copy: the client's base name (its extension tells the format). */
function uploadName(header: string | undefined): string {
  const name = basename(header ?? "upload.csv").replace(/[^\w.-]/g, "_");
  return name === "" || name.startsWith(".") ? `upload${name}` : name;
}

/** Uploads (a background load into the engine, `engine.ingest`) and job status. */
export function uploadRoutes(): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/uploads",
      summary: "Upload a file (raw bytes; header X-Filename) and load it in the background",
      tag: "data",
      access: "upload",
      feature: "ingest",
      rawBody: ["text/csv", "application/octet-stream"],
      query: z.object({
        kind: z.enum(kinds),
        preset: z.string().optional(),
        skip_bad_rows: z
          .enum(["true", "false", "1", "0"])
          .transform((v) => v === "true" || v === "1")
          .optional(),
      }),
      returns: "{ jobId }",
      handle: async ({ app, query, principal, c }) => {
        const { user } = signedIn(principal);
        if (app.readOnly) throw new HttpError(409, "the facts file is open read-only in this mode");
        const length = Number(c.req.header("content-length") ?? "0");
        if (length > app.config.maxUploadBytes) throw new HttpError(413, "the upload is too large");
        const body = c.req.raw.body;
        if (body === null) throw new HttpError(400, "the upload is empty");
        const dir = await mkdtemp(join(app.config.uploadDir, "vafa-upload-"));
        const file = join(dir, uploadName(c.req.header("x-filename")));
        // Save the whole upload before answering, so the job never reads a half-received file. The
        // body is counted as it streams (createApp): past the limit it errors, and nothing is left.
        try {
          await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(file));
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          if (error instanceof BodyTooLarge) throw new HttpError(413, error.message);
          throw new HttpError(400, "the upload was interrupted");
        }
        await audit(app, user, "upload", query.kind, { file: basename(file), preset: query.preset ?? null });
        const jobId = await app.jobs.start(query.kind, user.id, async (progress) => {
          try {
            return await app.engine.ingest({
              kind: query.kind,
              files: [file],
              ...(query.preset !== undefined ? { preset: query.preset } : {}),
              ...(query.skip_bad_rows !== undefined ? { skipBadRows: query.skip_bad_rows } : {}),
              onProgress: (fraction) => progress(fraction * 0.99),
            });
          } catch (error) {
            if (error instanceof IngestError) throw jobFailureOf(error, basename(file));
            throw error;
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        });
        return { jobId };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/jobs/:id",
      summary: "A background job's state, progress and outcome",
      tag: "data",
      access: "read",
      feature: null,
      params: z.object({ id: z.string().min(1) }),
      returns: "{ id, kind, state, progress, result?, error?, problems? }",
      handle: async ({ app, params, principal }) => {
        const { user } = signedIn(principal);
        const job = await app.jobs.get(params.id);
        // Another user's job is not there at all for the caller (admins see every job).
        if (job === null || (user.role !== "admin" && job.createdBy !== user.id))
          throw new HttpError(404, `no job ${params.id}`);
        return {
          id: job.id,
          kind: job.kind,
          state: job.state,
          progress: job.progress,
          ...(job.result !== null ? { result: job.result } : {}),
          ...(job.error !== null ? { error: job.error } : {}),
          ...(job.problems !== null ? { problems: job.problems } : {}),
        };
      },
    }),
  ];
}
