import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { MeetingFact, RepFacts, SourcedWinFact } from "../../shared/domain/commission.js";

type Range = { from: string; to: string; timezone: string };

/** The instants that bound months `from`..`to` (both included) in the zone, as SQL. */
export function monthBounds(r: Range) {
  return {
    start: sql`((${r.from} || '-01')::date::timestamp at time zone ${r.timezone})`,
    end: sql`(((${r.to} || '-01')::date + interval '1 month')::timestamp at time zone ${r.timezone})`,
  };
}

/** The SDR behind a deal: the deal's own SDR, else the SDR of its source contact. */
export const DEAL_SDR = sql`coalesce(d.sdr_id, (select sc.sdr_id from contacts sc where sc.workspace_id = d.workspace_id and sc.id = d.source_contact_id))`;

/**
 * What SDR commission is computed from (docs/WINLOSS-TEAM.md), per rep, for months `from`..`to` in the workspace
 * zone: the meetings the rep held (touchpoints of type meeting they logged) with leads sales accepted (the lead
 * reached SAL or later), and the won deals the rep sourced with the first churn after the win — a renewal deal
 * of the same account closed lost or no decision. A win counts when won or churned in the range.
 */
export async function sdrCompFacts(tx: Queryable, workspaceId: string, r: Range, userIds: string[]): Promise<Map<string, RepFacts>> {
  const out = new Map<string, RepFacts>(userIds.map((u) => [u, { meetings: [], wins: [] }]));
  if (userIds.length === 0) return out;
  const { start, end } = monthBounds(r);
  const users = sql.join(userIds.map((u) => sql`${u}::uuid`), sql`, `);
  const meetings = await tx.execute<MeetingFact & { userId: string; at: Date | string }>(sql`
    select t.actor_user_id as "userId", t.id, t.occurred_at as at, to_char(t.occurred_at at time zone ${r.timezone}, 'YYYY-MM') as month,
           'Meeting with ' || coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email, 'a lead') as label
    from touchpoints t
    join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
    where t.workspace_id = ${workspaceId} and t.type = 'meeting' and t.actor_user_id in (${users})
      and t.occurred_at >= ${start} and t.occurred_at < ${end}
      and coalesce(c.sal_at, c.sql_at, c.opportunity_at, c.customer_at) is not null
    order by t.occurred_at, t.id`);
  const wins = await tx.execute<SourcedWinFact & { userId: string; wonAt: Date | string; churnedAt: Date | string | null }>(sql`
    with w as (
      select ${DEAL_SDR} as "userId", d.id, d.name as label, d.amount::float8 as amount, d.closed_at as "wonAt",
             (select min(x.closed_at) from deals x where x.workspace_id = d.workspace_id and x.account_id = d.account_id
                and x.type = 'renewal' and x.outcome in ('lost', 'no_decision') and x.closed_at > d.closed_at) as "churnedAt"
      from deals d where d.workspace_id = ${workspaceId} and d.outcome = 'won' and d.closed_at < ${end})
    select w.*, to_char(w."wonAt" at time zone ${r.timezone}, 'YYYY-MM') as "wonMonth",
           to_char(w."churnedAt" at time zone ${r.timezone}, 'YYYY-MM') as "churnMonth"
    from w where w."userId" in (${users})
      and ((w."wonAt" >= ${start} and w."wonAt" < ${end}) or (w."churnedAt" >= ${start} and w."churnedAt" < ${end}))
    order by w."wonAt", w.id`);
  const iso = (v: Date | string) => new Date(v).toISOString();
  for (const m of meetings.rows) out.get(m.userId)?.meetings.push({ id: m.id, label: m.label, at: iso(m.at), month: m.month });
  for (const w of wins.rows) {
    out.get(w.userId)?.wins.push({ id: w.id, label: w.label, amount: w.amount, wonAt: iso(w.wonAt), wonMonth: w.wonMonth, churnedAt: w.churnedAt ? iso(w.churnedAt) : null, churnMonth: w.churnMonth });
  }
  return out;
}

/** The workspace's time zone (months of statements are calendar months there). */
export async function workspaceZone(tx: Queryable, workspaceId: string): Promise<string> {
  const res = await tx.execute<{ timezone: string }>(sql`select timezone from workspaces where id = ${workspaceId}`);
  return res.rows[0]?.timezone ?? "UTC";
}
