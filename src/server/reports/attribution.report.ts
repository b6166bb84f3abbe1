/**
 * Attribution of pipeline and revenue (DESIGN §6.5) read from the credits materialised per deal
 * (`attribution_credits`, `attribution_deals`; see modules/attribution). Definitions: docs/REPORTS.md, "Attribution".
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import {
  NO_KEY,
  UNATTRIBUTED_KEY,
  type AttributionCredit,
  type AttributionDeal,
  type AttributionGroup,
  type AttributionQuery,
  type AttributionRecords,
  type AttributionRecordsQuery,
  type AttributionReport,
  type AttributionRow,
} from "../../shared/contracts/reports/attribution.js";
import { dealScope, inPeriod, type ResolvedPeriod } from "./report-scope.js";

type Sums = { first: number; last: number; linear: number; u: number; w: number; decay: number };

const cents = (x: number) => Math.round(x * 100) / 100;
const credit = (s: Sums): AttributionCredit => ({ first: cents(s.first), last: cents(s.last), linear: cents(s.linear), uShaped: cents(s.u), wShaped: cents(s.w), timeDecay: cents(s.decay) });

/** The six credit sums over credit rows `ac`. */
const SUMS = sql`sum(ac.w_first * ac.amount)::float8 as first, sum(ac.w_last * ac.amount)::float8 as last, sum(ac.w_linear * ac.amount)::float8 as linear,
  sum(ac.w_u_shaped * ac.amount)::float8 as u, sum(ac.w_w_shaped * ac.amount)::float8 as w, sum(ac.w_time_decay * ac.amount)::float8 as decay`;

const KEY: Record<AttributionGroup, SQL> = {
  campaign: sql`coalesce(ac.campaign_id::text, ${NO_KEY})`,
  channel: sql`coalesce(ac.channel, ${NO_KEY})`,
  asset: sql`coalesce(ac.asset_id::text, ${NO_KEY})`,
};
const COLUMN: Record<AttributionGroup, SQL> = { campaign: sql`ac.campaign_id`, channel: sql`ac.channel`, asset: sql`ac.asset_id` };
const NONE_LABEL: Record<AttributionGroup, string> = { campaign: "(no campaign)", channel: "(no channel)", asset: "(no asset)" };

/** `channel` and `campaignId` pick touches (credit rows `ac`), not deals. */
function touchScope(f: ReportFilters): SQL {
  const parts: SQL[] = [];
  if (f.channel) parts.push(sql`and ac.channel = ${f.channel}`);
  if (f.campaignId) parts.push(sql`and ac.campaign_id = ${f.campaignId}`);
  return sql.join(parts, sql` `);
}

const hasTouchFilter = (f: ReportFilters) => Boolean(f.channel || f.campaignId);

/** Segment, source, team and rep pick deals: a condition on an alias with `workspace_id` and `deal_id` (skipped when unused). */
function dealFilter(f: ReportFilters, alias: string): SQL {
  if (!f.segment && !f.source && !f.teamId && !f.repId) return sql``;
  const a = sql.raw(alias);
  return sql`and exists (select 1 from deals d where d.workspace_id = ${a}.workspace_id and d.id = ${a}.deal_id and ${dealScope({ ...f, channel: undefined, campaignId: undefined }, "d")})`;
}

function creditsInScope(workspaceId: string, period: ResolvedPeriod, f: AttributionQuery): SQL {
  return sql`ac.workspace_id = ${workspaceId} and ac.basis = ${f.basis} and ${inPeriod(sql`ac.converted_at`, period)} ${touchScope(f)} ${dealFilter(f, "ac")}`;
}

function dealsInScope(workspaceId: string, period: ResolvedPeriod, f: AttributionQuery): SQL {
  return sql`ad.workspace_id = ${workspaceId} and ad.basis = ${f.basis} and ${inPeriod(sql`ad.converted_at`, period)} ${dealFilter(f, "ad")}`;
}

/** Deals with credit under the touch filters (all attributed deals without one). */
function matchesTouches(workspaceId: string, f: AttributionQuery): SQL {
  if (!hasTouchFilter(f)) return sql`ad.touches > 0`;
  return sql`exists (select 1 from attribution_credits ac where ac.workspace_id = ${workspaceId} and ac.deal_id = ad.deal_id and ac.basis = ad.basis ${touchScope(f)})`;
}

