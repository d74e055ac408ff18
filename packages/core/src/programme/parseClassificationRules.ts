import {
  type ClassificationRules,
  defaultClassificationRules,
  type Threshold,
} from "./ClassificationRules.ts";
import { ProgrammeError } from "./ProgrammeError.ts";

function threshold(name: string, v: unknown): Threshold {
  const o = v as Record<string, unknown>;
  if (typeof o === "object" && o !== null) {
    if (typeof o.quantile === "number" && o.quantile >= 0 && o.quantile <= 1) return { quantile: o.quantile };
    if (typeof o.value === "number" && Number.isFinite(o.value)) return { value: o.value };
  }
  throw new ProgrammeError(`${name} must be {"quantile": 0..1} or {"value": number}`);
}

function num(name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !(v >= min && v <= max))
    throw new ProgrammeError(`${name} must be a number in [${min}, ${max}]`);
  return v;
}

function strings(name: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string"))
    throw new ProgrammeError(`${name} must be a list of strings`);
  return v.map((s: string) => s.trim().toLowerCase());
}

/**
 * Validates a (partial) rule set from JSON and fills the rest from the defaults.
 *
 * @throws ProgrammeError naming the field and what it accepts.
 * @example
 * parseClassificationRules({ highValue: { value: 2000 }, dealSeekerShare: 0.7 });
 */
export function parseClassificationRules(input: unknown): ClassificationRules {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new ProgrammeError("classification rules must be a JSON object");
  const o = input as Record<string, unknown>;
  const d = defaultClassificationRules;
  const known = Object.keys(d);
  for (const k of Object.keys(o))
    if (!known.includes(k))
      throw new ProgrammeError(`unknown classification rule "${k}": use ${known.join(", ")}`);
  const big = Number.MAX_SAFE_INTEGER;
  return {
    highValue: o.highValue === undefined ? d.highValue : threshold("highValue", o.highValue),
    highVolume: o.highVolume === undefined ? d.highVolume : threshold("highVolume", o.highVolume),
    lowPAlive: o.lowPAlive === undefined ? d.lowPAlive : num("lowPAlive", o.lowPAlive, 0, 1),
    riskStatuses: o.riskStatuses === undefined ? d.riskStatuses : strings("riskStatuses", o.riskStatuses),
    silentDays: o.silentDays === undefined ? d.silentDays : num("silentDays", o.silentDays, 1, big),
    strategicTags:
      o.strategicTags === undefined ? d.strategicTags : strings("strategicTags", o.strategicTags),
    strategicRule:
      o.strategicRule === undefined || o.strategicRule === null
        ? d.strategicRule
        : typeof o.strategicRule === "string"
          ? o.strategicRule
          : (() => {
              throw new ProgrammeError("strategicRule must be a segment rule or name");
            })(),
    complaintsAtLeast:
      o.complaintsAtLeast === undefined
        ? d.complaintsAtLeast
        : num("complaintsAtLeast", o.complaintsAtLeast, 1, big),
    returnsShareAbove:
      o.returnsShareAbove === undefined
        ? d.returnsShareAbove
        : num("returnsShareAbove", o.returnsShareAbove, 0, 1),
    costToServeShareAbove:
      o.costToServeShareAbove === undefined
        ? d.costToServeShareAbove
        : num("costToServeShareAbove", o.costToServeShareAbove, 0, big),
    dealSeekerShare:
      o.dealSeekerShare === undefined ? d.dealSeekerShare : num("dealSeekerShare", o.dealSeekerShare, 0, 1),
    dealSeekerMinPurchases:
      o.dealSeekerMinPurchases === undefined
        ? d.dealSeekerMinPurchases
        : num("dealSeekerMinPurchases", o.dealSeekerMinPurchases, 1, big),
    badPaymentStatuses:
      o.badPaymentStatuses === undefined
        ? d.badPaymentStatuses
        : strings("badPaymentStatuses", o.badPaymentStatuses),
    badPayerShare:
      o.badPayerShare === undefined ? d.badPayerShare : num("badPayerShare", o.badPayerShare, 0, 1),
    badPayerMinPayments:
      o.badPayerMinPayments === undefined
        ? d.badPayerMinPayments
        : num("badPayerMinPayments", o.badPayerMinPayments, 1, big),
  };
}
