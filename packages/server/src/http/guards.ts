import type { AppContext } from "../AppContext.ts";
import { HttpError } from "./HttpError.ts";

/**
 * Refuses a write when the facts file is open read-only (the PostgreSQL state mode): 409.
 *
 * @example
 * requireWritable(app);
 */
export function requireWritable(app: AppContext): void {
  if (app.readOnly) throw new HttpError(409, "the facts file is open read-only in this mode");
}
