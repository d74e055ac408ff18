import type { SqlQuery } from "../SqlQuery.ts";
import { SegmentError } from "./SegmentError.ts";

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Checks a saved segment's name: 1–64 letters, digits, `_`, `.` or `-`, starting with a letter or
 * digit, so it is easy to type on a command line and to show in reports.
 *
 * @throws SegmentError saying what is accepted.
 * @example
 * checkSegmentName("vip-uk"); // "vip-uk"
 */
export function checkSegmentName(name: string): string {
  if (!NAME.test(name)) {
    throw new SegmentError(
      `segment name "${name}" is not valid: use 1–64 letters, digits, "_", "." or "-", starting with a letter or digit`,
    );
  }
  return name;
}

/**
 * Saves (or replaces) a named segment. The rule is stored as written, after `parseRule` accepted it.
 *
 * @example
 * defineSegmentQuery("vip", "monetary > 5000", "top spenders");
 */
export function defineSegmentQuery(name: string, rule: string, description: string | null): SqlQuery {
  return {
    sql: `INSERT INTO segments (name, rule, description, created_at) VALUES ($1, $2, $3, current_timestamp)
      ON CONFLICT (name) DO UPDATE SET rule = excluded.rule, description = excluded.description, created_at = excluded.created_at`,
    params: [checkSegmentName(name), rule, description],
  };
}

/** All saved segments, by name: rows `{ name, rule, description, created_at }`. */
export function listSegmentsQuery(): SqlQuery {
  return { sql: "SELECT name, rule, description, created_at FROM segments ORDER BY name", params: [] };
}

/** One saved segment by name (zero or one row). */
export function getSegmentQuery(name: string): SqlQuery {
  return { sql: "SELECT name, rule, description, created_at FROM segments WHERE name = $1", params: [name] };
}

/** Deletes a saved segment by name. */
export function deleteSegmentQuery(name: string): SqlQuery {
  return { sql: "DELETE FROM segments WHERE name = $1", params: [name] };
}