async function labels(tx: Queryable, workspaceId: string, by: AttributionGroup, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>([[NO_KEY, NONE_LABEL[by]]]);
  const ids = keys.filter((k) => k !== NO_KEY);
  if (by === "campaign" && ids.length > 0) {
    const res = await tx.execute<{ id: string; name: string }>(sql`select id, name from campaigns where workspace_id = ${workspaceId} and id = any(${sql.param(ids)}::uuid[])`);
    for (const r of res.rows) out.set(r.id, r.name);
  }
  return out;
}

/** Pipeline or revenue converted in the period, credited to campaigns, channels or assets by all six models, unattributed apart. */
export async function attributionReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, f: AttributionQuery): Promise<AttributionReport> {
  // Credit per (key, deal) first, then per key: counting a row's deals needs no sort of every touch.
  const res = await tx.execute<Sums & { key: string; touches: number; deals: number }>(sql`
    with per_deal as (
      select ${KEY[f.by]} as key, ac.deal_id, count(*)::int as touches, ${SUMS}
      from attribution_credits ac where ${creditsInScope(workspaceId, period, f)}
      group by 1, 2
    )
    select key, sum(first)::float8 as first, sum(last)::float8 as last, sum(linear)::float8 as linear, sum(u)::float8 as u, sum(w)::float8 as w,
      sum(decay)::float8 as decay, sum(touches)::int as touches, count(*)::int as deals
    from per_deal group by key`);
  const deals = await tx.execute<{ attributed: number; amount: number; unattributed: number; unattributed_amount: number }>(sql`
    select count(*) filter (where ${matchesTouches(workspaceId, f)})::int as attributed,
      coalesce(sum(ad.amount) filter (where ${matchesTouches(workspaceId, f)}), 0)::float8 as amount,
      count(*) filter (where ad.touches = 0)::int as unattributed,
      coalesce(sum(ad.amount) filter (where ad.touches = 0), 0)::float8 as unattributed_amount
    from attribution_deals ad where ${dealsInScope(workspaceId, period, f)}`);
  const names = await labels(tx, workspaceId, f.by, res.rows.map((r) => r.key));
  const rows: AttributionRow[] = res.rows
    .map((r) => ({ key: r.key, label: names.get(r.key) ?? r.key, credit: credit(r), touches: r.touches, deals: r.deals }))
    .sort((a, b) => b.credit.linear - a.credit.linear || a.label.localeCompare(b.label));
  const sum = (k: keyof Sums) => res.rows.reduce((s, r) => s + r[k], 0);
  const d = deals.rows[0]!;
  return {
    basis: f.basis,
    by: f.by,
    rows,
    totals: {
      credit: credit({ first: sum("first"), last: sum("last"), linear: sum("linear"), u: sum("u"), w: sum("w"), decay: sum("decay") }),
      touches: rows.reduce((s, r) => s + r.touches, 0),
      deals: d.attributed,
      amount: cents(d.amount),
    },
    unattributed: { deals: d.unattributed, amount: cents(d.unattributed_amount) },
  };
}

function keyMatch(by: AttributionGroup, key: string): SQL {
  const column = COLUMN[by];
  if (key === NO_KEY) return sql`and ${column} is null`;
  return by === "channel" ? sql`and ${column} = ${key}` : sql`and ${column} = ${key}::uuid`;
}

type RecordRow = Sums & { id: string; name: string; accountName: string; outcome: AttributionRecords["items"][number]["outcome"]; amount: number; convertedAt: Date; touches: number; allTouches: number; total: number };

