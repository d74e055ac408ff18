const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/**
 * Formats an amount of money with at most 2 decimals ("12.3" is written "12.30", whole amounts have
 * no decimals: "12"). Works on integer cents, which is several times faster than `toFixed` or
 * shortest-float printing — it matters when writing tens of millions of rows.
 *
 * @example
 * formatMoney(-3.5); // "-3.50"
 * formatMoney(12); // "12"
 */
export function formatMoney(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const sign = amount < 0 && cents !== 0 ? "-" : "";
  const whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${TWO_DIGITS[fraction]}`;
}
