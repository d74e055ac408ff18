/** A relative risk and its confidence interval. */
export interface RelativeRisk {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The relative risk of defection with a driver against without it, `(a/n1) / (c/n0)`, with the Katz
 * log interval: `exp(ln RR ± z·√(1/a − 1/n1 + 1/c − 1/n0))` (default 95%, z = 1.959964). When a cell
 * is empty (no defector, or everyone defected, in either group) 0.5 is added to each of the four
 * cells (Haldane), so the interval stays finite and wide instead of failing.
 *
 * @example
 * relativeRisk(30, 100, 10, 100); // { value: 3, low: 1.55…, high: 5.80… }
 */
export function relativeRisk(
  defectedWith: number,
  customersWith: number,
  defectedWithout: number,
  customersWithout: number,
  z = 1.959964,
): RelativeRisk {
  let a = defectedWith;
  let b = customersWith - defectedWith;
  let c = defectedWithout;
  let d = customersWithout - defectedWithout;
  if (a === 0 || b === 0 || c === 0 || d === 0) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
  }
  const value = a / (a + b) / (c / (c + d));
  const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  const log = Math.log(value);
  return { value, low: Math.exp(log - z * se), high: Math.exp(log + z * se) };
}