/** The deals behind one row of the attribution report (or its unattributed deals), with the credit the row's touches get. */
export async function attributionRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: AttributionRecordsQuery): Promise<AttributionRecords> {
  const behind =
    q.key === UNATTRIBUTED_KEY
      ? sql`select ad.deal_id, 0 as touches, 0::float8 as first, 0::float8 as last, 0::float8 as linear, 0::float8 as u, 0::float8 as w, 0::float8 as decay
          from attribution_deals ad where ${dealsInScope(workspaceId, period, q)} and ad.touches = 0`
      : sql`select ac.deal_id, count(*)::int as touches, ${SUMS}
          from attribution_credits ac where ${creditsInScope(workspaceId, period, q)} ${keyMatch(q.by, q.key)} group by ac.deal_id`;
  const res = await tx.execute<RecordRow>(sql`
    with behind as (${behind})
    select d.id, d.name, a.name as "accountName", d.outcome, ad.amount::float8 as amount, ad.converted_at as "convertedAt", b.touches, ad.touches as "allTouches",
      b.first, b.last, b.linear, b.u, b.w, b.decay, count(*) over ()::int as total
    from behind b
    join attribution_deals ad on ad.workspace_id = ${workspaceId} and ad.deal_id = b.deal_id and ad.basis = ${q.basis}
    join deals d on d.workspace_id = ${workspaceId} and d.id = b.deal_id
    join accounts a on a.workspace_id = ${workspaceId} and a.id = d.account_id
    order by b.linear desc, ad.amount desc, d.id
    limit ${q.limit} offset ${q.offset}`);
  const total = res.rows[0]?.total ?? (q.offset > 0 ? await countBehind(tx, behind) : 0);
  return {
    items: res.rows.map((r) => ({ id: r.id, name: r.name, accountName: r.accountName, outcome: r.outcome, amount: r.amount, convertedAt: new Date(r.convertedAt), touches: r.touches, allTouches: r.allTouches, credit: credit(r) })),
    total,
  };
}

async function countBehind(tx: Queryable, behind: SQL): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from (${behind}) b`);
  return res.rows[0]?.n ?? 0;
}

type TouchRow = { basis: "pipeline" | "revenue"; touchpointId: string; position: number; occurredAt: Date; type: string; contactId: string | null; campaignId: string | null; campaignName: string | null; channel: string | null; assetId: string | null; amount: number; w: number[] };

/** One deal's eligible touches per basis with each model's weight and credit; null when the deal is not in this workspace. */
export async function attributionDeal(tx: Queryable, workspaceId: string, dealId: string): Promise<AttributionDeal | null> {
  const deal = await tx.execute<AttributionDeal["deal"]>(sql`
    select d.id, d.name, a.name as "accountName", d.amount::float8 as amount, d.created_at as "createdAt", d.closed_at as "closedAt", d.outcome
    from deals d join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
    where d.workspace_id = ${workspaceId} and d.id = ${dealId}`);
  const head = deal.rows[0];
  if (!head) return null;
  const bases = await tx.execute<{ basis: "pipeline" | "revenue"; convertedAt: Date; amount: number }>(sql`
    select basis, converted_at as "convertedAt", amount::float8 as amount from attribution_deals where workspace_id = ${workspaceId} and deal_id = ${dealId} order by basis`);
  const touches = await tx.execute<TouchRow>(sql`
    select ac.basis, ac.touchpoint_id as "touchpointId", ac.position, ac.occurred_at as "occurredAt", t.type, t.contact_id as "contactId",
      ac.campaign_id as "campaignId", c.name as "campaignName", ac.channel, ac.asset_id as "assetId", ac.amount::float8 as amount,
      array[ac.w_first, ac.w_last, ac.w_linear, ac.w_u_shaped, ac.w_w_shaped, ac.w_time_decay] as w
    from attribution_credits ac
    join touchpoints t on t.workspace_id = ac.workspace_id and t.id = ac.touchpoint_id
    left join campaigns c on c.workspace_id = ac.workspace_id and c.id = ac.campaign_id
    where ac.workspace_id = ${workspaceId} and ac.deal_id = ${dealId}
    order by ac.basis, ac.position`);
  const weights = (w: number[]) => ({ first: w[0]!, last: w[1]!, linear: w[2]!, uShaped: w[3]!, wShaped: w[4]!, timeDecay: w[5]! });
  return {
    deal: { ...head, createdAt: new Date(head.createdAt), closedAt: head.closedAt ? new Date(head.closedAt) : null },
    bases: bases.rows.map((b) => ({
      basis: b.basis,
      convertedAt: new Date(b.convertedAt),
      amount: b.amount,
      touches: touches.rows
        .filter((t) => t.basis === b.basis)
        .map((t) => {
          const w = t.w.map(Number);
          return {
            touchpointId: t.touchpointId, position: t.position, occurredAt: new Date(t.occurredAt), type: t.type, contactId: t.contactId,
            campaignId: t.campaignId, campaignName: t.campaignName, channel: t.channel, assetId: t.assetId,
            weights: weights(w),
            credit: credit({ first: w[0]! * t.amount, last: w[1]! * t.amount, linear: w[2]! * t.amount, u: w[3]! * t.amount, w: w[4]! * t.amount, decay: w[5]! * t.amount }),
          };
        }),
    })),
  };
}
