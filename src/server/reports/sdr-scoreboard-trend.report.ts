import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ScoreboardMonth } from "../../shared/contracts/team.js";
import { DEAL_SDR, monthBounds } from "./sdr-comp-facts.report.js";

type Scope = { from: string; to: string; timezone: string };

/**
 * The SDR scoreboard month by month (docs/WINLOSS-TEAM.md): for each of `userIds` and every month `from`..`to` in
 * the workspace zone (months without activity as zeros), the meetings they logged and those with accepted leads,
 * the deals they sourced created in the month with their amount, and those won in the month with the revenue —
 * the scoreboard's rules, so the months of a rep add up to their row.
 */
export async function sdrScoreboardTrend(tx: Queryable, workspaceId: string, s: Scope, userIds: string[]): Promise<Map<string, ScoreboardMonth[]>> {
  const out = new Map<string, ScoreboardMonth[]>(userIds.map((u) => [u, []]));
  if (userIds.length === 0) return out;
  const { start, end } = monthBounds(s);
  const users = sql.join(userIds.map((u) => sql`${u}::uuid`), sql`, `);
  const month = (col: SQL) => sql`to_char(${col} at time zone ${s.timezone}, 'YYYY-MM')`;
  const res = await tx.execute<ScoreboardMonth & { userId: string }>(sql`
    with months as (
      select to_char(m, 'YYYY-MM') as month
      from generate_series((${s.from} || '-01')::date, (${s.to} || '-01')::date, interval '1 month') m),
    meet as (
      select t.actor_user_id as user_id, ${month(sql`t.occurred_at`)} as month, count(*)::int as booked,
             count(*) filter (where coalesce(c.sal_at, c.sql_at, c.opportunity_at, c.customer_at) is not null)::int as accepted
      from touchpoints t
      left join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
      where t.workspace_id = ${workspaceId} and t.type = 'meeting' and t.actor_user_id in (${users})
        and t.occurred_at >= ${start} and t.occurred_at < ${end}
      group by 1, 2),
    sourced as (
      select ${DEAL_SDR} as user_id, d.amount::float8 as amount, d.outcome, d.created_at, d.closed_at
      from deals d
      where d.workspace_id = ${workspaceId}
        and ((d.created_at >= ${start} and d.created_at < ${end}) or (d.closed_at >= ${start} and d.closed_at < ${end}))),
    created as (
      select user_id, ${month(sql`created_at`)} as month, count(*)::int as opportunities, coalesce(sum(amount), 0)::float8 as pipeline
      from sourced where user_id in (${users}) and created_at >= ${start} and created_at < ${end}
      group by 1, 2),
    won as (
      select user_id, ${month(sql`closed_at`)} as month, count(*)::int as won, coalesce(sum(amount), 0)::float8 as revenue
      from sourced where user_id in (${users}) and outcome = 'won' and closed_at >= ${start} and closed_at < ${end}
      group by 1, 2)
    select u.user_id as "userId", m.month,
           coalesce(mt.booked, 0) as "meetingsBooked", coalesce(mt.accepted, 0) as "meetingsAccepted",
           coalesce(cr.opportunities, 0) as opportunities, coalesce(cr.pipeline, 0)::float8 as pipeline,
           coalesce(w.won, 0) as "wonDeals", coalesce(w.revenue, 0)::float8 as "wonRevenue"
    from unnest(array[${users}]) as u(user_id)
    cross join months m
    left join meet mt on mt.user_id = u.user_id and mt.month = m.month
    left join created cr on cr.user_id = u.user_id and cr.month = m.month
    left join won w on w.user_id = u.user_id and w.month = m.month
    order by u.user_id, m.month`);
  for (const { userId, ...m } of res.rows) out.get(userId)?.push(m);
  return out;
}
