import { DefectionError } from "./DefectionError.ts";
import {
  type ContractRule,
  DEFECTION_RULE_KINDS,
  type DefectionRule,
  type DefectionRules,
  type DropRule,
  type ModelMeasure,
  type ModelRule,
  type SilenceRule,
} from "./DefectionRule.ts";
import { DEFAULT_PURCHASE_HORIZON_DAYS } from "./purchaseHorizon.ts";

type Fields = Record<string, unknown>;

function num(o: Fields, key: string, where: string, fallback: number, min: number, max: number): number {
  const v = o[key] ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
    throw new DefectionError(
      `${where}.${key} must be a number between ${min} and ${max}, got ${JSON.stringify(v)}`,
    );
  }
  return v;
}

function named(o: Fields, where: string): { name?: string } {
  if (o.name === undefined) return {};
  if (typeof o.name !== "string" || !/^[A-Za-z0-9_.-]{1,40}$/.test(o.name)) {
    throw new DefectionError(`${where}.name must be 1–40 letters, digits, _ . or -`);
  }
  return { name: o.name };
}

function ordered(where: string, low: number, high: number, lowKey: string, highKey: string): void {
  if (low > high)
    throw new DefectionError(`${where}: ${lowKey} (${low}) must not exceed ${highKey} (${high})`);
}

function parseRule(value: unknown, where: string): DefectionRule {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DefectionError(`${where} must be an object with a "kind"`);
  }
  const o = value as Fields;
  const kind = o.kind;
  switch (kind) {
    case "silence": {
      const rule: SilenceRule = {
        kind,
        ...named(o, where),
        atRisk: num(o, "atRisk", where, 2, 0.01, 1000),
        defected: num(o, "defected", where, 4, 0.01, 1000),
        floorDays: num(o, "floorDays", where, 14, 0, 100000),
        minPurchases: num(o, "minPurchases", where, 3, 2, 100000),
        fallback:
          o.fallback === undefined || o.fallback === "segment" ? "segment" : fallbackOf(o.fallback, where),
      };
      ordered(where, rule.atRisk, rule.defected, "atRisk", "defected");
      return rule;
    }
    case "frequency_drop":
    case "spend_drop": {
      const rule: DropRule = {
        kind,
        ...named(o, where),
        recentDays: Math.trunc(num(o, "recentDays", where, 90, 1, 100000)),
        baselineDays: Math.trunc(num(o, "baselineDays", where, 270, 1, 100000)),
        atRisk: num(o, "atRisk", where, 0.5, 0, 10),
        defected: num(o, "defected", where, 0, 0, 10),
        minBaselinePurchases: Math.trunc(num(o, "minBaselinePurchases", where, 3, 1, 100000)),
      };
      ordered(where, rule.defected, rule.atRisk, "defected", "atRisk");
      return rule;
    }
    case "model": {
      const measure = measureOf(o.measure, where);
      if (measure !== "p_purchase" && o.horizonDays !== undefined) {
        throw new DefectionError(`${where}.horizonDays applies to "measure": "p_purchase" only`);
      }
      const rule: ModelRule = {
        kind,
        ...named(o, where),
        ...(measure === undefined ? {} : { measure }),
        ...(measure === "p_purchase"
          ? {
              horizonDays: Math.trunc(num(o, "horizonDays", where, DEFAULT_PURCHASE_HORIZON_DAYS, 1, 100000)),
            }
          : {}),
        atRisk: num(o, "atRisk", where, 0.5, 0, 1),
        defected: num(o, "defected", where, 0.2, 0, 1),
      };
      ordered(where, rule.defected, rule.atRisk, "defected", "atRisk");
      return rule;
    }
    case "contract": {
      const rule: ContractRule = {
        kind,
        ...named(o, where),
        atRiskDays: Math.trunc(num(o, "atRiskDays", where, 0, 0, 100000)),
        defectedDays: Math.trunc(num(o, "defectedDays", where, 30, 0, 100000)),
        renewalWindowDays: Math.trunc(num(o, "renewalWindowDays", where, 90, 0, 100000)),
      };
      ordered(where, rule.atRiskDays, rule.defectedDays, "atRiskDays", "defectedDays");
      return rule;
    }
    default:
      throw new DefectionError(
        `${where}.kind must be one of ${DEFECTION_RULE_KINDS.join(", ")}, got ${JSON.stringify(kind)}`,
      );
  }
}

function measureOf(value: unknown, where: string): ModelMeasure | undefined {
  if (value === undefined || value === "p_alive" || value === "p_purchase") return value;
  throw new DefectionError(
    `${where}.measure must be "p_alive" or "p_purchase", got ${JSON.stringify(value)}`,
  );
}

function fallbackOf(value: unknown, where: string): "segment" | "base" {
  if (value === "base") return "base";
  throw new DefectionError(`${where}.fallback must be "segment" or "base", got ${JSON.stringify(value)}`);
}

/**
 * Validates a rule set read from configuration (e.g. the `defection` key of `vafa.config.json`).
 * Missing thresholds take the defaults shown on each rule type; unknown kinds, out-of-range values,
 * inverted thresholds (defected less severe than at risk) and `"p_purchase"` model rules of different
 * horizons are rejected with the offending path.
 *
 * @throws DefectionError naming the bad field.
 * @example
 * parseDefectionRules({ combine: "any", rules: [{ kind: "silence", atRisk: 2, defected: 4 }, { kind: "spend_drop", atRisk: 0.4 }] });
 */
export function parseDefectionRules(value: unknown): DefectionRules {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DefectionError(
      'defection rules must be an object { "combine": "any" | "all", "rules": [ … ] }',
    );
  }
  const o = value as Fields;
  const combine = o.combine ?? "any";
  if (combine !== "any" && combine !== "all") {
    throw new DefectionError(`defection.combine must be "any" or "all", got ${JSON.stringify(combine)}`);
  }
  if (!Array.isArray(o.rules) || o.rules.length === 0) {
    throw new DefectionError("defection.rules must be a non-empty array");
  }
  const rules = o.rules.map((r, i) => parseRule(r, `defection.rules[${i}]`));
  const names = rules.map((r) => r.name ?? r.kind);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined)
    throw new DefectionError(`two rules are named "${dup}"; give each a distinct "name"`);
  const horizons = new Set(
    rules.flatMap((r) => (r.kind === "model" && r.measure === "p_purchase" ? [r.horizonDays] : [])),
  );
  if (horizons.size > 1) {
    throw new DefectionError(
      `the "p_purchase" model rules must share one horizonDays, got ${[...horizons].join(" and ")}`,
    );
  }
  return { combine, rules };
}
