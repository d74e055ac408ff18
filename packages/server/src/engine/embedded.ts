import { AppError } from "@vafa/core";
import { DuckDBClient } from "@vafa/duckdb";
import type { AppContext } from "../AppContext.ts";

/**
 * Runs a use case that still reads DuckDB's connection directly (until it moves to `@vafa/app`) in
 * one engine session. Its route's feature is one only the DuckDB engine lists, so elsewhere the
 * route is refused before it gets here; this refuses too rather than reading another store.
 *
 * @throws AppError `not_supported` on an engine without a DuckDB connection.
 * @example
 * const check = await embedded(app, (client) => checkModels(client, options));
 */
export function embedded<R>(app: AppContext, work: (client: DuckDBClient) => Promise<R>): Promise<R> {
  return app.engine.session((session) => {
    const client = "client" in session ? session.client : undefined;
    if (!(client instanceof DuckDBClient))
      throw new AppError("not_supported", `this is not available on ${session.name} yet`);
    return work(client);
  });
}
