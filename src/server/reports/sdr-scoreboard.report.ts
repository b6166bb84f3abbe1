import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ScoreboardRow } from "../../shared/contracts/team.js";
import { podRatio } from "../../shared/domain/routing.js";
import { DEAL_SDR, monthBounds } from "./sdr-comp-facts.report.js";

type Scope = { from: string; to: string; timezone: string; podId?: string; onlyUserId?: string };

type Row = Omit<ScoreboardRow, "ratio" | "acceptanceRate" | "opportunityRate" | "winRate" | "revenuePerMeeting" | "months">;

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * The SDR scoreboard (docs/WINLOSS-TEAM.md) for months `from`..`to` in the workspace zone: every SDR (role sdr, or
 * leading a pod) with the meetings they logged in the period and how many of those were with leads sales accepted
 * (the commission rule: the lead reached SAL or later), the deals they sourced (`DEAL_SDR`) created in the period
 * with their amount (pipeline), and those closed and won in the period with the revenue. `null` when `podId` names
 * no pod of the workspace.
 */
export async function sdrScoreboard(tx: Queryable, workspaceId: string, s: Scope): Promise<Omit<ScoreboardRow, "months">[] | null> {
  const { start, end } = monthBounds(s);
  const pod = s.podId ? sql`and p.id = ${s.podId}` : sql``;
  const self = s.onlyUserId ? sql`and m.user_id = ${s.onlyUserId}` : sql``;
  const res = await tx.execute<Row & { podFound: boolean }>(sql`
    with reps as (
      select m.user_id, u.name, p.id as pod_id, p.name as pod_name,
             (select count(*) from pod_members pm where pm.workspace_id = p.workspace_id and pm.pod_id = p.id)::int as ae_count
      from memberships m
      join users u on u.id = m.user_id
      left join pods p on p.workspace_id = m.workspace_id and p.sdr_id = m.user_id
      where m.workspace_id = ${workspaceId} and (m.role = 'sdr' or p.id is not null) ${pod} ${self}),
    meet as (
      select t.actor_user_id as user_id, count(*)::int as booked,
             count(*) filter (where coalesce(c.sal_at, c.sql_at, c.opportunity_at, c.customer_at) is not null)::int as accepted
      from touchpoints t
      left join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
      where t.workspace_id = ${workspaceId} and t.type = 'meeting' and t.actor_user_id in (select user_id from reps)
        and t.occurred_at >= ${start} and t.occurred_at < ${end}
      group by 1),
    sourced as (
      select ${DEAL_SDR} as user_id, d.amount::float8 as amount, d.outcome,
             d.created_at >= ${start} and d.created_at < ${end} as created_in,
             d.closed_at >= ${start} and d.closed_at < ${end} as closed_in
      from deals d
      where d.workspace_id = ${workspaceId}
        and ((d.created_at >= ${start} and d.created_at < ${end}) or (d.closed_at >= ${start} and d.closed_at < ${end}))),
    dealt as (
      select user_id,
             count(*) filter (where created_in)::int as opportunities,
             coalesce(sum(amount) filter (where created_in), 0)::float8 as pipeline,
             count(*) filter (where closed_in and outcome is not null)::int as closed,
             count(*) filter (where closed_in and outcome = 'won')::int as won,
             coalesce(sum(amount) filter (where closed_in and outcome = 'won'), 0)::float8 as revenue
      from sourced where user_id in (select user_id from reps) group by 1)
    select r.user_id as "userId", r.name, r.pod_id as "podId", r.pod_name as "podName", case when r.pod_id is null then null else r.ae_count end as "aeCount",
           coalesce(m.booked, 0) as "meetingsBooked", coalesce(m.accepted, 0) as "meetingsAccepted",
           coalesce(d.opportunities, 0) as opportunities, coalesce(d.pipeline, 0) as pipeline,
           coalesce(d.closed, 0) as "closedDeals", coalesce(d.won, 0) as "wonDeals", coalesce(d.revenue, 0) as "wonRevenue",
           ${s.podId ?? null}::uuid is null or exists (select 1 from pods where workspace_id = ${workspaceId} and id = ${s.podId ?? null}::uuid) as "podFound"
    from (select 1) one
    left join reps r on true
    left join meet m on m.user_id = r.user_id
    left join dealt d on d.user_id = r.user_id
    order by r.name, r.user_id`);
  if (!res.rows[0]?.podFound) return null;
  return res.rows
    .filter((r) => r.userId !== null)
    .map(({ podFound: _p, ...r }) => ({
      ...r,
      ratio: r.aeCount === null ? null : podRatio(r.aeCount).status,
      acceptanceRate: ratio(r.meetingsAccepted, r.meetingsBooked),
      opportunityRate: ratio(r.opportunities, r.meetingsAccepted),
      winRate: ratio(r.wonDeals, r.closedDeals),
      revenuePerMeeting: ratio(r.wonRevenue, r.meetingsBooked),
    }));
}
