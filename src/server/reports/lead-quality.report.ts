import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { LeadQualityQuery, LeadQualityRecords, LeadQualityRecordsQuery, LeadQualityReport } from "../../shared/contracts/reports/lead-quality.js";
import { dealLeadScope, inPeriod, type ResolvedPeriod } from "./report-scope.js";
import { contactName, handoversSql, reachedSince, toDate } from "./lead-stages.sql.js";
import { rollupInPeriod, rollupScope } from "./lead-rollup.sql.js";

type By = LeadQualityQuery["by"];
type Model = LeadQualityQuery["model"];
type Sums = { mqls: number; accepted: number; rejected: number; sqls: number; wonLeads: number; pipeline: number; revenue: number; wonDeals: number; cost: number; attributedRevenue: number };
type LeadRow = Pick<Sums, "mqls" | "accepted" | "rejected" | "sqls" | "wonLeads"> & { campaignId: string | null; source: string | null };
type DealRow = Pick<Sums, "pipeline" | "revenue" | "wonDeals"> & { campaignId: string | null; source: string | null };
type CampaignAmount = { campaignId: string | null; amount: number };

const WEIGHT: Record<Model, string> = { first: "w_first", last: "w_last", linear: "w_linear", u_shaped: "w_u_shaped", w_shaped: "w_w_shaped", time_decay: "w_time_decay" };

// A deal belongs to the lead that sourced it (its source contact, else its primary contact, as dealScope reads it) and
// to its source campaign, else that lead's original campaign; the deal carries that lead's keys (migration 0022).
const DEAL_CAMPAIGN = sql`coalesce(d.source_campaign_id, d.lead_campaign_id)`;

/** Deal conditions: the workspace and the lead filters on the deal's lead; the campaign filter on the deal's campaign unless told not to. */
function dealConds(workspaceId: string, f: ReportFilters, withCampaign = true): SQL {
  const campaign = withCampaign && f.campaignId ? sql`${DEAL_CAMPAIGN} = ${f.campaignId}` : sql`true`;
  return sql`d.workspace_id = ${workspaceId} and ${dealLeadScope({ ...f, campaignId: undefined })} and ${campaign}`;
}

function dealInPeriod(period: ResolvedPeriod): SQL {
  return sql`(${inPeriod(sql`d.created_at`, period)} or (d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)}))`;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const ZERO: Sums = { mqls: 0, accepted: 0, rejected: 0, sqls: 0, wonLeads: 0, pipeline: 0, revenue: 0, wonDeals: 0, cost: 0, attributedRevenue: 0 };

function numbers(s: Sums) {
  return {
    ...s,
    acceptanceRate: ratio(s.accepted, s.accepted + s.rejected),
    mqlToSql: ratio(s.sqls, s.mqls),
    sqlToWon: ratio(s.wonLeads, s.sqls),
    costPerMql: ratio(s.cost, s.mqls),
    costPerSql: ratio(s.cost, s.sqls),
    costPerWon: ratio(s.cost, s.wonDeals),
    roi: ratio(s.attributedRevenue - s.cost, s.cost),
  };
}

function add(into: Sums, part: Partial<Sums>, share = 1) {
  for (const k of Object.keys(ZERO) as (keyof Sums)[]) into[k] += (part[k] ?? 0) * share;
}

/** Lead quality per campaign, source or vehicle: MQLs, acceptance, MQL→SQL, SQL→won, pipeline, revenue, cost and cost per MQL/SQL/won, ROI on attributed revenue. */
export async function leadQualityReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: LeadQualityQuery): Promise<LeadQualityReport> {
  // The hand-overs summed from the rollup (lead-rollup.sql.ts): the counts of handoversSql with reachedSince.
  const leadsBy = (f: ReportFilters) => sql`
    select r.campaign_id as "campaignId", r.source, sum(r.n)::int as mqls,
      coalesce(sum(r.n) filter (where r.decision = 'sal'), 0)::int as accepted, coalesce(sum(r.n) filter (where r.decision = 'rejected'), 0)::int as rejected,
      coalesce(sum(r.n) filter (where r.reached_sql), 0)::int as sqls, coalesce(sum(r.n) filter (where r.reached_customer), 0)::int as "wonLeads"
    from lead_rollup r where ${rollupInPeriod(workspaceId, "handover", period)} and ${rollupScope(f)}
    group by 1, 2 having sum(r.n) <> 0`;
  const leads = (await tx.execute<LeadRow>(leadsBy(q))).rows;
  const deals = (
    await tx.execute<DealRow>(sql`
    select ${DEAL_CAMPAIGN} as "campaignId", d.lead_source as source,
      coalesce(sum(d.amount) filter (where ${inPeriod(sql`d.created_at`, period)}), 0)::float8 as pipeline,
      coalesce(sum(d.amount) filter (where d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)}), 0)::float8 as revenue,
      count(*) filter (where d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)})::int as "wonDeals"
    from deals d
    where ${dealConds(workspaceId, q)} and ${dealInPeriod(period)} group by 1, 2`)
  ).rows;
  const costs = (
    await tx.execute<CampaignAmount>(sql`
    select cc.campaign_id as "campaignId", sum(cc.amount)::float8 as amount from campaign_costs cc
    where cc.workspace_id = ${workspaceId} and cc.incurred_on between ${period.from}::date and ${period.to}::date
      and ${q.campaignId ? sql`cc.campaign_id = ${q.campaignId}` : sql`true`}
    group by 1`)
  ).rows;
  const credits = (
    await tx.execute<CampaignAmount>(sql`
    select ac.campaign_id as "campaignId", sum(ac.${sql.raw(WEIGHT[q.model])} * ac.amount)::float8 as amount
    from attribution_credits ac join deals d on d.workspace_id = ac.workspace_id and d.id = ac.deal_id
    where ac.workspace_id = ${workspaceId} and ac.basis = 'revenue' and ${inPeriod(sql`ac.converted_at`, period)}
      and ${dealConds(workspaceId, q, false)} and ${q.campaignId ? sql`ac.campaign_id = ${q.campaignId}` : sql`true`}
    group by 1`)
  ).rows;
  const meta = new Map(
    (await tx.execute<{ id: string; name: string; vehicle: string | null }>(sql`select id, name, vehicle from campaigns where workspace_id = ${workspaceId}`)).rows.map((c) => [c.id, c]),
  );

  const keyOf = (by: By, campaignId: string | null, source: string | null): string | null =>
    by === "campaign" ? campaignId : by === "vehicle" ? ((campaignId && meta.get(campaignId)?.vehicle) ?? null) : source;
  const rows = new Map<string | null, Sums>();
  const row = (key: string | null) => rows.get(key) ?? rows.set(key, { ...ZERO }).get(key)!;
  const totals = { ...ZERO };
  for (const r of leads) add(row(keyOf(q.by, r.campaignId, r.source)), r);
  for (const r of deals) add(row(keyOf(q.by, r.campaignId, r.source)), r);
  for (const r of [...leads, ...deals]) add(totals, { ...r, cost: 0, attributedRevenue: 0 });
  const unallocated = { cost: 0, attributedRevenue: 0 };
  // Per source, a campaign's cost and attributed revenue are split by its share of the period's MQL hand-overs from
  // each source (all hand-overs, unfiltered, so a filter cannot move a campaign's whole cost onto one source).
  const shares = new Map<string | null, { source: string | null; mqls: number }[]>();
  if (q.by === "source") {
    for (const r of (await tx.execute<LeadRow>(leadsBy({}))).rows) shares.set(r.campaignId, [...(shares.get(r.campaignId) ?? []), { source: r.source, mqls: r.mqls }]);
  }
  const spread = (list: CampaignAmount[], field: "cost" | "attributedRevenue") => {
    for (const c of list) {
      totals[field] += c.amount;
      if (q.by !== "source") {
        add(row(keyOf(q.by, c.campaignId, null)), { [field]: c.amount });
        continue;
      }
      const parts = shares.get(c.campaignId);
      const all = parts?.reduce((s, p) => s + p.mqls, 0) ?? 0;
      if (!parts || all === 0) unallocated[field] += c.amount;
      else for (const p of parts) add(row(p.source), { [field]: c.amount }, p.mqls / all);
    }
  };
  spread(costs, "cost");
  spread(credits, "attributedRevenue");

  const labelOf = (key: string | null) => (key === null ? null : q.by === "campaign" ? (meta.get(key)?.name ?? key) : key);
  const out = [...rows.entries()]
    .map(([key, s]) => ({ key, label: labelOf(key), ...numbers(s) }))
    .sort((a, b) => b.mqls - a.mqls || b.cost - a.cost || (a.label ?? "\uffff").localeCompare(b.label ?? "\uffff"));
  return { by: q.by, model: q.model, rows: out, totals: numbers(totals), unallocated };
}

