import {
  type BranchScope,
  type Engine,
  type ProfitabilityDimension,
  parseRule,
  type TargetGroups,
  type Targets,
  targetsQuery,
  toTargets,
} from "@vafa/core";
import { resolveAsOfDay, rfmFrame } from "./rfmFrame.ts";
import { hasCustomerScores, listSegments, segmentContext } from "./savedSegments.ts";

/** Options of `targets`: group by a customer dimension, the RFM segments (default) or the saved segments. */
export interface TargetsOptions {
  readonly by?:
    | { readonly kind: "dimension"; readonly dimension: ProfitabilityDimension }
    | { readonly kind: "rfm" }
    | { readonly kind: "segments" };
  /** Growth period in days; default 90. */
  readonly periodDays?: number;
  /** Only this branch's customers (an agent's); default every customer. */
  readonly branch?: BranchScope;
}

/**
 * Target-customer analysis: size, share, net sales, profit, CLV and growth per group, so the most
 * profitable profiles stand out.
 *
 * @example
 * const t = await targets(engine, { by: { kind: "dimension", dimension: parseProfitabilityDimension("country") } });
 */
export async function targets(engine: Engine, options: TargetsOptions = {}): Promise<Targets> {
  const by = options.by ?? { kind: "rfm" };
  const asOfDay = await resolveAsOfDay(engine);
  let groups: TargetGroups;
  let name: string;
  if (by.kind === "dimension") {
    groups = by;
    name = by.dimension.name;
  } else if (by.kind === "rfm") {
    groups = { kind: "rfm", frame: await rfmFrame(engine, asOfDay) };
    name = "rfm_segment";
  } else {
    const saved = (await listSegments(engine)).map((s) => ({ name: s.name, rule: parseRule(s.rule) }));
    const all = { and: saved.map((s) => s.rule) };
    groups = {
      kind: "segments",
      segments: saved,
      context: saved.length > 0 ? await segmentContext(engine, all) : {},
    };
    name = "segment";
  }
  const periodDays = options.periodDays ?? 90;
  const q = targetsQuery(engine.dialect, groups, {
    asOfDay,
    periodDays,
    hasScores: await hasCustomerScores(engine),
    ...(options.branch !== undefined ? { branch: options.branch } : {}),
  });
  return toTargets(await engine.facts.all(q), name, periodDays);
}
