import { expect } from "vitest";

/** Asserts |actual − expected| ≤ tol × |expected| (relative tolerance). */
export function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}