/** Matches a row's key on a campaign id and source expression (`none`: the row without). */
function rowKey(workspaceId: string, by: By, key: string, campaign: SQL, source: SQL): SQL {
  const value = by === "campaign" ? sql`${campaign}::text` : by === "source" ? source : sql`(select k.vehicle from campaigns k where k.workspace_id = ${workspaceId} and k.id = ${campaign})`;
  return key === "none" ? sql`${value} is null` : sql`${value} = ${key}`;
}

type RecordRow = Omit<LeadQualityRecords["items"][number], "at" | "closedAt"> & { at: string; closedAt: string | null };

/** The leads (MQL hand-overs) or deals behind one lead-quality row. */
export async function leadQualityRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: LeadQualityRecordsQuery): Promise<LeadQualityRecords> {
  const body =
    q.records === "leads"
      ? sql`select 'lead' as kind, h.id, ${contactName("h")} as name, h.email, h.stage, h.handed_at as at, h.outcome,
          coalesce(${reachedSince("sql", sql`h.handed_at`, "h")}, false) as "reachedSql", coalesce(${reachedSince("customer", sql`h.handed_at`, "h")}, false) as "wonLead",
          null::float8 as amount, null::timestamptz as "closedAt", null::boolean as "inPipeline", null::boolean as "inRevenue"
        from (${handoversSql(workspaceId, period, q)}) h where ${rowKey(workspaceId, q.by, q.key, sql`h.original_campaign_id`, sql`h.source`)}`
      : sql`select 'deal' as kind, d.id, d.name, null::text as email, d.stage, d.created_at as at, d.outcome,
          null::boolean as "reachedSql", null::boolean as "wonLead", d.amount::float8 as amount, d.closed_at as "closedAt",
          ${inPeriod(sql`d.created_at`, period)} as "inPipeline", (d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)}) as "inRevenue"
        from deals d
        where ${dealConds(workspaceId, q)} and ${dealInPeriod(period)} and ${rowKey(workspaceId, q.by, q.key, DEAL_CAMPAIGN, sql`d.lead_source`)}`;
  const count = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${body}) r`);
  const items = await tx.execute<RecordRow>(sql`select * from (${body}) r order by r.at, r.id limit ${q.limit} offset ${q.offset}`);
  return { items: items.rows.map((r) => ({ ...r, at: toDate(r.at), closedAt: toDate(r.closedAt) })), total: count.rows[0]?.total ?? 0 };
}
