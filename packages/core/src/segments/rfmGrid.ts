/** The named RFM segments, as ids usable in segment rules (`rfm_segment = "at_risk"`). */
export const rfmSegmentIds = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;

/** One named RFM segment id. */
export type RfmSegmentId = (typeof rfmSegmentIds)[number];

/** What analysts call each segment, and what to do about it. */
export const rfmSegmentLabels: Readonly<Record<RfmSegmentId, string>> = {
  champions: "champions — bought recently, buy often and spend the most; reward them",
  loyal: "loyal — buy often and spend well; upsell, ask for reviews",
  potential_loyalist: "potential loyalist — recent, average frequency; offer membership",
  new: "new — bought very recently, rarely so far; onboard them",
  promising: "promising — recent shoppers with little spend yet; build awareness",
  need_attention: "need attention — middling recency, frequency and spend; limited-time offers",
  about_to_sleep: "about to sleep — below-average recency and frequency; reactivate before they go",
  at_risk: "at risk — spent often and well, but long ago; win them back",
  cant_lose: "can't lose — were among the best, now silent; win back at any price",
  hibernating: "hibernating — last purchase long ago, few orders; offer relevant products",
  lost: "lost — lowest recency, frequency and spend; ignore unless cheap to reach",
};

/**
 * The R × FM grid (scores 1–5, FM = ⌈(F + M) / 2⌉): row = recency score 5 (most recent) down to 1,
 * column = FM score 1 to 5. The usual analysts' grid (Putler / the "RFM segments" map) with its
 * bottom-left corner as "lost". This table is the only place segment names are decided.
 *
 * | R \ FM | 1              | 2                  | 3                  | 4         | 5          |
 * |--------|----------------|--------------------|--------------------|-----------|------------|
 * | 5      | new            | potential_loyalist | potential_loyalist | champions | champions  |
 * | 4      | promising      | potential_loyalist | potential_loyalist | loyal     | loyal      |
 * | 3      | about_to_sleep | about_to_sleep     | need_attention     | loyal     | loyal      |
 * | 2      | hibernating    | hibernating        | at_risk            | at_risk   | cant_lose  |
 * | 1      | lost           | hibernating        | at_risk            | at_risk   | cant_lose  |
 */
export const rfmGrid: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly RfmSegmentId[]>> = {
  5: ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  4: ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
  3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  1: ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"],
};

/** A score on `bins` levels mapped to the grid's 1–5 (identity when bins = 5). */
export function toFivePoint(score: number, bins: number): number {
  return bins === 5 ? score : 1 + Math.floor(((score - 1) * 5) / bins);
}

/**
 * The named segment of scores r, f, m (each 1–5).
 *
 * @example
 * rfmSegmentOf(5, 5, 4); // "champions"
 * rfmSegmentOf(1, 1, 1); // "lost"
 */
export function rfmSegmentOf(r: number, f: number, m: number): RfmSegmentId {
  const fm = Math.ceil((f + m) / 2);
  const row = rfmGrid[r as 1 | 2 | 3 | 4 | 5];
  const id = row?.[fm - 1];
  if (id === undefined) throw new RangeError(`RFM scores must be 1–5, got r=${r} f=${f} m=${m}`);
  return id;
}

/**
 * The grid as a SQL CASE over five-point score expressions `r` and `fm`. Segment ids are constants of
 * this file (lower-case letters and underscores), never user input.
 */
export function rfmSegmentSql(r: string, fm: string): string {
  const arms: string[] = [];
  for (const row of [5, 4, 3, 2, 1] as const) {
    rfmGrid[row].forEach((id, i) => {
      arms.push(`WHEN ${r} = ${row} AND ${fm} = ${i + 1} THEN '${id}'`);
    });
  }
  return `CASE ${arms.join(" ")} END`;
}
