import type { SqlValue } from "@vafa/core";

/** Collects positional parameters while SQL text is built: `bind(v)` returns `$n`. */
export class Params {
  readonly values: SqlValue[] = [];

  bind(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
