import { randomUUID } from "node:crypto";
import {
  duckdbDialect,
  fromEpochDay,
  insertRows,
  membersCsv,
  ProgrammeError,
  parseStrategy,
  type SqlClient,
  type SqlValue,
  sql,
  stableArm,
} from "@vafa/core";
import { segmentMembers } from "./segmentMembers.ts";
import { dayOption, numOrNull } from "./storeFacts.ts";

/** What `createCampaign` needs. */
export interface NewCampaign {
  readonly id?: string;
  readonly name: string;
  /** One of STRATEGIES. */
  readonly strategy: string;
  /**
   * Who is in it: "all" (every customer with a purchase before the start), "segment:<saved name or
   * rule>", or "list:<label>" (ids given to `assignMembers`, e.g. read from a file).
   */
  readonly audience: string;
  readonly offer?: string | null;
  readonly costPerContact?: number;
  readonly costPerRedemption?: number;
  /** Share held out as control; default 0.1. */
  readonly controlShare?: number;
  /** YYYY-MM-DD: first day of the campaign and of its measurement window. */
  readonly startsAt: string;
  /** YYYY-MM-DD: last day of the measurement window (inclusive). */
  readonly endsAt: string;
}

/** A stored campaign. */
export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly strategy: string;
  readonly audience: string;
  readonly offer: string | null;
  readonly costPerContact: number;
  readonly costPerRedemption: number;
  readonly controlShare: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly members: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const SELECT = `SELECT c.id, c.name, c.strategy, c.audience, c.offer, c.cost_per_contact, c.cost_per_redemption, c.control_share,
  CAST(date_diff('day', DATE '1970-01-01', c.starts_at) AS INTEGER) AS start_day,
  CAST(date_diff('day', DATE '1970-01-01', c.ends_at) AS INTEGER) AS end_day,
  (SELECT count(*) FROM campaign_members AS m WHERE m.campaign_id = c.id) AS members
  FROM campaigns AS c`;

const toCampaign = (r: Record<string, unknown>): Campaign => ({
  id: String(r.id),
  name: String(r.name),
  strategy: String(r.strategy),
  audience: String(r.audience ?? "all"),
  offer: r.offer === null || r.offer === undefined ? null : String(r.offer),
  costPerContact: numOrNull(r.cost_per_contact) ?? 0,
  costPerRedemption: numOrNull(r.cost_per_redemption) ?? 0,
  controlShare: numOrNull(r.control_share) ?? 0.1,
  startsAt: fromEpochDay(Number(r.start_day)),
  endsAt: fromEpochDay(Number(r.end_day)),
  members: Number(r.members ?? 0),
});

/** All campaigns by start. */
export async function listCampaigns(client: SqlClient): Promise<Campaign[]> {
  return (await client.all(sql(`${SELECT} ORDER BY c.starts_at, c.id`))).map(toCampaign);
}

/**
 * One campaign.
 *
 * @throws ProgrammeError when it does not exist.
 */
export async function getCampaign(client: SqlClient, id: string): Promise<Campaign> {
  const [r] = await client.all(sql(`${SELECT} WHERE c.id = $1`, [id]));
  if (r === undefined) throw new ProgrammeError(`no campaign "${id}"`);
  return toCampaign(r);
}

function money(name: string, v: number | undefined): number {
  const x = v ?? 0;
  if (!Number.isFinite(x) || x < 0) throw new ProgrammeError(`${name} must be a number ≥ 0`);
  return x;
}

/**
 * Stores a campaign after validating strategy, audience, costs, control share (0 < share < 1) and dates.
 *
 * @throws ProgrammeError saying what is wrong.
 * @example
 * await createCampaign(store.client, { id: "club-q4", name: "Club Q4", strategy: "customer_club", audience: "segment:vip",
 *   costPerContact: 0.5, costPerRedemption: 4, startsAt: "2011-09-01", endsAt: "2011-11-30" });
 */
export async function createCampaign(client: SqlClient, c: NewCampaign): Promise<Campaign> {
  const id = c.id ?? randomUUID();
  if (!ID.test(id))
    throw new ProgrammeError(`campaign id "${id}" must be 1–64 letters, digits, "_", "." or "-"`);
  const strategy = parseStrategy(c.strategy);
  const audience = c.audience.trim();
  if (!(audience === "all" || audience.startsWith("segment:") || audience.startsWith("list:")))
    throw new ProgrammeError(`audience "${audience}" must be all, segment:<name or rule> or list:<file>`);
  const share = c.controlShare ?? 0.1;
  if (!(share > 0 && share < 1))
    throw new ProgrammeError("control share must be between 0 and 1 (exclusive)");
  const start = dayOption(c.startsAt, "--start");
  const end = dayOption(c.endsAt, "--end");
  if (end < start) throw new ProgrammeError("the end must not be before the start");
  await client.run(
    sql(
      `INSERT INTO campaigns (id, name, strategy, audience, offer, cost_per_contact, cost_per_redemption, control_share, starts_at, ends_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, DATE '1970-01-01' + CAST($9 AS INTEGER), DATE '1970-01-01' + CAST($10 AS INTEGER), current_timestamp)`,
      [
        id,
        c.name,
        strategy,
        audience,
        c.offer ?? null,
        money("cost per contact", c.costPerContact),
        money("cost per redemption", c.costPerRedemption),
        share,
        start,
        end,
      ],
    ),
  );
  return getCampaign(client, id);
}

