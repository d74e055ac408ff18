/** Net Promoter groups of a 0–10 "how likely are you to recommend us" answer. */
export type NpsCategory = "detractor" | "passive" | "promoter";

/**
 * The NPS group of a score: 0–6 detractor, 7–8 passive, 9–10 promoter (scores are rounded first).
 *
 * @example
 * npsCategory(8); // "passive"
 */
export function npsCategory(score: number): NpsCategory {
  const s = Math.round(score);
  if (s <= 6) return "detractor";
  return s <= 8 ? "passive" : "promoter";
}
