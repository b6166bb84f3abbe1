import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ContentUsage, ContentUsageQuery } from "../../shared/contracts/reports/content.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";

type Row = { id: string | null; name: string; shares: number; attachments: number; views: number; assets: number };

/** Content use by rep or team in the period: tracked links created, deal attachments, the prospect views they brought, distinct assets. */
export async function contentUsageReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: ContentUsageQuery): Promise<ContentUsage> {
  const key = q.groupBy === "team" ? sql`m.team_id` : sql`e.rep_id`;
  const name = q.groupBy === "team" ? sql`coalesce(t.name, 'No team')` : sql`coalesce(u.name, 'Unknown')`;
  const res = await tx.execute<Row>(sql`
    with e as (
      select ev.actor_user_id as rep_id, ev.type, ev.asset_id from asset_events ev
      where ev.workspace_id = ${workspaceId} and ev.type in ('shared', 'attached') and ${inPeriod(sql`ev.at`, period)}
      union all
      select s.shared_by, 'viewed', ev.asset_id from asset_events ev
      join asset_shares s on s.workspace_id = ${workspaceId} and s.id = ev.share_id
      where ev.workspace_id = ${workspaceId} and ev.type = 'viewed' and ${inPeriod(sql`ev.at`, period)}
    )
    select ${key} as id, ${name} as name,
      count(*) filter (where e.type = 'shared')::int as shares,
      count(*) filter (where e.type = 'attached')::int as attachments,
      count(*) filter (where e.type = 'viewed')::int as views,
      count(distinct e.asset_id) filter (where e.type <> 'viewed')::int as assets
    from e
    left join memberships m on m.workspace_id = ${workspaceId} and m.user_id = e.rep_id
    left join users u on u.id = e.rep_id
    left join teams t on t.workspace_id = ${workspaceId} and t.id = m.team_id
    group by 1, 2
    order by count(*) filter (where e.type <> 'viewed') desc, count(*) filter (where e.type = 'viewed') desc, 2`);
  return { groupBy: q.groupBy, rows: res.rows };
}
