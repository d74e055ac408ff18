import type { CustomerFeatures } from "./CustomerFeatures.ts";
import type { DefectionEvaluation, RuleFinding } from "./DefectionEvaluation.ts";
import type { DefectionRules, DropRule, SilenceRule } from "./DefectionRule.ts";
import { ruleName } from "./DefectionRule.ts";
import type { RuleLevel } from "./DefectionStatus.ts";
import { defectionWindows } from "./defectionWindows.ts";
import { DEFAULT_PURCHASE_HORIZON_DAYS } from "./purchaseHorizon.ts";

const SEVERITY: Record<RuleLevel, number> = { active: 0, at_risk: 1, defected: 2 };

/** The typical gap the silence rule uses for a customer, and whose it is. */
export function typicalGap(
  f: CustomerFeatures,
  rule: SilenceRule,
): { gap: number | null; source: "own" | "segment" | "base" | null } {
  if (f.purchases >= rule.minPurchases && f.ownGap !== null) return { gap: f.ownGap, source: "own" };
  if (rule.fallback === "segment" && f.segmentGap !== null) return { gap: f.segmentGap, source: "segment" };
  if (f.baseGap !== null) return { gap: f.baseGap, source: "base" };
  return { gap: null, source: null };
}

/** Silence verdict: strictly longer than max(k × gap, floor) fires; equal does not. */
function silence(f: CustomerFeatures, rule: SilenceRule, asOfDay: number): RuleFinding | null {
  const { gap } = typicalGap(f, rule);
  if (gap === null) return null;
  const silent = asOfDay - f.lastDay;
  const threshold = (k: number) => Math.max(k * gap, rule.floorDays);
  // The first day on which `silent > threshold` holds.
  const crossing = (k: number) => f.lastDay + Math.floor(threshold(k)) + 1;
  const base = { rule: ruleName(rule), kind: rule.kind } as const;
  if (silent > threshold(rule.defected))
    return { ...base, level: "defected", firedDay: crossing(rule.defected) };
  if (silent > threshold(rule.atRisk)) return { ...base, level: "at_risk", firedDay: crossing(rule.atRisk) };
  return { ...base, level: "active", firedDay: asOfDay };
}

/** Recent ÷ what the baseline rate predicts for the recent window; null when the baseline is too thin. */
function dropShare(f: CustomerFeatures, rule: DropRule, windowIndex: number, asOfDay: number): number | null {
  const w = f.windows[windowIndex];
  if (w === undefined) return null;
  // A customer who started during the baseline window has a shorter baseline.
  const baselineDays = Math.min(rule.baselineDays, asOfDay - rule.recentDays - f.firstDay + 1);
  if (baselineDays < rule.recentDays || w.baselinePurchases < rule.minBaselinePurchases) return null;
  const scale = rule.recentDays / baselineDays;
  if (rule.kind === "frequency_drop") return w.recentPurchases / (w.baselinePurchases * scale);
  if (w.baselineSpend <= 0) return null;
  return w.recentSpend / (w.baselineSpend * scale);
}

function levelOf(value: number, atRisk: number, defected: number, below: "le" | "lt"): RuleLevel {
  const hit = (t: number) => (below === "le" ? value <= t : value < t);
  if (hit(defected)) return "defected";
  if (hit(atRisk)) return "at_risk";
  return "active";
}

/**
 * Applies a rule set to one customer as of a day. Rules without data for the customer (a drop rule
 * with a thin baseline, a model rule whose figure — P(alive) or P(purchase) — the customer lacks,
 * the contract rule without contract rows) give no finding. `combine: "any"` takes the most severe
 * finding, `"all"` the least severe. The deciding rule is the first (in rule order) at the combined
 * level; its fired day is the earliest among the findings at that level.
 *
 * @example
 * const e = evaluateDefection(features, defaultDefectionRules, toEpochDay("2011-09-01"));
 * e.level; // "at_risk"
 */
export function evaluateDefection(
  f: CustomerFeatures,
  rules: DefectionRules,
  asOfDay: number,
): DefectionEvaluation {
  const windows = defectionWindows(rules);
  const findings: RuleFinding[] = [];
  let frequencyChange: number | null = null;
  let spendChange: number | null = null;
  let contractEndedDaysAgo: number | null = null;
  let pPurchase: number | null = null;
  let purchaseHorizonDays: number | null = null;
  let gapUsed: { gap: number | null; source: "own" | "segment" | "base" | null } = {
    gap: null,
    source: null,
  };
  for (const rule of rules.rules) {
    const base = { rule: ruleName(rule), kind: rule.kind } as const;
    switch (rule.kind) {
      case "silence": {
        const finding = silence(f, rule, asOfDay);
        if (gapUsed.gap === null) gapUsed = typicalGap(f, rule);
        if (finding !== null) findings.push(finding);
        break;
      }
      case "frequency_drop":
      case "spend_drop": {
        const index = windows.findIndex(
          (w) => w.recentDays === rule.recentDays && w.baselineDays === rule.baselineDays,
        );
        const share = dropShare(f, rule, index, asOfDay);
        if (share === null) break;
        const level = levelOf(share, rule.atRisk, rule.defected, "le");
        findings.push({ ...base, level, firedDay: asOfDay });
        if (level !== "active") {
          if (rule.kind === "frequency_drop") frequencyChange = share - 1;
          else spendChange = share - 1;
        }
        break;
      }
      case "model": {
        const figure = rule.measure === "p_purchase" ? f.pPurchase : f.pAlive;
        if (figure === null) break;
        findings.push({
          ...base,
          level: levelOf(figure, rule.atRisk, rule.defected, "lt"),
          firedDay: asOfDay,
        });
        if (rule.measure === "p_purchase") {
          pPurchase = figure;
          purchaseHorizonDays = rule.horizonDays ?? DEFAULT_PURCHASE_HORIZON_DAYS;
        }
        break;
      }
      case "contract": {
        if (f.contractEnd === null) break;
        const past = asOfDay - f.contractEnd;
        if (f.renewed || past <= rule.atRiskDays) {
          findings.push({ ...base, level: "active", firedDay: asOfDay });
          break;
        }
        const defected = past > rule.defectedDays;
        findings.push({
          ...base,
          level: defected ? "defected" : "at_risk",
          firedDay: f.contractEnd + (defected ? rule.defectedDays : rule.atRiskDays) + 1,
        });
        contractEndedDaysAgo = past;
        break;
      }
    }
  }
  let level: RuleLevel = "active";
  if (findings.length > 0) {
    const severities = findings.map((x) => SEVERITY[x.level]);
    const target = rules.combine === "any" ? Math.max(...severities) : Math.min(...severities);
    level = target === 2 ? "defected" : target === 1 ? "at_risk" : "active";
  }
  const deciding = level === "active" ? [] : findings.filter((x) => x.level === level);
  return {
    customerId: f.customerId,
    level,
    rule: deciding[0]?.rule ?? null,
    firedDay: deciding.length === 0 ? null : Math.min(...deciding.map((x) => x.firedDay)),
    findings,
    facts: {
      purchases: f.purchases,
      typicalGap: gapUsed.gap,
      gapSource: gapUsed.source,
      historyDays: f.lastDay - f.firstDay,
      silentDays: asOfDay - f.lastDay,
      frequencyChange,
      spendChange,
      pAlive: f.pAlive,
      pPurchase,
      purchaseHorizonDays,
      contractEndedDaysAgo,
    },
  };
}
