import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { PASSED_LEAD_STATUSES, type PassedLead, type PassedLeadStatus, type PassedLeadsQuery } from "../../shared/contracts/team.js";
import { monthBounds } from "./sdr-comp-facts.report.js";

type Scope = { sdrId: string; from: string; to: string; timezone: string };

/**
 * The leads an SDR passed to sales in months `from`..`to` (docs/WINLOSS-TEAM.md, "My leads"), one row per lead, as
 * the body of a CTE: contacts whose SDR is `sdrId`, passed when they became an MQL (else when they were accepted,
 * for an outbound lead the SDR qualified by hand), with what became of them. A lead's deal is the new-business deal
 * it sourced (source contact, else primary contact of a `new` deal); with several, a won one first, then an open one,
 * then the latest. The status is the furthest point reached: won, an open opportunity, lost, no decision,
 * accepted (SAL or later), rejected (a rejection since it was passed), else pending.
 */
export function passedLeadRows(workspaceId: string, s: Scope): SQL {
  const { start, end } = monthBounds(s);
  return sql`
    with passed as (
      select c.workspace_id, c.id, coalesce(c.mql_at, c.sal_at) as passed_at, c.account_id, c.owner_id, c.original_campaign_id, c.opportunity_at,
             coalesce(c.sal_at, c.sql_at, c.opportunity_at, c.customer_at) is not null as accepted,
             coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email, 'A lead') as name
      from contacts c
      where c.workspace_id = ${workspaceId} and c.sdr_id = ${s.sdrId}
        and coalesce(c.mql_at, c.sal_at) >= ${start} and coalesce(c.mql_at, c.sal_at) < ${end}),
    dl as (
      select distinct on (x.contact_id) x.contact_id, x.id, x.name, x.amount, x.outcome, x.reason_code,
             coalesce(sum(x.amount) filter (where x.outcome = 'won') over (partition by x.contact_id), 0)::float8 as won_revenue
      from (select coalesce(d.source_contact_id, case when d.type = 'new' then d.primary_contact_id end) as contact_id, d.id, d.name,
                   d.amount::float8 as amount, d.outcome, d.reason_code, d.created_at
            from deals d where d.workspace_id = ${workspaceId}) x
      where x.contact_id in (select id from passed)
      order by x.contact_id, case when x.outcome = 'won' then 0 when x.outcome is null then 1 else 2 end, x.created_at desc, x.id)
    select p.id, p.name, p.passed_at, p.original_campaign_id as campaign_id, a.name as account_name, u.name as owner_name,
           rj.reason_code as reject_code, sl.verdict as sla, dl.id as deal_id, dl.name as deal_name, dl.amount as deal_amount,
           case when dl.outcome in ('lost', 'no_decision') then dl.reason_code end as loss_code, dl.outcome as deal_outcome,
           coalesce(dl.won_revenue, 0)::float8 as won_revenue,
           case when dl.outcome = 'won' then 'won'
                when dl.id is not null and dl.outcome is null then 'opportunity'
                when dl.outcome = 'lost' then 'lost'
                when dl.outcome = 'no_decision' then 'no_decision'
                when p.opportunity_at is not null then 'opportunity'
                when p.accepted then 'accepted'
                when rj.reason_code is not null or rj.found then 'rejected'
                else 'pending' end as status
    from passed p
    left join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
    left join users u on u.id = p.owner_id
    left join dl on dl.contact_id = p.id
    left join lateral (
      select t.reason_code, true as found from stage_transitions t
      where t.workspace_id = p.workspace_id and t.contact_id = p.id and t.to_stage = 'rejected' and t.at >= p.passed_at
      order by t.at desc limit 1) rj on true
    left join lateral (
      select case when st.breached_at is not null then 'breached' when st.state = 'met' then 'met' when st.state = 'running' then 'open' end as verdict
      from sla_timers st where st.workspace_id = p.workspace_id and st.contact_id = p.id and st.kind = 'accept'
      order by st.started_at desc limit 1) sl on true`;
}

type Row = {
  id: string | null;
  name: string;
  passedAt: Date | string;
  accountName: string | null;
  ownerName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  status: PassedLeadStatus;
  rejectReasonCode: string | null;
  rejectReasonLabel: string | null;
  sla: PassedLead["sla"];
  dealId: string | null;
  dealName: string | null;
  dealAmount: number | null;
  lossReasonCode: string | null;
  lossReasonLabel: string | null;
  wonRevenue: number;
  total: number;
  counts: Partial<Record<PassedLeadStatus, number>>;
};

/** One page of an SDR's passed leads (newest first) with the filters applied, the filtered total and the counts per status of the whole period. */
export async function sdrPassedLeads(tx: Queryable, workspaceId: string, s: Scope, q: Pick<PassedLeadsQuery, "status" | "campaignId" | "sla" | "limit" | "offset">) {
  const conds: SQL[] = [sql`true`];
  if (q.status) conds.push(sql`r.status = ${q.status}`);
  if (q.campaignId) conds.push(sql`r.campaign_id = ${q.campaignId}`);
  if (q.sla) conds.push(sql`r.sla = ${q.sla}`);
  const where = sql.join(conds, sql` and `);
  const res = await tx.execute<Row>(sql`
    with r as (${passedLeadRows(workspaceId, s)}),
    counts as (select r.status, count(*)::int as n from r group by r.status)
    select x.*, (select count(*)::int from r where ${where}) as total,
           (select coalesce(json_object_agg(counts.status, counts.n), '{}'::json) from counts) as counts
    from (select 1) one
    left join lateral (
      select r.id, r.name, r.passed_at as "passedAt", r.account_name as "accountName", r.owner_name as "ownerName", r.campaign_id as "campaignId",
             cp.name as "campaignName", r.status, r.reject_code as "rejectReasonCode", rr.label as "rejectReasonLabel", r.sla,
             r.deal_id as "dealId", r.deal_name as "dealName", r.deal_amount as "dealAmount", r.loss_code as "lossReasonCode", lr.label as "lossReasonLabel",
             r.won_revenue as "wonRevenue"
      from r
      left join campaigns cp on cp.workspace_id = ${workspaceId} and cp.id = r.campaign_id
      left join reason_codes rr on rr.workspace_id = ${workspaceId} and rr.kind = 'reject' and rr.code = r.reject_code
      left join reason_codes lr on lr.workspace_id = ${workspaceId} and lr.code = r.loss_code and lr.kind = case r.deal_outcome when 'lost' then 'loss' else 'no_decision' end
      where ${where}
      order by r.passed_at desc, r.id
      limit ${q.limit} offset ${q.offset}) x on true`);
  const first = res.rows[0];
  const counts = Object.fromEntries(PASSED_LEAD_STATUSES.map((k) => [k, first?.counts[k] ?? 0])) as Record<PassedLeadStatus, number>;
  const leads: PassedLead[] = res.rows
    .filter((r): r is Row & { id: string } => r.id !== null)
    .map(({ total: _t, counts: _c, id, passedAt, ...r }) => ({ contactId: id, ...r, passedAt: new Date(passedAt) }));
  return { total: first?.total ?? 0, counts, leads };
}
