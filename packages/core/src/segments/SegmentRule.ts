/** A literal in a rule: text, a number, or null (only with `is null`). */
export type RuleValue = string | number;

/** The comparison operators of the rule language. */
export const ruleOperators = [
  "=",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "in",
  "not in",
  "contains",
  "is null",
  "is not null",
] as const;

/** One comparison operator. */
export type RuleOperator = (typeof ruleOperators)[number];

/** A comparison of one field with a literal (or a list, for `in`). */
export interface RuleCondition {
  readonly field: string;
  readonly op: RuleOperator;
  /** A literal; an array for `in` / `not in`; absent for `is null` / `is not null`. */
  readonly value?: RuleValue | readonly RuleValue[];
}

/**
 * A parsed, validated segment rule. The JSON form of a rule is exactly this shape, e.g.
 * `{"and": [{"field": "monetary", "op": ">", "value": 1000}, {"not": {"field": "rfm_segment", "op": "=", "value": "lost"}}]}`.
 */
export type SegmentRule =
  | { readonly and: readonly SegmentRule[] }
  | { readonly or: readonly SegmentRule[] }
  | { readonly not: SegmentRule }
  | RuleCondition;
