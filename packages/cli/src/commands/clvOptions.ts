import { InvalidArgumentError } from "commander";

/** Commander parser of a number > 0 (or ≥ 0 with `allowZero`). */
export function positiveNumber(allowZero = false) {
  return (text: string): number => {
    const v = Number(text);
    if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
      throw new InvalidArgumentError(`expected a number ${allowZero ? "≥" : ">"} 0, got '${text}'`);
    }
    return v;
  };
}

/** Commander parser of a whole number ≥ 1. */
export function wholeNumber(text: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1)
    throw new InvalidArgumentError(`expected a whole number ≥ 1, got '${text}'`);
  return v;
}

/** Commander parser of a `YYYY-MM-DD` day. */
export function isoDay(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got '${text}'`);
  }
  return text;
}

/** Commander parser of the time unit. */
export function timeUnit(text: string): "day" | "week" {
  if (text !== "day" && text !== "week")
    throw new InvalidArgumentError(`expected day or week, got '${text}'`);
  return text;
}