/** What an assignment did. */
export interface AssignmentSummary {
  readonly campaignId: string;
  readonly audience: number;
  /** Newly assigned now. */
  readonly added: number;
  /** Already assigned before: kept as recorded. */
  readonly kept: number;
  readonly treatment: number;
  readonly control: number;
}

/**
 * Assigns the audience to arms and records it: arm = control when armHash(campaign id, customer id)
 * < control share. Members already recorded keep their arm and assignment time (the insert skips
 * them), so re-running never moves anyone. For a "list:" audience pass the ids.
 *
 * @throws ProgrammeError for a list audience without ids.
 * @example
 * await assignMembers(store.client, "club-q4"); // { added: 3914, kept: 0, treatment: 3523, control: 391, … }
 */
export async function assignMembers(
  client: SqlClient,
  campaignId: string,
  ids?: readonly string[],
): Promise<AssignmentSummary> {
  const c = await getCampaign(client, campaignId);
  const startDay = dayOption(c.startsAt, "start");
  let audience: string[];
  if (c.audience.startsWith("list:")) {
    if (ids === undefined)
      throw new ProgrammeError(`campaign "${campaignId}" has a list audience: give the ids (--file)`);
    audience = [...new Set(ids.map((i) => i.trim()).filter((i) => i !== ""))];
  } else if (c.audience.startsWith("segment:")) {
    // The segment as it stood the day before the campaign started.
    audience = await segmentMembers(
      client,
      c.audience.slice("segment:".length).trim(),
      fromEpochDay(startDay - 1),
    );
  } else {
    const day = duckdbDialect.epochDay("occurred_at", null);
    audience = (
      await client.all(
        sql(
          `SELECT DISTINCT customer_id FROM transactions WHERE customer_id IS NOT NULL AND amount > 0 AND ${day} < $1 ORDER BY 1`,
          [startDay],
        ),
      )
    ).map((r) => String(r.customer_id));
  }
  const existing = new Set(
    (
      await client.all(sql("SELECT customer_id FROM campaign_members WHERE campaign_id = $1", [campaignId]))
    ).map((r) => String(r.customer_id)),
  );
  const fresh = audience.filter((id) => !existing.has(id));
  const rows: SqlValue[][] = fresh.map((id) => [campaignId, id, stableArm(campaignId, id, c.controlShare)]);
  await insertRows(
    client,
    duckdbDialect.param,
    "campaign_members",
    ["campaign_id", "customer_id", "arm"],
    rows,
    "ON CONFLICT DO NOTHING",
  );
  await client.run(
    sql(
      "UPDATE campaign_members SET assigned_at = current_timestamp WHERE campaign_id = $1 AND assigned_at IS NULL",
      [campaignId],
    ),
  );
  const [n] = await client.all(
    sql(
      "SELECT count(*) FILTER (WHERE arm = 'treatment') AS t, count(*) FILTER (WHERE arm = 'control') AS c FROM campaign_members WHERE campaign_id = $1",
      [campaignId],
    ),
  );
  return {
    campaignId,
    audience: audience.length,
    added: fresh.length,
    kept: audience.length - fresh.length,
    treatment: Number(n?.t ?? 0),
    control: Number(n?.c ?? 0),
  };
}

/** A recorded member. */
export interface CampaignMember {
  readonly campaign_id: string;
  readonly customer_id: string;
  readonly arm: string;
  readonly assigned_at: string | null;
  readonly redeemed_at: string | null;
}

/** The recorded members of a campaign (optionally one arm), by customer id. */
export async function campaignMembers(
  client: SqlClient,
  campaignId: string,
  arm?: string,
): Promise<CampaignMember[]> {
  const rows = await client.all(
    sql(
      `SELECT campaign_id, customer_id, arm, CAST(assigned_at AS VARCHAR) AS assigned_at, CAST(redeemed_at AS VARCHAR) AS redeemed_at
       FROM campaign_members WHERE campaign_id = $1 AND ($2 IS NULL OR arm = $2) ORDER BY customer_id`,
      [campaignId, arm ?? null],
    ),
  );
  return rows.map((r) => ({
    campaign_id: String(r.campaign_id),
    customer_id: String(r.customer_id),
    arm: String(r.arm),
    assigned_at: r.assigned_at === null ? null : String(r.assigned_at),
    redeemed_at: r.redeemed_at === null ? null : String(r.redeemed_at),
  }));
}

/**
 * Members as CSV for the delivering channel; by default the treatment arm only (the control group
 * must not be contacted).
 *
 * @example
 * writeFileSync("club-q4.csv", await exportMembersCsv(store.client, "club-q4"));
 */
export async function exportMembersCsv(
  client: SqlClient,
  campaignId: string,
  arm: string | null = "treatment",
): Promise<string> {
  await getCampaign(client, campaignId);
  return membersCsv(await campaignMembers(client, campaignId, arm ?? undefined));
}

/**
 * Records redemptions (who used the offer, on a day): counted in the campaign's cost.
 *
 * @returns how many members were marked.
 */
export async function recordRedemptions(
  client: SqlClient,
  campaignId: string,
  ids: readonly string[],
  on: string,
): Promise<number> {
  const day = dayOption(on, "--on");
  let marked = 0;
  for (const id of new Set(ids)) {
    const [r] = await client.all(
      sql(
        `UPDATE campaign_members SET redeemed_at = DATE '1970-01-01' + CAST($3 AS INTEGER)
         WHERE campaign_id = $1 AND customer_id = $2 AND arm = 'treatment' RETURNING customer_id`,
        [campaignId, id, day],
      ),
    );
    if (r !== undefined) marked += 1;
  }
  return marked;
}
