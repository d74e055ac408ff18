import { columnKey } from "./matchColumn.ts";

/** Why a column looks like a label of the customer rather than a trait of it. */
export type IdentifierKind = "identifier" | "postal code" | "coordinate" | "numeric code";

/** The words of a header: "CustomerID" → ["customer", "id"], "Zip Code" → ["zip", "code"]. */
function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

// Entities whose "<entity>id" or "<entity>no" names a record rather than a trait ("Customerid").
const ENTITIES = [
  "customer",
  "client",
  "account",
  "user",
  "subscriber",
  "member",
  "contract",
  "record",
  "row",
];
const ID_WORDS = new Set(["id", "uuid", "guid"]);
const COORDINATE_WORDS = new Set(["lat", "lon", "lng", "latitude", "longitude", "latlong", "latlon"]);

/** The least distinct values a column needs to count as a numeric code (fewer are a category). */
const MIN_CODE_LEVELS = 30;

/**
 * Whether a flat-file column is an identifier, a postal code, a coordinate or a numeric code rather
 * than a trait that could drive defection. Cutting a zip code or a latitude into quartiles ranks
 * arbitrary stretches of a map as drivers, and an account number's levels are single customers. By
 * name: `id` (as a word, or `customerid`, `accountno`, …), `zip`/`postcode`/`postal`, `lat`/`lon`/
 * `lng`/`latitude`/`longitude`. By values: more than 30 distinct whole numbers written as plain
 * digits that all have the same width of at least 4 digits, start with a zero, or are nearly all
 * distinct (tenure 0–72 and ages are not codes; zip codes and account numbers are).
 *
 * @example
 * identifierKind("Zip Code ", ["90001", "90002"]); // "postal code"
 * identifierKind("tenure", ["1", "34", "2"]); // null
 */
export function identifierKind(name: string, values: readonly string[]): IdentifierKind | null {
  const key = columnKey(name);
  const w = words(name);
  if (/zip|postcode|postalcode/.test(key) || w.includes("postal")) return "postal code";
  if (w.some((x) => COORDINATE_WORDS.has(x)) || /latitude|longitude/.test(key)) return "coordinate";
  if (w.some((x) => ID_WORDS.has(x)) || ENTITIES.some((e) => key === `${e}id` || key === `${e}no`))
    return "identifier";
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  if (filled.length === 0 || !filled.every((v) => /^\d+$/.test(v))) return null;
  const distinct = new Set(filled).size;
  if (distinct <= MIN_CODE_LEVELS) return null;
  const width = filled[0]?.length ?? 0;
  const sameWidth = width >= 4 && filled.every((v) => v.length === width);
  const leadingZero = filled.some((v) => v.length > 1 && v.startsWith("0"));
  return sameWidth || leadingZero || distinct >= 0.9 * filled.length ? "numeric code" : null;
}
