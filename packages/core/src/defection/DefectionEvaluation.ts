import type { RuleLevel } from "./DefectionStatus.ts";

/** One rule's verdict on one customer. */
export interface RuleFinding {
  /** The rule's name (its `name`, else its kind). */
  readonly rule: string;
  readonly kind: "silence" | "frequency_drop" | "spend_drop" | "model" | "contract";
  readonly level: RuleLevel;
  /** Epoch day the verdict's threshold was first crossed (silence, contract), else the as-of day. */
  readonly firedDay: number;
}

/** The numbers the reason sentence is written from; null when not known or not relevant. */
export interface ReasonFacts {
  readonly purchases: number;
  /** Typical days between purchases used by the silence rule, and whose it was. */
  readonly typicalGap: number | null;
  readonly gapSource: "own" | "segment" | "base" | null;
  /** Days from the first to the last purchase day. */
  readonly historyDays: number;
  readonly silentDays: number;
  /** Recent ÷ expected − 1 for frequency and spend when that rule fired (−0.6 = down 60%). */
  readonly frequencyChange: number | null;
  readonly spendChange: number | null;
  readonly pAlive: number | null;
  /** The model's P(at least one purchase in the next `purchaseHorizonDays`), when a rule read it. */
  readonly pPurchase: number | null;
  readonly purchaseHorizonDays: number | null;
  /** Days since an unrenewed contract ended, when the contract rule fired. */
  readonly contractEndedDaysAgo: number | null;
}

/**
 * The rule set's verdict on one customer as of a day: the combined level, the rule that decided it
 * and the day it fired, every rule's finding, and the facts for the reason sentence.
 */
export interface DefectionEvaluation {
  readonly customerId: string;
  readonly level: RuleLevel;
  readonly rule: string | null;
  readonly firedDay: number | null;
  readonly findings: readonly RuleFinding[];
  readonly facts: ReasonFacts;
}
