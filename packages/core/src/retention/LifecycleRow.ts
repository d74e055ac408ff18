/**
 * One period of the customer lifecycle (DESIGN.md §3): `new` (first active period), `retained`
 * (active in P−1 and P), `resurrected` (back after ≥ 1 inactive period), `dormant` (active in P−1,
 * not in P).
 */
export interface LifecycleRow {
  readonly period: string;
  readonly group: string | null;
  readonly new: number;
  readonly retained: number;
  readonly resurrected: number;
  readonly dormant: number;
  readonly complete: boolean;
}
