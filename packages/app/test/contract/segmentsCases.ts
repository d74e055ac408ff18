import {
  type Engine,
  parseRule,
  rfmCustomersQuery,
  rfmSegmentsQuery,
  rfmTransitionsQuery,
  rfmValueCountsQuery,
  ruleNeeds,
  runRfmFrame,
  segmentMembersQuery,
  toEpochDay,
} from "@vafa/core";
import {
  clusters,
  defineSegment,
  deleteSegment,
  listSegments,
  rfm,
  rfmCustomers,
  segmentMemberPage,
  segmentMembers,
  targets,
} from "../../src/index.ts";
import type { ContractCases } from "./ContractCase.ts";
import { sorted } from "./sorted.ts";

const sept = toEpochDay("2011-09-01");

/** The ids of the customers a rule written in the rule language matches, measured as of a date. */
async function members(e: Engine, text: string, asOf: string): Promise<string[]> {
  const rule = parseRule(text);
  const day = toEpochDay(asOf);
  const frame = ruleNeeds(rule).rfm ? await runRfmFrame(e.facts, e.dialect, day) : null;
  const rows = await e.facts.all(
    segmentMembersQuery(e.dialect, rule, { rfm: frame, hasScores: false, asOfDay: day }),
  );
  return rows.map((r) => String(r.customer_id));
}

/** RFM and rule segments: the engine's counts and memberships. */
export const segmentsCases: ContractCases = {
  "RFM value counts, 2011-09-01": {
    feature: "segments-rfm",
    run: async (e) => sorted(await e.facts.all(rfmValueCountsQuery(e.dialect, sept))),
  },
  "RFM cuts, quintiles and quartiles": {
    feature: "segments-rfm",
    run: async (e) => [
      await runRfmFrame(e.facts, e.dialect, sept),
      await runRfmFrame(e.facts, e.dialect, sept, 4),
    ],
  },
  "RFM scored customers, 2011-09-01": {
    feature: "segments-rfm",
    run: async (e) => e.facts.all(rfmCustomersQuery(e.dialect, await runRfmFrame(e.facts, e.dialect, sept))),
  },
  "RFM segment sizes, 2011-09-01": {
    feature: "segments-rfm",
    run: async (e) =>
      sorted(await e.facts.all(rfmSegmentsQuery(e.dialect, await runRfmFrame(e.facts, e.dialect, sept)))),
  },
  "RFM movement 2011-06-01 → 2011-12-01, seven bins": {
    feature: "segments-rfm",
    run: async (e) => {
      const a = await runRfmFrame(e.facts, e.dialect, toEpochDay("2011-06-01"), 7);
      const b = await runRfmFrame(e.facts, e.dialect, toEpochDay("2011-12-01"), 7);
      return sorted(await e.facts.all(rfmTransitionsQuery(e.dialect, a, b)));
    },
  },
  "segment members: country in a list": {
    feature: "segments-saved",
    run: (e) => members(e, 'country in ("France", "Germany")', "2011-09-01"),
  },
  "segment members: spend window and negation": {
    feature: "segments-saved",
    run: (e) => members(e, 'spend_90d > 100 and not country = "United Kingdom"', "2011-09-01"),
  },
  "segment members: RFM segment or monetary": {
    feature: "segments-saved",
    run: (e) => members(e, 'rfm_segment = "champions" or monetary >= 5000', "2011-09-01"),
  },
  "segment members: categories, tags with LIKE wildcards, dates": {
    feature: "segments-saved",
    run: (e) =>
      members(
        e,
        'categories contains "x_%" or tags contains "v_p" or created_at >= "2011-01-01"',
        "2011-09-01",
      ),
  },
  "segment members: scores are unknown without customer_scores": {
    feature: "segments-saved",
    run: (e) => members(e, "clv is null and frequency >= 10", "2011-09-01"),
  },
  "RFM use case: segments as of the last day, movement since 2011-06-30": {
    feature: "segments-rfm",
    run: (e) => rfm(e, { compare: "2011-06-30" }),
  },
  "RFM use case: every customer's scores as of 2011-09-01, quartiles": {
    feature: "segments-rfm",
    run: async (e) =>
      sorted(await rfmCustomers(e, { asOf: "2011-09-01", bins: 4 })).map((r) => [
        r.customer_id,
        r.r_score,
        r.f_score,
        r.m_score,
        r.rfm_segment,
      ]),
  },
  "saved segments: define two, list, members by name, a page, delete one": {
    feature: "segments-saved",
    async run(e) {
      await defineSegment(e, "contract-fr", 'country = "France"', "French customers");
      await defineSegment(e, "contract-champions", 'rfm_segment = "champions" and monetary > 2000');
      const listed = (await listSegments(e))
        .filter((s) => s.name.startsWith("contract-"))
        .map((s) => [s.name, s.rule, s.description]);
      const french = await segmentMembers(e, "contract-fr");
      const champions = await segmentMembers(e, "contract-champions", "2011-09-01");
      const page = await segmentMemberPage(e, "contract-champions", { limit: 5, asOf: "2011-09-01" });
      const deleted = await deleteSegment(e, "contract-fr");
      const left = (await listSegments(e)).filter((s) => s.name.startsWith("contract-")).map((s) => s.name);
      await deleteSegment(e, "contract-champions");
      return { listed, french, champions, page, deleted, left };
    },
  },
  "target customers by RFM segment, 90-day growth": {
    feature: "segments-targets",
    run: (e) => targets(e, { by: { kind: "rfm" } }),
  },
  "customer clusters, k = 4": {
    feature: "segments-clusters",
    run: async (e) => {
      const { members: _members, ...result } = await clusters(e, { k: 4, seed: 1 });
      return result;
    },
  },
};
