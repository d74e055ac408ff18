import { InvalidArgumentError } from "commander";

/**
 * Parses a `--port` value: a whole number 0–65535, where 0 asks the system for any free port.
 *
 * @example
 * portArg("8080"); // 8080
 */
export function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is 0–65535");
  return n;
}
