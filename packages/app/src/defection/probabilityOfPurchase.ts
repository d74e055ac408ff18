/**
 * P(at least one purchase in the next `horizon` time units | x, T) under the BG/NBD or the MBG/NBD:
 * P(alive) × (1 − ((α + T) / (α + T + horizon))^(r + x)). In both models a customer drops out only
 * right after a purchase, so one alive at T who buys nothing in the window stays alive through it,
 * and an alive customer's purchase rate given the history is Gamma(r + x, α + T). `params` need `r`
 * and `alpha`; `pAlive`, `x` and `T` are per customer, in the fit's time unit like `horizon`.
 *
 * @example
 * probabilityOfPurchase({ r: 0.72, alpha: 65.2 }, Float64Array.of(1), Float64Array.of(3), Float64Array.of(200), 90);
 * // Float64Array [0.71…]
 */
export function probabilityOfPurchase(
  params: Readonly<Record<string, number>>,
  pAlive: ArrayLike<number>,
  x: ArrayLike<number>,
  T: ArrayLike<number>,
  horizon: number,
): Float64Array {
  const { r, alpha } = params;
  if (r === undefined || alpha === undefined) throw new Error("P(purchase) needs the parameters r and alpha");
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const t = T[i] as number;
    const none = Math.exp((r + (x[i] as number)) * Math.log((alpha + t) / (alpha + t + horizon)));
    out[i] = (pAlive[i] as number) * (1 - none);
  }
  return out;
}
