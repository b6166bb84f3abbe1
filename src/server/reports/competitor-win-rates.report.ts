import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { CompetitorWinRateRow } from "../../shared/contracts/enablement-competitors.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";

type Row = { competitorId: string; name: string; openDeals: number; won: number; lost: number; noDecision: number; lossReasons: { code: string | null; label: string; deals: number }[] | null };

/**
 * Win rate and loss reasons per competitor: the deals tagged with the competitor (deal_competitors, the truth for
 * "which competitors") closed in the period, won / (won + lost); no-decision deals are counted but not in the rate.
 * Open deals are the competitor's tagged deals open now. `competitorId` narrows to one competitor.
 */
export async function competitorWinRates(tx: Queryable, workspaceId: string, period: ResolvedPeriod, competitorId?: string): Promise<CompetitorWinRateRow[]> {
  const one = competitorId ? sql`and c.id = ${competitorId}` : sql``;
  const res = await tx.execute<Row>(sql`
    with tagged as (
      select dc.competitor_id, d.id, d.outcome, d.reason_code, d.closed_at
      from deal_competitors dc join deals d on d.workspace_id = dc.workspace_id and d.id = dc.deal_id
      where dc.workspace_id = ${workspaceId}
    ),
    closed as (select * from tagged t where t.outcome is not null and ${inPeriod(sql`t.closed_at`, period)}),
    reasons as (
      select cl.competitor_id, cl.reason_code as code, coalesce(max(rc.label), cl.reason_code, 'No reason recorded') as label, count(*)::int as deals
      from closed cl
      left join reason_codes rc on rc.workspace_id = ${workspaceId} and rc.kind = 'loss' and rc.code = cl.reason_code
      where cl.outcome = 'lost'
      group by cl.competitor_id, cl.reason_code
    )
    select c.id as "competitorId", c.name,
      (select count(*) from tagged t where t.competitor_id = c.id and t.outcome is null)::int as "openDeals",
      (select count(*) from closed cl where cl.competitor_id = c.id and cl.outcome = 'won')::int as won,
      (select count(*) from closed cl where cl.competitor_id = c.id and cl.outcome = 'lost')::int as lost,
      (select count(*) from closed cl where cl.competitor_id = c.id and cl.outcome = 'no_decision')::int as "noDecision",
      (select json_agg(json_build_object('code', r.code, 'label', r.label, 'deals', r.deals) order by r.deals desc, r.code nulls last)
         from reasons r where r.competitor_id = c.id) as "lossReasons"
    from competitors c
    where c.workspace_id = ${workspaceId} ${one}
    order by lower(c.name)`);
  return res.rows.map((r) => ({
    ...r,
    winRate: r.won + r.lost > 0 ? r.won / (r.won + r.lost) : null,
    lossReasons: r.lossReasons ?? [],
  }));
}
