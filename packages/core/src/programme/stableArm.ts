/** A campaign arm: contacted with the offer, or held out to measure what the offer changed. */
export type Arm = "treatment" | "control";

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3's finaliser, so nearby ids ("c1", "c2") land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A uniform number in [0, 1) that depends only on the campaign and the customer: a 53-bit hash of
 * `campaignId + "\u0000" + customerId` (two FNV-1a passes with murmur finalisers). No state, no
 * random generator, so re-running an assignment never moves anyone.
 *
 * @example
 * armHash("spring-club", "17850"); // same value on every run and machine
 */
export function armHash(campaignId: string, customerId: string): number {
  const key = `${campaignId}\u0000${customerId}`;
  const high = fnv1a(key, 0x811c9dc5) >>> 11; // 21 bits
  const low = fnv1a(key, 0x2c1b3c6d); // 32 bits
  return (high * 4294967296 + low) / 2 ** 53;
}

/**
 * The arm of a customer in a campaign: control when `armHash < controlShare`, else treatment. A
 * customer's arm is fixed by the ids and the share, so a re-run (or a second machine) agrees, and
 * raising the share only moves customers from treatment into control, never back.
 *
 * @example
 * stableArm("spring-club", "17850", 0.1); // "treatment" (about 90% of ids are)
 */
export function stableArm(campaignId: string, customerId: string, controlShare: number): Arm {
  return armHash(campaignId, customerId) < controlShare ? "control" : "treatment";
}
