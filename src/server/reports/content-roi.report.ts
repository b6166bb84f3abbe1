import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ContentRoi } from "../../shared/contracts/reports/content.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";
import { assetDealPresence, ratio } from "./content-presence.sql.js";

type Row = { asset_id: string | null; title: string; buying_stage: "engage" | "convert"; format: ContentRoi["rows"][number]["format"]; cost: number; won_deals: number; influenced_revenue: number };

/**
 * Content ROI: each costed asset's production cost against the revenue of the deals won in the period it was on;
 * the total counts each won deal once however many costed assets it had.
 */
export async function contentRoiReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod): Promise<ContentRoi> {
  const res = await tx.execute<Row>(sql`
    with p as (${assetDealPresence(workspaceId)}),
    costed as (
      select a.id, a.title, a.buying_stage, a.format, a.production_cost::float8 as cost from assets a
      where a.workspace_id = ${workspaceId} and a.production_cost > 0 and a.status in ('published', 'retired')
    ),
    won as (select d.id, d.amount::float8 as amount from deals d where d.workspace_id = ${workspaceId} and d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, period)}),
    per_asset as (
      select c.id as asset_id, c.title, c.buying_stage, c.format, c.cost, count(w.id)::int as won_deals, coalesce(sum(w.amount), 0)::float8 as influenced_revenue
      from costed c left join p on p.asset_id = c.id left join won w on w.id = p.deal_id
      group by c.id, c.title, c.buying_stage, c.format, c.cost
    )
    select * from per_asset
    union all
    select null, 'total', 'engage', 'other', (select coalesce(sum(cost), 0) from costed)::float8,
      count(*)::int, coalesce(sum(w.amount), 0)::float8
    from won w where exists (select 1 from p join costed c on c.id = p.asset_id where p.deal_id = w.id)
    order by 7 desc, 5 desc, 2`);
  const total = res.rows.find((r) => r.asset_id === null)!;
  return {
    totals: { cost: total.cost, influencedRevenue: total.influenced_revenue, roi: ratio(total.influenced_revenue - total.cost, total.cost) },
    rows: res.rows.filter((r) => r.asset_id !== null).map((r) => ({
      assetId: r.asset_id!, title: r.title, buyingStage: r.buying_stage, format: r.format, cost: r.cost, wonDeals: r.won_deals, influencedRevenue: r.influenced_revenue,
      roi: ratio(r.influenced_revenue - r.cost, r.cost),
    })),
  };
}
