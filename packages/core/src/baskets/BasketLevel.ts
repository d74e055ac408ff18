import { BasketError } from "./BasketError.ts";

/** What a basket's items are: products (`transactions.product`) or categories (`transactions.category`). */
export type BasketLevel = "product" | "category";

/** The accepted levels, which are also the column names written into SQL. */
export const basketLevels: readonly BasketLevel[] = ["product", "category"];

/**
 * Parses `--level`.
 *
 * @throws BasketError naming the accepted levels.
 * @example
 * parseBasketLevel("Category"); // "category"
 */
export function parseBasketLevel(text: string): BasketLevel {
  const t = text.trim().toLowerCase();
  const level = basketLevels.find((l) => l === t);
  if (level === undefined)
    throw new BasketError(`level must be one of ${basketLevels.join(", ")}, got "${text}"`);
  return level;
}
