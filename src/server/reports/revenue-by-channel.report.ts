import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { RevenueByChannel, RevenueByChannelRecords, RevenueByChannelRecordsQuery } from "../../shared/contracts/reports/revenue-by-channel.js";
import { dealScope, inPeriod, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";

/**
 * Deals won or created in the period (`deals_closed_idx`, `deals_created_idx`) with the channel that sourced them:
 * `partner` when the sourcing contact (source contact, else primary contact) works at a partner account, else the
 * source campaign's channel, else the sourcing contact's channel, else `unattributed` (the contact's channel and
 * partner account read from the keys the deal copies, migration 0022). The `channel` filter applies to that
 * resolved channel.
 */
function channelDeals(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  const won = sql`d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)}`;
  const created = inPeriod(sql`d.created_at`, period);
  return sql`with cd as (
      select d.id, d.name, d.account_id, d.amount::float8 as amount, d.outcome, d.created_at, d.closed_at,
        ${won} as is_won, ${created} as is_created, cp.name as campaign_name, coalesce(d.source_contact_id, d.primary_contact_id) as source_contact_id,
        case when d.lead_partner then 'partner_account' when cp.channel is not null then 'campaign' when d.lead_channel is not null then 'contact' else 'none' end as channel_from,
        case when d.lead_partner then 'partner' else coalesce(cp.channel, d.lead_channel, 'unattributed') end as channel
      from deals d
      left join campaigns cp on cp.workspace_id = d.workspace_id and cp.id = d.source_campaign_id
      where d.workspace_id = ${workspaceId} and ((${won}) or ${created}) and ${dealScope({ ...f, channel: undefined })}
    ), scoped as (select * from cd ${f.channel ? sql`where cd.channel = ${f.channel}` : sql``})`;
}

type Row = { channel: string; revenue: number; wonDeals: number; pipeline: number; pipelineDeals: number; viaPartnerAccount: number };

const share = (n: number, d: number) => (d === 0 ? null : n / d);

/** Won revenue and pipeline per sourcing channel with shares of the total, partner/alliance deals summed apart. */
export async function revenueByChannel(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<RevenueByChannel> {
  const res = await tx.execute<Row>(sql`${channelDeals(workspaceId, period, filters)}
    select s.channel, coalesce(sum(s.amount) filter (where s.is_won), 0)::float8 as revenue, count(*) filter (where s.is_won)::int as "wonDeals",
      coalesce(sum(s.amount) filter (where s.is_created), 0)::float8 as pipeline, count(*) filter (where s.is_created)::int as "pipelineDeals",
      count(*) filter (where s.channel_from = 'partner_account')::int as "viaPartnerAccount"
    from scoped s group by s.channel`);
  const sum = (k: keyof Omit<Row, "channel">) => res.rows.reduce((s, r) => s + r[k], 0);
  const total = { revenue: sum("revenue"), wonDeals: sum("wonDeals"), pipeline: sum("pipeline"), pipelineDeals: sum("pipelineDeals") };
  const p = res.rows.find((r) => r.channel === "partner") ?? { revenue: 0, wonDeals: 0, pipeline: 0, pipelineDeals: 0, viaPartnerAccount: 0 };
  return {
    total,
    channels: res.rows
      .map(({ viaPartnerAccount: _v, ...r }) => ({ ...r, revenueShare: share(r.revenue, total.revenue), pipelineShare: share(r.pipeline, total.pipeline) }))
      .sort((a, b) => b.revenue - a.revenue || b.pipeline - a.pipeline || a.channel.localeCompare(b.channel)),
    partner: {
      revenue: p.revenue, wonDeals: p.wonDeals, pipeline: p.pipeline, pipelineDeals: p.pipelineDeals, viaPartnerAccount: p.viaPartnerAccount,
      revenueShare: share(p.revenue, total.revenue), pipelineShare: share(p.pipeline, total.pipeline),
    },
  };
}

type RecordRow = Omit<RevenueByChannelRecords["items"][number], "createdAt" | "closedAt"> & { createdAt: Date; closedAt: Date | null; total: number };

/** The deals behind one channel's revenue or pipeline, largest first, with where their channel came from. */
export async function revenueByChannelRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: RevenueByChannelRecordsQuery): Promise<RevenueByChannelRecords> {
  const res = await tx.execute<RecordRow>(sql`${channelDeals(workspaceId, period, q)}
    select s.id, s.name, a.name as "accountName", s.amount, s.outcome, s.created_at as "createdAt", s.closed_at as "closedAt", s.channel,
      s.channel_from as "channelFrom", s.campaign_name as "campaignName",
      (select coalesce(nullif(trim(concat_ws(' ', sc.first_name, sc.last_name)), ''), sc.email) from contacts sc
       where sc.workspace_id = ${workspaceId} and sc.id = s.source_contact_id) as "sourceContactName", count(*) over ()::int as total
    from scoped s join accounts a on a.workspace_id = ${workspaceId} and a.id = s.account_id
    where s.channel = ${q.channelKey} and ${q.measure === "revenue" ? sql`s.is_won` : sql`s.is_created`}
    order by s.amount desc, s.id limit ${q.limit} offset ${q.offset}`);
  const page = {
    items: res.rows.map(({ total: _t, ...r }) => ({ ...r, createdAt: new Date(r.createdAt), closedAt: r.closedAt && new Date(r.closedAt) })),
    total: res.rows[0]?.total ?? 0,
  };
  return pastTheEnd(q, page, (first) => revenueByChannelRecords(tx, workspaceId, period, first));
}
