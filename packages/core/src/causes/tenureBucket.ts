/**
 * The tenure band of a customer from its days since first purchase: "under 6 months",
 * "6–12 months", "1–2 years", "2–5 years", "5+ years". New customers defect most in most businesses.
 *
 * @example
 * tenureBucket(400); // "1–2 years"
 */
export function tenureBucket(days: number): string {
  if (days < 183) return "under 6 months";
  if (days < 365) return "6–12 months";
  if (days < 730) return "1–2 years";
  if (days < 1826) return "2–5 years";
  return "5+ years";
}
